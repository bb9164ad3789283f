/** The wizard's one form: restored from this browser on load, saved here after each change (`draftWriter`). */
import { useEffect, useState } from "react";
import { useForm, type Resolver, type UseFormReturn } from "react-hook-form";
import { emptyDraft, type Draft } from "../draft";
import { draftWriter, loadDraft } from "../draft-storage";

/** Today in the user's time zone, as YYYY-MM-DD: the default request date. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The schema's resolver, loaded when the first answer is checked (Continue), not with the start page. */
const draftResolver: Resolver<Draft> = async (values, context, options) =>
  (await import("../draft-resolver")).draftResolver(values, context, options);

export function useIntakeForm(): UseFormReturn<Draft> {
  // Read synchronously: the first paint already shows the saved answers (no "Loading…" that shifts the page).
  const [initial] = useState(() => {
    const empty = emptyDraft(localToday());
    return loadDraft(empty) ?? empty;
  });
  const form = useForm<Draft>({
    defaultValues: initial,
    resolver: draftResolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldUnregister: false,
  });
  useEffect(() => {
    // Opened with the form: once the session ends, this form's later changes are not written.
    const write = draftWriter();
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => write(values),
    });
  }, [form]);
  return form;
}
