/**
 * Reading a printed PDF back, with no system tool (unpdf, which bundles PDF.js): its pages, its
 * text in reading order, and its lines as laid out (the words on one baseline, left to right), so
 * a test can check that a criterion's id and its status print on the same row.
 */
import { getDocumentProxy } from "unpdf";

export interface PdfText {
  pages: number;
  /** Every word in reading order (as printed, cell by cell), white space folded to single spaces. */
  text: string;
  /** Each printed line, pages in order, top to bottom. */
  lines: string[];
}

interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
}

/** Runs that touch on one baseline are one word (a ligature such as "ffi" comes as its own run). */
function join(runs: readonly Run[]): string {
  let out = "";
  let previous: Run | undefined;
  for (const run of runs) {
    const touching =
      previous !== undefined &&
      Math.abs(previous.y - run.y) <= 2 &&
      Math.abs(run.x - (previous.x + previous.width)) < 0.5;
    out += (previous === undefined || touching ? "" : " ") + run.str;
    previous = run;
  }
  return out.replace(/\s+/g, " ").trim();
}

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const inOrder: Run[] = [];
  const lines: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const runs: Run[] = [];
    for (const item of content.items) {
      if (!("str" in item) || item.str === "") continue;
      runs.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width });
    }
    inOrder.push(...runs);
    // Lines: runs grouped by baseline (within 2 points), top to bottom, each left to right.
    const rows: Run[][] = [];
    for (const run of runs) {
      const row = rows.find((r) => Math.abs((r[0]?.y ?? 0) - run.y) <= 2);
      if (row === undefined) rows.push([run]);
      else row.push(run);
    }
    rows.sort((a, b) => (b[0]?.y ?? 0) - (a[0]?.y ?? 0));
    for (const row of rows) lines.push(join(row.sort((a, b) => a.x - b.x)));
  }
  await pdf.cleanup();
  return { pages: pdf.numPages, text: join(inOrder), lines };
}
