/**
 * The submission packet end to end (#11, item 5), in Chromium against the real server and database:
 * staff attach PDFs and a photo through the documents API and submit; on the request's page (and
 * the reviewer's) "Download the submission packet" gives one PDF whose page count is the cover
 * plus every document's pages, and whose text holds the reference and every criterion id.
 */
import { expect, test } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { RequestDocumentsAnswer } from "@/contract";
import { CRITERION_IDS } from "@/criteria";
import { document } from "@fixtures";
import { expectNoAxeViolations, signedIn } from "./support/accounts";
import { attachByApi, downloadPacket, photo } from "./support/documents";
import { readPdf } from "./support/pdf";
import { submitByApi } from "./support/requests-api";

/** A PDF of `pages` pages, each saying `text` and its page number. */
async function labReport(text: string, pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    pdf
      .addPage([612, 792])
      .drawText(`${text} page ${i} ${Math.random().toString(36).slice(2)}`, { x: 72, y: 700, size: 14, font });
  return Buffer.from(await pdf.save());
}

test("staff attach documents and submit; the packet is the cover plus every page, holding the reference and every criterion", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const staff = await signedIn(browser, "staff@demo.test");
  const pdf = "application/pdf";
  await attachByApi(
    staff,
    { name: "factor IX report.pdf", mimeType: pdf, buffer: await labReport("Factor IX activity", 2) },
    "diagnosis-factor-ix",
  );
  await attachByApi(
    staff,
    { name: "liver panel.pdf", mimeType: pdf, buffer: await labReport("Liver panel", 3) },
    "liver-panel",
  );
  await attachByApi(staff, { name: "weight photo.png", mimeType: "image/png", buffer: photo() }, "weight");
  const reference = await submitByApi(staff, document("eligible"));

  // What the request carries now (another test's draft documents could have been filed with it too).
  const carried = (await (
    await staff.request.get(`/api/requests/${reference}/documents`)
  ).json()) as RequestDocumentsAnswer;
  const current = new Set(carried.versions.at(-1)?.documents ?? []);
  const documentPages = carried.documents.filter((d) => current.has(d.id)).reduce((sum, d) => sum + d.pages, 0);
  expect(carried.documents.map((d) => d.fileName)).toEqual(
    expect.arrayContaining(["factor IX report.pdf", "liver panel.pdf", "weight photo.png"]),
  );

  await staff.goto(`/requests/${reference}`);
  await expect(staff.getByRole("link", { name: "Download the submission packet" })).toBeVisible();
  await expectNoAxeViolations(staff);
  const packet = await readPdf(await downloadPacket(staff));
  // Every cover page names the packet (the first in its title, a second as "cover, continued").
  const coverPages = packet.lines.filter((line) => line.includes(`Submission packet ${reference}`)).length;
  expect(coverPages).toBeGreaterThanOrEqual(1);
  expect(packet.pages).toBe(coverPages + documentPages);
  expect(packet.pages).toBeGreaterThanOrEqual(1 + 2 + 3 + 1);
  expect(packet.text).toContain(reference);
  for (const id of CRITERION_IDS) expect(packet.text).toContain(id);
  expect(packet.text).toContain("Liver panel page 3");
  expect(packet.lines).toContain(`Page ${packet.pages} of ${packet.pages}`);

  // The reviewer downloads the same packet from the request's page.
  const reviewer = await signedIn(browser, "reviewer@demo.test");
  await reviewer.goto(`/review/${reference}`);
  const reviewed = await readPdf(await downloadPacket(reviewer));
  expect(reviewed.pages).toBe(packet.pages);
  expect(reviewed.text).toContain(reference);
});
