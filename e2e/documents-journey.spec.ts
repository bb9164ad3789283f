/**
 * Issue #11's proof as one story, in real Chromium against the real server and database: office
 * staff attach PDFs (one of two pages) and a photo on several wizard pages, watch a file's
 * progress, reload in the middle (the documents are still there), remove one, and submit after
 * confirming what is missing; the summary as submitted lists every document by checklist item
 * (axe at desktop and phone sizes). The reviewer sees what the request was submitted without,
 * opens each document in the viewer, downloads one (the same SHA-256 as uploaded), and downloads
 * the packet: the cover pages plus every document's pages, holding the reference and each criterion.
 */
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import type { RequestDocumentsAnswer } from "@/contract";
import { CRITERION_IDS } from "@/criteria";
import { expectNoAxeViolations, signedIn } from "./support/accounts";
import { fixtureWith, openStep, startWith } from "./support/app";
import {
  attachInput,
  attachedList,
  downloadPacket,
  draftDocuments,
  makePdf,
  photo,
  sha256,
  slowUploads,
} from "./support/documents";
import { readPdf } from "./support/pdf";
import { ownStaffAccount, pressSubmit } from "./support/submit";

const DIAGNOSIS = "Diagnosis and baseline factor IX activity report";
const LIVER_PANEL = "Liver panel: ALT, AST, ALP and total bilirubin";
const ULTRASOUND = "Hepatic ultrasound report";
const ELASTOGRAPHY = "Liver elastography report";
const WEIGHT = "Dated body weight (the dose is per kilogram)";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** Each file as uploaded: its bytes (for the hash) and its page count (for the packet). */
interface Made {
  name: string;
  mimeType: string;
  buffer: Buffer;
  pages: number;
}

async function pdfFile(name: string, text: string, pages: number, padTo = 0): Promise<Made> {
  return { name, mimeType: "application/pdf", buffer: await makePdf(text, pages, padTo), pages };
}

async function attach(page: Page, title: string, file: Made): Promise<void> {
  await attachInput(page, title).setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: file.buffer });
}

test("staff attach, reload, remove and submit; the reviewer reads, downloads and gets the whole packet", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // A staff member of its own: documents go to the person's one server draft, shared with no other test.
  const staff = await (await ownStaffAccount(browser))();
  const memberId = `JRNY${Date.now().toString(36).toUpperCase()}`;
  await startWith(
    staff,
    fixtureWith("eligible", (d) => d.member && (d.member.memberId = memberId)),
  );

  const factorIx = await pdfFile("factor IX report.pdf", "Factor IX activity 1%", 2, 400_000);
  const liverPanel = await pdfFile("liver panel.pdf", "ALT AST ALP bilirubin", 1);
  const elastography = await pdfFile("elastography draft.pdf", "Elastography 5 kPa", 1);
  const ultrasound: Made = { name: "ultrasound photo.png", mimeType: "image/png", buffer: photo(), pages: 1 };
  const weight: Made = { name: "weight photo.png", mimeType: "image/png", buffer: photo(60, 40), pages: 1 };

  // Diagnosis: the two-page PDF, its progress watched on a slowed connection.
  await openStep(staff, "Diagnosis");
  const fullSpeed = await slowUploads(staff);
  await attach(staff, DIAGNOSIS, factorIx);
  const bar = staff.getByRole("progressbar", { name: `Uploading ${factorIx.name}` });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute("value")), { timeout: 20_000 }).toBeGreaterThan(0);
  await fullSpeed();
  await expect(attachedList(staff, DIAGNOSIS)).toContainText("factor IX report.pdf (PDF, 2 pages,", {
    timeout: 30_000,
  });
  await expect(staff.getByRole("progressbar")).toHaveCount(0);

  // Liver workup: a PDF, a photo, and a PDF attached by mistake.
  await openStep(staff, "Liver workup");
  await attach(staff, LIVER_PANEL, liverPanel);
  await expect(attachedList(staff, LIVER_PANEL)).toContainText("liver panel.pdf (PDF, 1 page,");
  await attach(staff, ULTRASOUND, ultrasound);
  await expect(attachedList(staff, ULTRASOUND)).toContainText("ultrasound photo.png (PNG, 1 page,");
  await attach(staff, ELASTOGRAPHY, elastography);
  await expect(attachedList(staff, ELASTOGRAPHY)).toContainText("elastography draft.pdf (PDF, 1 page,");

  // Reload in the middle: the documents are the server draft's, still there.
  await staff.reload();
  await expect(attachedList(staff, LIVER_PANEL)).toContainText("liver panel.pdf");
  await expect(attachedList(staff, ULTRASOUND)).toContainText("ultrasound photo.png");
  await expect(attachedList(staff, ELASTOGRAPHY)).toContainText("elastography draft.pdf");

  // Remove the one attached by mistake.
  await staff.getByRole("button", { name: "Remove elastography draft.pdf" }).click();
  await expect(attachedList(staff, ELASTOGRAPHY)).toHaveCount(0);

  // Dose: the photo of the dated weight.
  await openStep(staff, "Dose");
  await attach(staff, WEIGHT, weight);
  await expect(attachedList(staff, WEIGHT)).toContainText("weight photo.png (PNG, 1 page,");
  const kept = [factorIx, liverPanel, ultrasound, weight];
  expect((await draftDocuments(staff)).map((d) => d.fileName).sort()).toEqual(kept.map((f) => f.name).sort());

  // The summary lists them; submitting asks to confirm the list of what is missing first.
  await staff.goto("/summary");
  const summaryDocuments = staff.getByRole("region", { name: "Supporting documents" });
  for (const file of kept) await expect(summaryDocuments).toContainText(file.name);
  const missing = staff.getByTestId("missing-documents");
  await expect(missing).toContainText(ELASTOGRAPHY);
  await staff.getByLabel("Standard", { exact: true }).check();
  await staff.getByRole("button", { name: "Submit request" }).click();
  await expect(
    staff.getByRole("link", {
      name: "Confirm that you are submitting without the missing documents, or attach them first",
    }),
  ).toBeVisible();
  await staff.getByRole("checkbox", { name: "I confirm I am submitting without these documents" }).check();
  const reference = await pressSubmit(staff);
  expect(await draftDocuments(staff)).toEqual([]);

  // The summary as submitted says which documents the request carried, by checklist item.
  await staff.goto(`/requests/${reference}`);
  await staff.getByRole("link", { name: /^Summary as submitted/ }).click();
  await expect(staff).toHaveURL(new RegExp(`/requests/${reference}/summary$`));
  await expect(staff.getByRole("heading", { name: "Prior authorization request summary" })).toBeVisible();
  const filed = staff.getByRole("region", { name: "Supporting documents filed" });
  const itemRow = (title: string) => filed.locator("dl > div").filter({ has: staff.locator("dt", { hasText: title }) });
  await expect(itemRow(DIAGNOSIS)).toContainText("factor IX report.pdf (PDF, 2 pages,");
  await expect(itemRow(LIVER_PANEL)).toContainText("liver panel.pdf (PDF, 1 page,");
  await expect(itemRow(ULTRASOUND)).toContainText("ultrasound photo.png (PNG, 1 page,");
  await expect(itemRow(WEIGHT)).toContainText("weight photo.png (PNG, 1 page,");
  await expect(itemRow(ELASTOGRAPHY)).toContainText("Missing: none attached");
  await expect(filed).not.toContainText("elastography draft.pdf");
  for (const viewport of [DESKTOP, PHONE]) {
    await staff.setViewportSize(viewport);
    await expectNoAxeViolations(staff);
  }
  await staff.setViewportSize(DESKTOP);

  // The reviewer: what it was submitted without, beside the documents and in the versions list.
  const reviewer = await signedIn(browser, "reviewer@demo.test");
  await reviewer.goto(`/review/${reference}`);
  const without = reviewer.getByRole("note", { name: /^Submitted without:/ });
  await expect(without).toContainText(ELASTOGRAPHY);
  await expect(without).not.toContainText(LIVER_PANEL);
  const withoutLine = (await without.locator("p").first().textContent()) ?? "";
  expect(withoutLine).toMatch(/^Submitted without: /);
  await expect(reviewer.getByRole("region", { name: "Versions" })).toContainText(withoutLine);
  await expectNoAxeViolations(reviewer);

  // Its printed summary lists the documents filed (on screen they are listed below it, with the viewer).
  const printedList = reviewer.getByRole("region", { name: "Supporting documents filed" });
  await expect(printedList).toBeHidden();
  await reviewer.emulateMedia({ media: "print" });
  for (const file of kept) await expect(printedList).toContainText(file.name);
  await reviewer.emulateMedia({ media: "screen" });

  // Each document opens in the viewer on the page: the PDFs drawn by PDF.js, the photos inline.
  const list = reviewer.getByRole("region", { name: "Supporting documents" });
  await expect(list).toContainText(`${kept.length} documents attached.`);
  for (const file of kept) {
    await list
      .getByRole("button", { name: `Open ${file.name}` })
      .first()
      .click();
    const viewer = reviewer.getByRole("region", { name: file.name });
    await expect(viewer.getByRole("heading", { name: file.name })).toBeFocused();
    await expect(viewer.getByText(`Page 1 of ${file.pages} · Zoom 100%`)).toBeVisible({ timeout: 20_000 });
    if (file.mimeType === "application/pdf")
      await expect(viewer.locator("canvas")).toHaveAttribute("data-drawn", "1@1", { timeout: 20_000 });
    else
      await expect
        .poll(() =>
          viewer
            .getByRole("img", { name: `${file.name}, page 1 of 1` })
            .evaluate((img) => (img as HTMLImageElement).naturalWidth),
        )
        .toBe(file.buffer.readUInt32BE(16));
    await reviewer.keyboard.press("Escape");
    await expect(viewer).toHaveCount(0);
  }

  // One downloaded: the very bytes uploaded.
  const downloading = reviewer.waitForEvent("download");
  await list
    .getByRole("link", { name: `Download ${factorIx.name}` })
    .first()
    .click();
  expect(sha256(await readFile(await (await downloading).path()))).toBe(sha256(factorIx.buffer));

  // The packet from the page: every cover page plus every document's pages, the reference and each criterion.
  const carried = (await (
    await reviewer.request.get(`/api/requests/${reference}/documents`)
  ).json()) as RequestDocumentsAnswer;
  expect(carried.documents.map((d) => d.fileName).sort()).toEqual(kept.map((f) => f.name).sort());
  const packet = await readPdf(await downloadPacket(reviewer));
  const coverPages = packet.lines.filter((line) => line.includes(`Submission packet ${reference}`)).length;
  expect(coverPages).toBeGreaterThanOrEqual(1);
  expect(packet.pages).toBe(coverPages + kept.reduce((sum, file) => sum + file.pages, 0));
  expect(packet.text).toContain(reference);
  for (const id of CRITERION_IDS) expect(packet.text).toContain(id);
  expect(packet.text).toContain("Factor IX activity 1%, page 2");
  await reviewer.context().close();
  await staff.context().close();
});
