/**
 * Test-only (imported by `*.test.tsx`, never by the app, so never bundled): the wizard's form
 * harness. Step questions, the step page and the eligibility panel read the form from
 * react-hook-form's context, so each component test renders them inside the same form the wizard
 * uses (the draft resolver, the settings of `use-intake-form.ts`) and hands back the form, to read
 * its values, and a user-event session, to type and click. Without a `DraftProvider` the
 * components read the form's draft store through the form in context, as a page rendered on its own does.
 */
import { render } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { useEffect, type ReactNode } from "react";
import { FormProvider, useForm, type UseFormReturn } from "react-hook-form";
import { emptyDraft, type Draft } from "@/web/features/intake/draft";
import { draftResolver } from "@/web/features/intake/draft-resolver";

/** The request date of every test draft. */
export const REQUEST_DATE = "2026-11-27";

/** An empty draft dated `REQUEST_DATE`, then changed by `change` (to answer what a test needs). */
export function testDraft(change: (draft: Draft) => void = () => undefined): Draft {
  const draft = emptyDraft(REQUEST_DATE);
  change(draft);
  return draft;
}

/** A test draft whose line of business is answered (commercial), so the live evaluation runs. */
export function commercialDraft(change: (draft: Draft) => void = () => undefined): Draft {
  return testDraft((draft) => {
    draft.lineOfBusiness = "commercial";
    change(draft);
  });
}

export interface RenderedForm {
  form: UseFormReturn<Draft>;
  user: UserEvent;
}

/**
 * Renders `ui` inside a form holding `draft`. Pass a function to give the form to what needs it
 * as a prop (the eligibility panel's `control`).
 */
export function renderInForm(
  ui: ReactNode | ((form: UseFormReturn<Draft>) => ReactNode),
  draft: Draft = testDraft(),
): RenderedForm {
  const holder: { form?: UseFormReturn<Draft> } = {};
  function Harness() {
    const form = useForm<Draft>({
      defaultValues: draft,
      resolver: draftResolver,
      mode: "onSubmit",
      reValidateMode: "onChange",
      shouldUnregister: false,
    });
    useEffect(() => {
      holder.form = form;
    }, [form]);
    return <FormProvider {...form}>{typeof ui === "function" ? ui(form) : ui}</FormProvider>;
  }
  render(<Harness />);
  const form = holder.form;
  if (form === undefined) throw new Error("the form did not render");
  return { form, user: userEvent.setup() };
}
