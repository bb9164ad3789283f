// @vitest-environment jsdom
/**
 * One answer, one name: what the wizard offers as an option is what "Check your answers", the
 * summary, the reviewer's values and the list of changes call it (the summary once said "Other
 * specialty" for the wizard's "Another specialty").
 */
import { cleanup, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import {
  criterionEvidence,
  documentChanges,
  evaluate,
  validateRequestDocument,
  type RequestDocument,
} from "@/criteria";
import { RequestSummary } from "@/web/components/request-summary";
import { eligible } from "@/web/test-support/eligible";
import { renderInForm } from "@/web/test-support/render-in-form";
import { answerRows } from "../answer-rows";
import { fromDocument, toDocument, type Draft } from "../draft";
import { PrescriberStep } from "./steps/prescriber-step";
import { ProphylaxisStep } from "./steps/prophylaxis-step";
import { RequestStep } from "./steps/request-step";

afterEach(cleanup);

/** The words the summary shows beside `label`. */
function summaryShows(document: RequestDocument, label: string): string {
  render(<RequestSummary document={document} evaluation={evaluate(document)} onBack={() => undefined} />);
  const term = screen.getByText(label, { selector: "dt" });
  const shown = term.nextElementSibling?.textContent ?? "";
  cleanup();
  return shown;
}

/**
 * The draft after choosing the option named `option` in `step` (the label is the wizard's): a radio,
 * or in the list labelled `list`.
 */
async function choose(step: ReactNode, option: string, list?: string): Promise<Draft> {
  const { form, user } = renderInForm(step, fromDocument(eligible()));
  if (list === undefined) await user.click(screen.getByRole("radio", { name: option }));
  else await user.selectOptions(screen.getByRole("combobox", { name: list }), option);
  const draft = form.getValues();
  cleanup();
  return draft;
}

function valid(draft: Draft): RequestDocument {
  const result = validateRequestDocument(toDocument(draft));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

describe("each chosen answer has one name everywhere it is shown", () => {
  it("another specialty", async () => {
    const draft = await choose(<PrescriberStep />, "Another specialty");
    draft.prescriber.hematologistConsulted = "yes";
    const document = valid(draft);
    expect(document.prescriber?.specialty).toBe("other");
    expect(answerRows(draft).prescriber.find((row) => row.label === "Specialty")?.value).toBe("Another specialty");
    expect(summaryShows(document, "Specialty")).toBe("Another specialty");
    expect(criterionEvidence(document, evaluate(document))["I.A.2"][0]?.value).toBe("Another specialty");
    expect(documentChanges(eligible(), document)[0]).toMatchObject({
      before: "Hematology",
      after: "Another specialty",
    });
  });

  it("hematology", async () => {
    const draft = await choose(<PrescriberStep />, "Hematology");
    expect(answerRows(draft).prescriber.find((row) => row.label === "Specialty")?.value).toBe("Hematology");
    expect(summaryShows(valid(draft), "Specialty")).toBe("Hematology");
  });

  it("the request type", async () => {
    const draft = await choose(<RequestStep />, "Initial request");
    expect(answerRows(draft).request[0]?.value).toBe("Initial request");
    expect(summaryShows(valid(draft), "Request type")).toBe("Initial request");
    const continuation = eligible();
    continuation.requestType = "continuation";
    expect(documentChanges(eligible(), continuation)[0]).toMatchObject({
      before: "Initial request",
      after: "Continuation",
    });
  });

  it("another factor IX product", async () => {
    const draft = await choose(
      <ProphylaxisStep />,
      "Another factor IX product",
      "Factor IX product used for routine prophylaxis",
    );
    const document = valid(draft);
    expect(answerRows(draft).prophylaxis[0]?.value).toBe("Another factor IX product");
    expect(criterionEvidence(document, evaluate(document))["I.A.5.a"][0]?.value).toBe("Another factor IX product");
    expect(documentChanges(eligible(), document)[0]).toMatchObject({
      before: "Alprolix",
      after: "Another factor IX product",
    });
  });

  it("another diagnosis, in the list of changes", () => {
    const other = eligible();
    other.diagnosis = { condition: "other", otherDescription: "Factor XI deficiency" };
    const change = documentChanges(eligible(), other).find((c) => c.path === "diagnosis.condition");
    expect(change).toMatchObject({
      before: "Congenital hemophilia B (factor IX deficiency)",
      after: "Another diagnosis or use",
    });
  });
});
