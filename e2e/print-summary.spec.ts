/**
 * The summary printed to PDF by Chromium and read back with pdftotext holds what a reviewer needs
 * (member, every criterion with its status, dose and vials, J1411, the outcome) and no controls.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { OUTCOME_LABELS, STATUS_LABELS, formatGenomeCopies, type RequestDocument } from "@/criteria";
import { document } from "@fixtures";
import { fixtureWith, libraryEvaluation, startWith } from "./support/app";

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const CASES: [string, RequestDocument][] = [
  ["eligible", document("eligible")],
  ["exposure-days-149", document("exposure-days-149")],
  [
    "an incomplete request in pounds",
    fixtureWith("non-hematologist-consulted-weight-lb", (d) => {
      delete d.exposureDays;
      delete d.liver;
    }),
  ],
];

for (const [name, doc] of CASES) {
  test(`the printed summary of ${name} holds the member, every criterion, the dose and the outcome, and no buttons`, async ({
    page,
  }) => {
    const evaluation = libraryEvaluation(doc);
    await startWith(page, doc);
    await page.getByRole("link", { name: "Check your answers" }).click();
    await page.getByRole("button", { name: "Continue to the summary" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Prior authorization request summary" })).toBeVisible();

    const dir = mkdtempSync(join(tmpdir(), "hemgenix-summary-"));
    try {
      const pdf = join(dir, "summary.pdf");
      await page.pdf({ path: pdf, format: "Letter" });
      const layout = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");

      expect(text).toContain(`${doc.member?.firstName} ${doc.member?.lastName}`);
      expect(text).toContain(doc.member?.memberId ?? "(no member ID)");
      expect(text).toContain("J1411");
      expect(text).toContain(`Outcome: ${OUTCOME_LABELS[evaluation.outcome]}`);

      // Each criterion's row starts with its id followed by its status (a long status may wrap in its cell).
      for (const criterion of evaluation.criteria) {
        const words = STATUS_LABELS[criterion.status].split(" ");
        const firstLine = words.slice(0, 2).map(escape).join(" ");
        const row = new RegExp(`^\\s*${escape(criterion.id)}\\s+${firstLine}(\\s|$)`, "m");
        expect(layout, `${criterion.id} ${STATUS_LABELS[criterion.status]}`).toMatch(row);
        expect(text).toContain(criterion.id);
      }
      for (const word of new Set(evaluation.criteria.map((c) => STATUS_LABELS[c.status]))) expect(text).toContain(word);

      const dose = evaluation.dose;
      expect(dose).toBeDefined();
      if (dose !== undefined) {
        expect(text).toContain(`${dose.vials} vials`);
        expect(text).toContain(`${dose.volumeMl} mL`);
        expect(text).toContain(formatGenomeCopies(dose.requestedTotalGc ?? dose.maxTotalGc));
      }

      expect(text).not.toContain("Print or save as PDF");
      expect(text).not.toMatch(/\bBack\b/);
      expect(text).not.toMatch(/\bContinue\b/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
