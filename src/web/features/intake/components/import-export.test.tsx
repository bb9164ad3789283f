// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { validateRequestDocument } from "@/criteria";
import { TextField } from "@/web/components/form-fields";
import { eligible } from "@/web/test-support/eligible";
import type { UserEvent } from "@testing-library/user-event";
import { renderInForm, testDraft } from "@/web/test-support/render-in-form";
// "@fixtures" resolves its folder with `new URL(..., import.meta.url)`, which jsdom's URL turns into
// an http: address; the fixture's JSON is read directly here instead.
import severalErrorsJson from "../../../../../fixtures/requests/invalid-several-errors.json";
import { fromDocument, toDocument } from "../draft";
import { ImportExport } from "./import-export";

function renderImportExport() {
  const startingDraft = testDraft((draft) => {
    draft.lineOfBusiness = "medicaid";
    draft.member.firstName = "Grace";
    draft.exposureDays = "12";
  });
  return renderInForm(
    <>
      <TextField name="member.firstName" label="First name" />
      <TextField name="exposureDays" label="Exposure days" />
      <ImportExport />
    </>,
    startingDraft,
  );
}

const jsonFile = (name: string, content: string): File => new File([content], name, { type: "application/json" });
const fileInput = (): HTMLElement => screen.getByLabelText("Import a request document (JSON)");

/** Imports `file` over the answers already typed, saying yes when asked. */
async function importOver(user: UserEvent, file: File): Promise<void> {
  await user.upload(fileInput(), file);
  const question = await screen.findByRole("alertdialog");
  await user.click(within(question).getByRole("button", { name: "Yes, replace them" }));
}

describe("ImportExport: import", () => {
  it("replaces the form's values with a valid document's once the person says yes", async () => {
    const { form, user } = renderImportExport();
    await user.upload(fileInput(), jsonFile("eligible.json", JSON.stringify(eligible())));
    const question = await screen.findByRole("alertdialog", {
      name: "Replace the answers in this request with eligible.json?",
    });
    expect(screen.getByRole("heading", { name: /Replace the answers/ })).toHaveFocus();
    expect(screen.getByLabelText("First name")).toHaveValue("Grace"); // nothing replaced yet
    await user.click(within(question).getByRole("button", { name: "Yes, replace them" }));
    expect(await screen.findByText("Imported eligible.json.")).toBeInTheDocument();
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(form.getValues()).toEqual(fromDocument(eligible()));
    expect(screen.getByLabelText("First name")).toHaveValue("Ada");
    expect(screen.getByLabelText("Exposure days")).toHaveValue("220");
    expect(validateRequestDocument(toDocument(form.getValues())).ok).toBe(true);
  });

  it("keeps the typed answers when the person says no, and says the file was not imported", async () => {
    const { form, user } = renderImportExport();
    const before = structuredClone(form.getValues());
    await user.upload(fileInput(), jsonFile("eligible.json", JSON.stringify(eligible())));
    const question = await screen.findByRole("alertdialog");
    await user.click(within(question).getByRole("button", { name: "No, keep my answers" }));
    expect(screen.getByText("eligible.json was not imported: your answers are as they were.")).toBeInTheDocument();
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(form.getValues()).toEqual(before);
    expect(fileInput()).toHaveFocus();
  });

  it("imports into a request with no answers without asking", async () => {
    const { form, user } = renderInForm(<ImportExport />, testDraft());
    await user.upload(fileInput(), jsonFile("eligible.json", JSON.stringify(eligible())));
    expect(await screen.findByText("Imported eligible.json.")).toBeInTheDocument();
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(form.getValues()).toEqual(fromDocument(eligible()));
  });

  it("refuses a file that is not JSON, says why, and changes nothing", async () => {
    const { form, user } = renderImportExport();
    await user.type(screen.getByLabelText("First name"), " Hopper");
    const before = structuredClone(form.getValues());
    await user.upload(fileInput(), jsonFile("bad.json", "{ not json"));
    const notice = await screen.findByRole("heading", { name: "bad.json was not imported" });
    const box = notice.parentElement ?? document.body;
    expect(within(box).getByText(/Nothing in the current request was changed/)).toBeInTheDocument();
    expect(
      within(box)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["The file is not valid JSON: choose a request document exported as JSON"]);
    expect(form.getValues()).toEqual(before);
    expect(screen.getByLabelText("First name")).toHaveValue("Grace Hopper");
  });

  it("refuses an invalid document, lists every problem with its path, and changes nothing", async () => {
    const { form, user } = renderImportExport();
    const before = structuredClone(form.getValues());
    const validation = validateRequestDocument(structuredClone(severalErrorsJson));
    if (validation.ok) throw new Error("the fixture should be invalid");
    expect(validation.errors.length).toBeGreaterThanOrEqual(4);

    await user.upload(fileInput(), jsonFile("several.json", JSON.stringify(severalErrorsJson)));
    const notice = await screen.findByRole("heading", { name: "several.json was not imported" });
    const items = within(notice.parentElement ?? document.body).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual(validation.errors.map((e) => `${e.path}: ${e.message}`));
    expect(items.map((li) => li.querySelector("code")?.textContent)).toEqual(validation.errors.map((e) => e.path));
    expect(form.getValues()).toEqual(before);
    expect(screen.getByLabelText("First name")).toHaveValue("Grace");
    expect(screen.queryByText(/^Imported/)).not.toBeInTheDocument();
  });

  it("refuses JSON that is not a request document (an array)", async () => {
    const { form, user } = renderImportExport();
    const before = structuredClone(form.getValues());
    await user.upload(fileInput(), jsonFile("list.json", "[1, 2]"));
    await screen.findByRole("heading", { name: "list.json was not imported" });
    expect(screen.getByText("The request document must be a JSON object; got a list")).toBeInTheDocument();
    expect(form.getValues()).toEqual(before);
  });

  it("imports a good file after a refused one, and the same file twice", async () => {
    const { form, user } = renderImportExport();
    await user.upload(fileInput(), jsonFile("bad.json", "nope"));
    await screen.findByText("bad.json was not imported");
    await importOver(user, jsonFile("eligible.json", JSON.stringify(eligible())));
    await screen.findByText("Imported eligible.json.");
    expect(screen.queryByText("bad.json was not imported")).not.toBeInTheDocument();
    expect(form.getValues().member.firstName).toBe("Ada");

    await user.clear(screen.getByLabelText("First name"));
    await importOver(user, jsonFile("eligible.json", JSON.stringify(eligible())));
    await waitFor(() => expect(screen.getByLabelText("First name")).toHaveValue("Ada"));
  });

  it("announces the result politely", async () => {
    const { user } = renderImportExport();
    await importOver(user, jsonFile("eligible.json", JSON.stringify(eligible())));
    const message = await screen.findByText("Imported eligible.json.");
    expect(message.closest("[aria-live]")).toHaveAttribute("aria-live", "polite");
  });
});

describe("ImportExport: export", () => {
  const created: Blob[] = [];

  beforeEach(() => {
    created.length = 0;
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        created.push(blob);
        return "blob:request";
      }),
      revokeObjectURL: vi.fn(),
    });
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
  });

  afterEach(() => {
    Reflect.deleteProperty(URL, "createObjectURL");
    Reflect.deleteProperty(URL, "revokeObjectURL");
  });

  it("downloads the current answers as the request document's JSON", async () => {
    const { form, user } = renderImportExport();
    await user.click(screen.getByRole("button", { name: "Export this request as JSON" }));
    expect(created).toHaveLength(1);
    const blob = created[0];
    if (blob === undefined) throw new Error("nothing was exported");
    expect(blob.type).toBe("application/json");
    expect(JSON.parse(await blob.text())).toEqual(toDocument(form.getValues()));
    expect(HTMLAnchorElement.prototype.click).toHaveBeenCalledTimes(1);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:request");
  });

  it("exports what it imported", async () => {
    const { user } = renderImportExport();
    await importOver(user, jsonFile("eligible.json", JSON.stringify(eligible())));
    await screen.findByText("Imported eligible.json.");
    await user.click(screen.getByRole("button", { name: "Export this request as JSON" }));
    const blob = created[0];
    if (blob === undefined) throw new Error("nothing was exported");
    expect(JSON.parse(await blob.text())).toEqual(eligible());
  });

  it("exports the answers as a FHIR QuestionnaireResponse and a PAS Bundle, made here", async () => {
    const { user } = renderImportExport();
    await importOver(user, jsonFile("eligible.json", JSON.stringify(eligible())));
    await screen.findByText("Imported eligible.json.");
    await user.click(screen.getByRole("button", { name: "Export as FHIR QuestionnaireResponse" }));
    await waitFor(() => expect(created).toHaveLength(1));
    await user.click(screen.getByRole("button", { name: "Export as FHIR PAS claim Bundle" }));
    await waitFor(() => expect(created).toHaveLength(2));
    const [response, bundle] = await Promise.all(
      created.map(async (blob): Promise<[string, unknown]> => [blob.type, JSON.parse(await blob.text()) as unknown]),
    );
    expect(response).toEqual([
      "application/fhir+json",
      expect.objectContaining({ resourceType: "QuestionnaireResponse", authored: eligible().requestDate }),
    ]);
    expect(bundle?.[1]).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const { fromQuestionnaireResponse } = await import("@/fhir/questionnaire-response");
    expect(fromQuestionnaireResponse(response?.[1])).toEqual({ ok: true, document: eligible() });
  });

  it("refuses a FHIR export of answers the document does not accept, naming each", async () => {
    const { user } = renderImportExport();
    await user.clear(screen.getByLabelText("Exposure days"));
    await user.type(screen.getByLabelText("Exposure days"), "-3");
    await user.click(screen.getByRole("button", { name: "Export as FHIR QuestionnaireResponse" }));
    const notice = await screen.findByRole("heading", { name: "The QuestionnaireResponse was not made" });
    expect(notice.parentElement?.textContent).toContain("exposureDays");
    expect(created).toHaveLength(0);
  });
});
