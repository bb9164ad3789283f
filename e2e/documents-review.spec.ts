/**
 * The reviewer reads the evidence (#11), in Chromium against the real server and database, by
 * keyboard only: staff attach a two-page PDF and a PNG through the API and submit; the reviewer
 * sees each criterion's document count, opens each document in the viewer on the page (the PDF
 * drawn by PDF.js on a canvas, paged and zoomed), downloads one (the same SHA-256 as uploaded), and
 * asks for more information ticking a missing document, which the practice then sees named on its
 * request page and above the wizard while amending. Axe on the page and on the open viewer.
 */
import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import { document } from "@fixtures";
import { expectNoAxeViolations, signedIn } from "./support/accounts";
import { attachByApi, sha256 } from "./support/documents";
import { tabTo, typeInto } from "./support/keyboard";
import { submitByApi } from "./support/requests-api";
import { ownStaffAccount } from "./support/submit";

/** A two-page PDF made here, each page with a black band and its number, so a drawn page has ink. */
async function twoPagePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2]) {
    const page = pdf.addPage([612, 792]);
    page.drawRectangle({ x: 72, y: 600, width: 468, height: 120, color: rgb(0, 0, 0) });
    page.drawText(`Factor IX activity report, page ${n}`, { x: 72, y: 560, size: 24, font });
  }
  return Buffer.from(await pdf.save());
}

/** Dark pixels on a canvas: PDF.js drew the page's black band. */
const inkOn = (canvas: Locator): Promise<number> =>
  canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data ?? [];
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 64 && (data[i + 3] ?? 0) > 0) dark += 1;
    return dark;
  });

async function press(page: Page, target: Locator, key = "Enter"): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

test("the reviewer reads each document in the viewer, downloads one intact, and asks for a missing one", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // A staff member of its own: documents go to the person's one server draft, which no other test shares.
  const signInStaff = await ownStaffAccount(browser);
  const staff = await signInStaff();
  const pdf = await twoPagePdf();
  const png = await staff.screenshot({ clip: { x: 0, y: 0, width: 120, height: 80 } });
  await attachByApi(
    staff,
    { name: "factor-ix <report>.pdf", mimeType: "application/pdf", buffer: pdf },
    ["diagnosis-factor-ix", "inhibitor-assay-1"].join(","),
  );
  await attachByApi(staff, { name: "scale.png", mimeType: "image/png", buffer: png }, "weight");
  const reference = await submitByApi(staff, document("eligible"));

  const reviewer = await signedIn(browser, "reviewer@demo.test");
  // PDF.js runs in its worker (no fallback to the page's thread), and nothing breaks the CSP.
  const complaints: string[] = [];
  reviewer.on("console", (message) => {
    if (/fake worker|Content Security Policy|Refused to/i.test(message.text())) complaints.push(message.text());
  });
  await reviewer.goto(`/review/${reference}`);
  await expect(reviewer.getByRole("heading", { name: "Prior authorization request summary" })).toBeVisible();

  // Each criterion's evidence, in its row.
  const row = (id: string) =>
    reviewer.getByRole("row").filter({ has: reviewer.getByRole("rowheader", { name: id, exact: true }) });
  await expect(row("I.A.1")).toContainText("I.A.1: 1 document");
  await expect(row("I.A.7.b")).toContainText("I.A.7.b: 1 document");
  await expect(row("I.A.11")).toContainText("I.A.11: 1 document");
  await expect(row("I.A.8.a")).toContainText("I.A.8.a: no document");

  // The documents by checklist item, the missing required ones named.
  const list = reviewer.getByRole("region", { name: "Supporting documents" });
  await expect(list).toContainText("2 documents attached.");
  await expect(list.getByRole("heading", { name: "Required documents missing" })).toBeVisible();
  await expect(list).toContainText("PDF · 2 pages");
  await expectNoAxeViolations(reviewer);

  // PDF.js is not loaded until a PDF is opened.
  const loaded = (pattern: RegExp) =>
    reviewer.evaluate(
      (source) => performance.getEntriesByType("resource").some((entry) => new RegExp(source).test(entry.name)),
      pattern.source,
    );
  expect(await loaded(/\/assets\/pdf-[\w-]+\.js$/)).toBe(false);

  // The PDF, by keyboard: focus moves into the viewer; PDF.js draws page 1 of 2.
  const openPdf = list.getByRole("button", { name: "Open factor-ix <report>.pdf" }).first();
  await press(reviewer, openPdf);
  const viewer = reviewer.getByRole("region", { name: "factor-ix <report>.pdf" });
  await expect(viewer.getByRole("heading", { name: "factor-ix <report>.pdf" })).toBeFocused();
  const canvas = viewer.locator("canvas");
  await expect(canvas).toHaveAttribute("data-drawn", "1@1", { timeout: 20_000 });
  await expect(viewer.getByText("Page 1 of 2 · Zoom 100%")).toBeVisible();
  expect(await inkOn(canvas)).toBeGreaterThan(1000);
  expect(await loaded(/\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/)).toBe(true);
  expect(await loaded(/\/assets\/pdf-[\w-]+\.js$/)).toBe(true);
  await expectNoAxeViolations(reviewer);

  await press(reviewer, viewer.getByRole("button", { name: "Next page" }));
  await expect(viewer.getByText("Page 2 of 2 · Zoom 100%")).toBeVisible();
  await expect(canvas).toHaveAttribute("data-drawn", "2@1");
  const widthAt100 = (await canvas.boundingBox())?.width ?? 0;
  await press(reviewer, viewer.getByRole("button", { name: "Zoom in" }));
  await expect(viewer.getByText("Page 2 of 2 · Zoom 125%")).toBeVisible();
  await expect(canvas).toHaveAttribute("data-drawn", "2@1.25");
  expect((await canvas.boundingBox())?.width ?? 0).toBeCloseTo(widthAt100 * 1.25, -1);
  expect(await inkOn(canvas)).toBeGreaterThan(1000);
  expect(complaints).toEqual([]);
  await reviewer.keyboard.press("Escape");
  await expect(viewer).toHaveCount(0);
  await expect(openPdf).toBeFocused();

  // The PNG inline, as an image from /view.
  const openPng = list.getByRole("button", { name: "Open scale.png" });
  await press(reviewer, openPng);
  const imageViewer = reviewer.getByRole("region", { name: "scale.png" });
  await expect(imageViewer.getByRole("heading", { name: "scale.png" })).toBeFocused();
  const image = imageViewer.getByRole("img", { name: "scale.png, page 1 of 1" });
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(png.readUInt32BE(16));
  await expect(imageViewer.getByText("Page 1 of 1 · Zoom 100%")).toBeVisible();
  await expectNoAxeViolations(reviewer);
  await reviewer.keyboard.press("Escape");
  await expect(openPng).toBeFocused();

  // Downloaded by keyboard: the very bytes uploaded.
  const downloading = reviewer.waitForEvent("download");
  await press(reviewer, list.getByRole("link", { name: "Download factor-ix <report>.pdf" }).first());
  const download = await downloading;
  expect(sha256(await readFile(await download.path()))).toBe(sha256(pdf));

  // More information, ticking the missing ultrasound report.
  // A radio group is one Tab stop; the arrow keys choose within it (Approve, Deny, Request more information).
  await tabTo(reviewer, reviewer.getByLabel(/^Approve/));
  await reviewer.keyboard.press("ArrowDown");
  await reviewer.keyboard.press("ArrowDown");
  await expect(reviewer.getByLabel(/^Request more information/)).toBeChecked();
  const documents = reviewer.getByRole("group", { name: "Documents to add (optional)" });
  const ultrasound = documents.getByLabel(/^Hepatic ultrasound report/);
  await expect(ultrasound).toBeVisible();
  await press(reviewer, ultrasound, "Space");
  await expect(ultrasound).toBeChecked();
  await expectNoAxeViolations(reviewer);
  await typeInto(reviewer, reviewer.getByLabel("Message to the practice"), "Please attach the ultrasound report.");
  await press(reviewer, reviewer.getByRole("button", { name: "Record decision" }));
  const decisions = reviewer.getByRole("region", { name: "Decisions" });
  await expect(decisions).toContainText("Documents asked for:");
  await expect(decisions).toContainText("Hepatic ultrasound report");

  // The practice sees exactly which document to add, on its request page and while amending.
  await staff.goto(`/requests/${reference}`);
  const asked = staff.getByRole("region", { name: "More information requested" });
  await expect(asked.getByRole("heading", { name: "Documents to add (missing or unreadable)" })).toBeVisible();
  await expect(asked.getByRole("listitem")).toHaveText(["Hepatic ultrasound report"]);
  await expect(staff.getByRole("region", { name: "Supporting documents" })).toContainText("scale.png");
  await expectNoAxeViolations(staff);
  await press(staff, staff.getByRole("button", { name: "Amend and resubmit" }));
  const message = staff.getByRole("region", {
    name: `Amending request ${reference}: the reviewer asked for more information`,
  });
  await expect(message).toContainText("Please attach the ultrasound report.");
  await expect(message.getByRole("listitem")).toHaveText(["Hepatic ultrasound report"]);
});
