/**
 * The packet's cover: who and what the request is, every criterion of section I.A with its status in
 * words, the documents still missing, and an index of the enclosed documents with the page each
 * starts on. Laid out on Letter pages, continuing on a second page when the lists are long. The
 * text comes in already WinAnsi-safe (see win-ansi.ts).
 */
import { rgb, type PDFFont, type PDFPage } from "pdf-lib";

export const LETTER: [number, number] = [612, 792];
const MARGIN = 54;
/** Room left at the foot for the page number. */
const BOTTOM = 48;

export interface CoverFacts {
  reference: string;
  /** Label and value pairs: member, ID, date of birth, practice, received, version, status, outcome. */
  details: [string, string][];
  criteria: { id: string; title: string; status: string }[];
  missing: string[];
  /** The enclosed documents in packet order. */
  index: { item: string; fileName: string; pages: number; startsOn: number }[];
}

export interface CoverFonts {
  regular: PDFFont;
  bold: PDFFont;
}

interface Cell {
  text: string;
  x: number;
  width: number;
  bold?: boolean;
}

/** Words of `text` in lines no wider than `width` (a word longer than a line is cut where it must be). */
function wrap(text: string, width: number, font: PDFFont, size: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Lays out the cover, asking `newPage` for each page it fills (null: only count them, to learn how
 * many pages the cover takes before the index's page numbers are known). Returns the page count.
 */
export function layoutCover(facts: CoverFacts, fonts: CoverFonts, newPage: (() => PDFPage) | null): number {
  const [width, height] = LETTER;
  const right = width - MARGIN;
  let pages = 0;
  let page: PDFPage | undefined;
  let y = 0;

  const start = () => {
    pages += 1;
    page = newPage?.();
    y = height - MARGIN;
    // A continued cover says whose it is.
    if (pages > 1)
      row(
        [
          {
            text: `Submission packet ${facts.reference}: cover, continued`,
            x: MARGIN,
            width: right - MARGIN,
            bold: true,
          },
        ],
        10,
        8,
      );
  };
  const room = (needed: number) => {
    if (pages === 0 || y - needed < BOTTOM) start();
  };
  const row = (cells: Cell[], size: number, gap = 3) => {
    const leading = size * 1.3;
    const wrapped = cells.map((c) => wrap(c.text, c.width, c.bold ? fonts.bold : fonts.regular, size));
    const lines = Math.max(...wrapped.map((w) => w.length));
    room(lines * leading);
    cells.forEach((cell, i) =>
      wrapped[i]?.forEach((text, n) =>
        page?.drawText(text, {
          x: cell.x,
          y: y - size - n * leading,
          size,
          font: cell.bold ? fonts.bold : fonts.regular,
          color: rgb(0, 0, 0),
        }),
      ),
    );
    y -= lines * leading + gap;
  };
  const heading = (text: string) => {
    room(14 * 1.3 + 40); // never a heading alone at the foot of a page
    y -= 8;
    row([{ text, x: MARGIN, width: right - MARGIN, bold: true }], 13, 4);
  };
  const rule = () => {
    page?.drawLine({
      start: { x: MARGIN, y: y + 1 },
      end: { x: right, y: y + 1 },
      thickness: 0.5,
      color: rgb(0.4, 0.4, 0.4),
    });
    y -= 3;
  };

  start();
  row([{ text: `Submission packet ${facts.reference}`, x: MARGIN, width: right - MARGIN, bold: true }], 18, 4);
  row(
    [
      {
        text: "Hemgenix (etranacogene dezaparvovec-drlb, HCPCS J1411) prior authorization under policy CP.PHAR.580",
        x: MARGIN,
        width: right - MARGIN,
      },
    ],
    10,
    8,
  );
  // Short facts two to a line; a long one (the outcome) on a line of its own.
  const half = (right - MARGIN) / 2;
  const short = facts.details.filter(([, value]) => value.length <= 40);
  const long = facts.details.filter(([, value]) => value.length > 40);
  for (let i = 0; i < short.length; i += 2)
    row(
      short.slice(i, i + 2).flatMap(([label, value], column) => [
        { text: label, x: MARGIN + column * half, width: 84, bold: true },
        { text: value, x: MARGIN + column * half + 88, width: half - 96 },
      ]),
      10,
      2,
    );
  for (const [label, value] of long)
    row(
      [
        { text: label, x: MARGIN, width: 84, bold: true },
        { text: value, x: MARGIN + 88, width: right - MARGIN - 88 },
      ],
      10,
      2,
    );

  heading("Criteria (section I.A)");
  row(
    [
      { text: "Criterion", x: MARGIN, width: 50, bold: true },
      { text: "What it requires", x: MARGIN + 56, width: 330, bold: true },
      { text: "Status", x: MARGIN + 396, width: right - MARGIN - 396, bold: true },
    ],
    9,
  );
  rule();
  for (const c of facts.criteria)
    row(
      [
        { text: c.id, x: MARGIN, width: 50 },
        { text: c.title, x: MARGIN + 56, width: 330 },
        { text: c.status, x: MARGIN + 396, width: right - MARGIN - 396 },
      ],
      9,
      1.5,
    );

  heading("Documents missing");
  if (facts.missing.length === 0)
    row([{ text: "None: every required document is attached.", x: MARGIN, width: right - MARGIN }], 10);
  for (const item of facts.missing) row([{ text: `- ${item}`, x: MARGIN, width: right - MARGIN }], 9, 1.5);

  heading("Enclosed documents");
  if (facts.index.length === 0) row([{ text: "No documents are attached.", x: MARGIN, width: right - MARGIN }], 10);
  else {
    row(
      [
        { text: "Checklist item", x: MARGIN, width: 200, bold: true },
        { text: "File", x: MARGIN + 206, width: 190, bold: true },
        { text: "Pages", x: MARGIN + 402, width: 40, bold: true },
        { text: "From page", x: MARGIN + 446, width: right - MARGIN - 446, bold: true },
      ],
      9,
    );
    rule();
    for (const entry of facts.index)
      row(
        [
          { text: entry.item, x: MARGIN, width: 200 },
          { text: entry.fileName, x: MARGIN + 206, width: 190 },
          { text: String(entry.pages), x: MARGIN + 402, width: 40 },
          { text: String(entry.startsOn), x: MARGIN + 446, width: right - MARGIN - 446 },
        ],
        9,
        1.5,
      );
  }
  return pages;
}
