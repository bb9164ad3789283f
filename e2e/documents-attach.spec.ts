/**
 * Attaching supporting documents in the wizard (#11), in real Chromium against the real server:
 * office staff attach PDFs and a photo on several pages, see each file's progress, reload in the
 * middle (the documents are still there), remove one, see refused files named with what is
 * accepted (and nothing stored), find every document on "Check your answers" and the summary, and
 * submit after confirming the list of what is missing, which the request then records. The
 * self-check shows what will be needed, with no upload. Axe on each new screen; the upload control
 * by keyboard alone.
 */
import { expect, test } from "@playwright/test";
import type { RequestDetail, RequestDocumentsAnswer } from "@/contract";
import { document as fixture } from "@fixtures";
import { expectNoAxeViolations, signedIn } from "./support/accounts";
import { fixtureWith, openStep, startWith } from "./support/app";
import { attachInput, attachedList, draftDocuments, makePdf, slowUploads } from "./support/documents";
import { decideByApi } from "./support/requests-api";
import { ownStaffAccount, pressSubmit } from "./support/submit";

/** A 1×1 PNG: the photo of a lab slip. */
const PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
/** A Windows program's first bytes, named as a PDF. */
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(510, 0x90)]);

const DIAGNOSIS = "Diagnosis and baseline factor IX activity report";
const LIVER_PANEL = "Liver panel: ALT, AST, ALP and total bilirubin";
const ULTRASOUND = "Hepatic ultrasound report";
const WEIGHT = "Dated body weight (the dose is per kilogram)";

test("staff attach documents on several pages, reload, remove one, see refusals, check them and submit after confirming what is missing", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const staff = await (await ownStaffAccount(browser))();
  // A file name is shown as text: nothing in one ever runs.
  const dialogs: string[] = [];
  staff.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await startWith(staff, fixture("eligible"));

  // Diagnosis: two PDFs at once, each with its own progress bar (the connection slowed to watch them).
  await openStep(staff, "Diagnosis");
  await expect(staff.getByRole("heading", { name: "Supporting documents" })).toBeVisible();
  const fullSpeed = await slowUploads(staff);
  await attachInput(staff, DIAGNOSIS).setInputFiles([
    { name: "factor IX report.pdf", mimeType: "application/pdf", buffer: await makePdf("Factor IX", 3, 600_000) },
    {
      name: "genetics <img src=x onerror=alert(1)>.pdf",
      mimeType: "application/pdf",
      buffer: await makePdf("Genetics"),
    },
  ]);
  const bar = staff.getByRole("progressbar", { name: "Uploading factor IX report.pdf" });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute("value")), { timeout: 20_000 }).toBeGreaterThan(0);
  await fullSpeed();
  const diagnosisList = attachedList(staff, DIAGNOSIS);
  await expect(diagnosisList).toContainText("factor IX report.pdf (PDF, 3 pages,", { timeout: 30_000 });
  // A file name is text, never markup.
  await expect(diagnosisList).toContainText("genetics <img src=x onerror=alert(1)>.pdf (PDF, 1 page,");
  await expect(staff.getByRole("progressbar")).toHaveCount(0);
  await expectNoAxeViolations(staff);

  // Refused files: an .exe renamed .pdf and an empty file, each named with what is accepted; nothing stored.
  const before = (await draftDocuments(staff)).length;
  await attachInput(staff, DIAGNOSIS).setInputFiles([
    { name: "setup.pdf", mimeType: "application/pdf", buffer: EXE },
    { name: "empty.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) },
  ]);
  const refused = staff.getByTestId("refused-file");
  await expect(refused).toHaveCount(2);
  await expect(refused.filter({ hasText: "“setup.pdf”" })).toContainText(
    "is not a PDF, PNG, JPEG or TIFF file (its content says so, whatever its name)",
  );
  await expect(refused.filter({ hasText: "“empty.pdf”" })).toContainText("empty");
  await expect(refused.first()).toContainText("PDF, PNG, JPEG or TIFF");
  // GOV.UK's error pattern: the message in bold red beside a red bar.
  await expect(refused.first().locator("p").first()).toHaveClass(/font-bold text-red-700/);
  expect((await draftDocuments(staff)).length).toBe(before);
  await expectNoAxeViolations(staff);

  // Liver: a PDF and a photo on two items.
  await openStep(staff, "Liver workup");
  await attachInput(staff, LIVER_PANEL).setInputFiles({
    name: "liver panel.pdf",
    mimeType: "application/pdf",
    buffer: await makePdf("ALT AST ALP bilirubin", 2),
  });
  await attachInput(staff, ULTRASOUND).setInputFiles({
    name: "ultrasound photo.png",
    mimeType: "image/png",
    buffer: PHOTO,
  });
  await expect(attachedList(staff, LIVER_PANEL)).toContainText("liver panel.pdf (PDF, 2 pages,");
  await expect(attachedList(staff, ULTRASOUND)).toContainText("ultrasound photo.png (PNG, 1 page,");

  // Reload in the middle: the documents are the server's, still there.
  await staff.reload();
  await expect(attachedList(staff, LIVER_PANEL)).toContainText("liver panel.pdf");
  await expect(attachedList(staff, ULTRASOUND)).toContainText("ultrasound photo.png");
  await openStep(staff, "Diagnosis");
  await expect(attachedList(staff, DIAGNOSIS)).toContainText("factor IX report.pdf");

  // Remove one not yet filed.
  await staff.getByRole("button", { name: "Remove genetics <img src=x onerror=alert(1)>.pdf" }).click();
  await expect(attachedList(staff, DIAGNOSIS)).not.toContainText("genetics");
  expect((await draftDocuments(staff)).map((d) => d.fileName).sort()).toEqual([
    "factor IX report.pdf",
    "liver panel.pdf",
    "ultrasound photo.png",
  ]);

  // Dose: the weight, attached with the keyboard alone (Tab to the control, Space opens the chooser).
  await openStep(staff, "Dose");
  const weightInput = attachInput(staff, WEIGHT);
  for (let i = 0; i < 80 && !(await weightInput.evaluate((el) => el === document.activeElement)); i += 1)
    await staff.keyboard.press("Tab");
  await expect(weightInput).toBeFocused();
  const chooser = staff.waitForEvent("filechooser");
  await staff.keyboard.press("Space");
  await (await chooser).setFiles({ name: "weight.pdf", mimeType: "application/pdf", buffer: await makePdf("72 kg") });
  await expect(attachedList(staff, WEIGHT)).toContainText("weight.pdf (PDF, 1 page,");
  const remove = staff.getByRole("button", { name: "Remove weight.pdf" });
  for (let i = 0; i < 5 && !(await remove.evaluate((el) => el === document.activeElement)); i += 1)
    await staff.keyboard.press("Shift+Tab");
  await expect(remove).toBeFocused();
  await staff.keyboard.press("Enter");
  await expect(staff.getByRole("list", { name: `Attached: ${WEIGHT}` })).toHaveCount(0);
  await expectNoAxeViolations(staff);

  // Check your answers: every document by item, the missing required ones named.
  await staff.goto("/check");
  const section = staff.getByRole("region", { name: "Supporting documents" });
  await expect(section).toContainText("factor IX report.pdf (PDF, 3 pages,");
  await expect(section).toContainText("liver panel.pdf (PDF, 2 pages,");
  await expect(section).toContainText("ultrasound photo.png (PNG, 1 page,");
  await expect(section).toContainText("7 required documents are not attached:");
  await expect(section).toContainText("Liver elastography report");
  await expectNoAxeViolations(staff);

  // The summary lists them too, and the submit asks to confirm what is missing.
  await staff.getByRole("button", { name: "Continue to the summary" }).click();
  await expect(staff.getByRole("region", { name: "Supporting documents" })).toContainText("ultrasound photo.png");
  const warning = staff.getByTestId("missing-documents");
  await expect(warning).toContainText("7 required documents are not attached");
  await staff.getByLabel("Standard", { exact: true }).check();
  await staff.getByRole("button", { name: "Submit request" }).click();
  await expect(
    staff.getByRole("link", {
      name: "Confirm that you are submitting without the missing documents, or attach them first",
    }),
  ).toBeVisible();
  await expectNoAxeViolations(staff);
  await staff.getByRole("checkbox", { name: "I confirm I am submitting without these documents" }).check();
  await staff.getByRole("button", { name: "Submit request" }).click();
  const confirmation = staff.getByRole("status").filter({ hasText: "Your reference number" });
  await expect(confirmation).toBeVisible();
  const reference = (await confirmation.locator("strong").textContent())?.trim() ?? "";

  // Filed with the request, and the request records what was confirmed missing.
  expect(await draftDocuments(staff)).toEqual([]);
  const detail = (await (await staff.request.get(`/api/requests/${reference}`)).json()) as RequestDetail;
  expect(detail.versions[0]?.missingDocuments?.map((m) => m.id)).toEqual([
    "prophylaxis-records",
    "bleed-records",
    "exposure-days",
    "inhibitor-assay-1",
    "liver-elastography",
    "aav5-antibody",
    "weight",
  ]);
  await staff.goto(`/requests/${reference}`);
  await expect(staff.getByText(/submitted without \(confirmed\): Prophylaxis records/)).toBeVisible();
  expect(dialogs).toEqual([]);
  await staff.context().close();
});

test("the self-check shows what will be needed on each page, with nothing to upload", async ({ page }) => {
  await startWith(page, fixture("eligible"));
  await openStep(page, "Liver workup");
  const needed = page.getByRole("region", { name: "What you will need" });
  await expect(needed).toContainText(LIVER_PANEL);
  await expect(needed).toContainText("Liver elastography report");
  await expect(page.locator('input[type="file"]')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("before the request page is answered, staff are told where to start instead of seeing no upload at all", async ({
  browser,
}) => {
  const staff = await (await ownStaffAccount(browser))();
  await staff.goto("/");
  await staff.getByRole("button", { name: "Start now" }).click();
  await openStep(staff, "Diagnosis");
  const hint = staff.getByText(/To attach documents on this page, first answer the request type/);
  await expect(hint).toBeVisible();
  await expect(staff.locator('input[type="file"]')).toHaveCount(0);
  await hint.getByRole("link", { name: "Request page" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toContainText("Request");
  await staff.getByRole("radio", { name: "Initial request" }).check();
  await staff.getByRole("radio", { name: "Commercial" }).check();
  await openStep(staff, "Diagnosis");
  await expect(attachInput(staff, DIAGNOSIS)).toHaveCount(1);
  await expect(hint).toHaveCount(0);
});

test("amending keeps the request's filed documents (not removable) and adds the amendment's", async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await (await ownStaffAccount(browser))();
  const memberId = `DOCS${Date.now().toString(36).toUpperCase()}`;
  await startWith(
    staff,
    fixtureWith("eligible", (d) => d.member && (d.member.memberId = memberId)),
  );
  await openStep(staff, "Liver workup");
  await attachInput(staff, LIVER_PANEL).setInputFiles({
    name: "liver panel.pdf",
    mimeType: "application/pdf",
    buffer: await makePdf("Liver panel"),
  });
  await expect(attachedList(staff, LIVER_PANEL)).toContainText("liver panel.pdf");
  await staff.goto("/summary");
  await staff.getByLabel("Standard", { exact: true }).check();
  const reference = await pressSubmit(staff);

  const reviewer = await signedIn(browser, "reviewer@demo.test");
  await decideByApi(reviewer, reference, { kind: "request_info", message: "Please attach the ultrasound report." });

  await staff.goto(`/requests/${reference}`);
  await staff.getByRole("button", { name: "Amend and resubmit" }).click();
  await staff.getByRole("button", { name: "Yes, replace them and amend" }).click();
  await expect(staff).toHaveURL(/\/check$/);
  await expect(staff.getByRole("region", { name: "Supporting documents" })).toContainText("liver panel.pdf");

  await openStep(staff, "Liver workup");
  await expect(attachedList(staff, LIVER_PANEL)).toContainText("Kept from version 1: cannot be removed");
  await expect(staff.getByRole("button", { name: "Remove liver panel.pdf" })).toHaveCount(0);
  await attachInput(staff, ULTRASOUND).setInputFiles({
    name: "ultrasound.pdf",
    mimeType: "application/pdf",
    buffer: await makePdf("Ultrasound"),
  });
  await expect(attachedList(staff, ULTRASOUND)).toContainText("ultrasound.pdf (PDF, 1 page,");
  expect((await draftDocuments(staff)).map((d) => [d.fileName, d.amends])).toEqual([["ultrasound.pdf", reference]]);
  await expectNoAxeViolations(staff);

  await staff.goto("/summary");
  await expect(staff.getByTestId("missing-documents")).toContainText("8 required documents are not attached");
  await staff.getByRole("checkbox", { name: "I confirm I am submitting without these documents" }).check();
  await staff.getByRole("button", { name: "Resubmit request" }).click();
  await expect(staff.getByRole("heading", { name: "Amended request submitted" })).toBeVisible();

  const detail = (await (await staff.request.get(`/api/requests/${reference}`)).json()) as RequestDetail;
  const missingOf = (version: number) => detail.versions[version - 1]?.missingDocuments?.map((m) => m.id) ?? [];
  expect(missingOf(1)).toContain("liver-ultrasound");
  expect(missingOf(2)).not.toContain("liver-ultrasound");
  expect(missingOf(2)).not.toContain("liver-panel");
  const filed = (await (
    await staff.request.get(`/api/requests/${reference}/documents`)
  ).json()) as RequestDocumentsAnswer;
  expect(filed.versions.map((v) => v.documents.length)).toEqual([1, 2]);
  await reviewer.context().close();
  await staff.context().close();
});
