/**
 * The record's documents as supporting documents (#12 with #11), in Chromium against the real app
 * and the real test FHIR server: office staff import the eligible patient through a SMART
 * standalone launch, tick the inline ultrasound report and the lab report kept on the server as a
 * Binary, fill, and find both on the wizard's "Liver workup" page, stored with the same bytes
 * (SHA-256) as the record's. The self-check lists the documents and sends nothing. Axe on the list.
 */
import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import type { DocumentsAnswer } from "@/contract";
import { testPatients, TEST_LAB_REPORT_PDF, TEST_ULTRASOUND_REPORT_PDF } from "@/fhir";
import { expectNoAxeViolations } from "./support/accounts";
import { openStep, radio } from "./support/app";
import { ownStaffAccount } from "./support/submit";

const FHIR_BASE = `http://127.0.0.1:${process.env.E2E_FHIR_PORT ?? ""}/fhir`;
const PATIENT = testPatients().eligible;
const sha256 = (base64: string): string => createHash("sha256").update(Buffer.from(base64, "base64")).digest("hex");

const ULTRASOUND = "Hepatic ultrasound report";
const LIVER_PANEL = "Liver panel: ALT, AST, ALP and total bilirubin";

/** From the start page to the review of the eligible patient's record, by a standalone launch. */
async function reviewEligibleRecord(page: Page): Promise<void> {
  await page.goto("/");
  await page.locator("#root:not([inert])").waitFor();
  await page.getByRole("link", { name: "Fill from the patient's record" }).click();
  await page.getByLabel("FHIR server address (base URL)").fill(FHIR_BASE);
  await page.getByRole("button", { name: "Connect to the server" }).click();
  await expect(page.getByRole("heading", { name: "Choose a patient" })).toBeVisible();
  await page.getByRole("button", { name: new RegExp(`\\(Patient/${PATIENT.patientId}\\)$`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check what the record would fill" })).toBeVisible();
}

test("staff take the record's two reports along: both attached to their items, with the record's bytes", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const page = await (await ownStaffAccount(browser))();
  await reviewEligibleRecord(page);

  const list = page.getByRole("region", { name: "Documents in the record" });
  const ultrasound = list.getByRole("checkbox", { name: "Liver ultrasound report" });
  const lab = list.getByRole("checkbox", { name: "Liver panel lab report" });
  await expect(ultrasound).not.toBeChecked();
  await expectNoAxeViolations(page);

  await ultrasound.check();
  await lab.check();
  const supports = list.getByRole("combobox", { name: "This file supports" });
  // The ultrasound's procedure code names its item; the lab report's generic type names none.
  await expect(supports.first()).toHaveValue("liver-ultrasound");
  await expect(supports.nth(1)).toHaveValue("");
  await page.getByRole("button", { name: "Fill the request" }).click();
  const error = page.getByRole("link", { name: "Choose what Liver panel lab report supports, or untick it" });
  await expect(error).toBeVisible();
  await expectNoAxeViolations(page);
  await error.click();
  await expect(supports.nth(1)).toBeFocused();
  await supports.nth(1).selectOption({ label: `${LIVER_PANEL} (I.A.8.a)` });
  await page.getByRole("button", { name: "Fill the request" }).click();

  await expect(
    page.getByRole("heading", { level: 1, name: /answers filled from the patient's record$/ }),
  ).toBeVisible();
  const progress = page.getByRole("region", { name: "Documents from the record" });
  await expect(progress.getByRole("status")).toHaveText("All 2 documents were attached to the request.", {
    timeout: 30_000,
  });
  await expect(progress).toContainText(`Attached, supporting: ${ULTRASOUND}`);
  await expect(progress).toContainText(`Attached, supporting: ${LIVER_PANEL}`);
  await expectNoAxeViolations(page);

  // Stored on the server as the record holds them, each supporting its item.
  const answer = await page.request.get("/api/draft/documents");
  expect(answer.status()).toBe(200);
  const documents = ((await answer.json()) as DocumentsAnswer).documents;
  expect(
    documents.map((d) => ({ fileName: d.fileName, sha256: d.sha256, items: d.items, mediaType: d.mediaType })),
  ).toEqual(
    expect.arrayContaining([
      {
        fileName: "Liver ultrasound report.pdf",
        sha256: sha256(TEST_ULTRASOUND_REPORT_PDF),
        items: ["liver-ultrasound"],
        mediaType: "application/pdf",
      },
      {
        fileName: "Liver panel lab report.pdf",
        sha256: sha256(TEST_LAB_REPORT_PDF),
        items: ["liver-panel"],
        mediaType: "application/pdf",
      },
    ]),
  );
  expect(documents).toHaveLength(2);

  // The wizard's page for those items lists them (once the request page is answered: no record says
  // the line of business, and the wizard shows documents for a request it can evaluate).
  await openStep(page, "Request");
  await radio(page, "lineOfBusiness", "commercial").check();
  await openStep(page, "Liver workup");
  await expect(page.getByRole("list", { name: `Attached: ${ULTRASOUND}` })).toContainText(
    "Liver ultrasound report.pdf",
  );
  await expect(page.getByRole("list", { name: `Attached: ${LIVER_PANEL}` })).toContainText(
    "Liver panel lab report.pdf",
  );
});

test("the self-check lists the record's documents, takes none, and sends nothing", async ({ page }) => {
  const sent: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/draft/documents") || url.pathname.includes("/Binary/"))
      sent.push(`${request.method()} ${url.pathname}`);
  });
  await reviewEligibleRecord(page);
  const list = page.getByRole("region", { name: "Documents in the record" });
  await expect(list.getByText("Liver ultrasound report", { exact: true })).toBeVisible();
  await expect(list.getByText("Liver panel lab report", { exact: true })).toBeVisible();
  await expect(list.getByRole("checkbox")).toHaveCount(0);
  await expect(list).toContainText("nothing from the record leaves this browser");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Fill the request" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: /answers filled from the patient's record$/ }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Documents from the record" })).toHaveCount(0);
  expect(sent).toEqual([]);
});

test("from a Bundle file: a document that is not what it says is refused in the server's words; the answers stay filled", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const page = await (await ownStaffAccount(browser))();
  // The record as a file, with a "PDF" that is text: the server checks the content, not the label.
  const bundle = structuredClone(PATIENT.bundle);
  bundle.entry?.push({
    resource: {
      resourceType: "DocumentReference",
      id: "eligible-not-a-pdf",
      status: "current",
      subject: { reference: `Patient/${PATIENT.patientId}` },
      date: "2026-10-22",
      content: [
        {
          attachment: {
            contentType: "application/pdf",
            title: "Scanned letter",
            data: Buffer.from("This is text, not a PDF.").toString("base64"),
          },
        },
      ],
    },
  });
  await page.goto("/");
  await page.locator("#root:not([inert])").waitFor();
  await page.getByRole("link", { name: "Fill from the patient's record" }).click();
  await page.locator("#record-file").setInputFiles({
    name: "record.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(bundle)),
  });
  await expect(page.getByRole("heading", { level: 1, name: "Check what the record would fill" })).toBeVisible();
  const list = page.getByRole("region", { name: "Documents in the record" });
  // A file carries only inline documents: the lab report on the server is listed, not offered.
  await expect(list.getByRole("checkbox")).toHaveCount(2);
  await expect(list).toContainText("a file can only carry a document inside it");
  await list.getByRole("checkbox", { name: "Scanned letter" }).check();
  await list.getByRole("combobox", { name: "This file supports" }).selectOption("liver-panel");
  await page.getByRole("button", { name: "Fill the request" }).click();

  await expect(
    page.getByRole("heading", { level: 1, name: /answers filled from the patient's record$/ }),
  ).toBeVisible();
  const progress = page.getByRole("region", { name: "Documents from the record" });
  await expect(progress.getByRole("status")).toHaveText(
    "1 of 1 document was not attached. The answers filled above are kept; attach it from the wizard's pages.",
    { timeout: 30_000 },
  );
  await expect(progress).toContainText(/Not attached\. .*Scanned letter\.pdf.*is not a PDF, PNG, JPEG or TIFF file/);
  await expectNoAxeViolations(page);
  const answer = await page.request.get("/api/draft/documents");
  expect(((await answer.json()) as DocumentsAnswer).documents).toEqual([]);
  // The answers were filled all the same.
  await openStep(page, "Member");
  await expect(page.getByLabel("First name")).toHaveValue("Ada");
});
