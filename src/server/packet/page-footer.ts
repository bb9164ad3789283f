/**
 * "Page N of M" at the foot of a page as it is shown: a scanned page saved rotated (/Rotate 90)
 * gets its number along the edge that is at the bottom on screen, reading left to right there.
 * A white band behind it keeps it legible on a dark scan.
 */
import { degrees, rgb, type PDFFont, type PDFPage } from "pdf-lib";

const SIZE = 9;
/** Distance of the baseline from the shown bottom edge. */
const BASELINE = 16;

export function drawPageFooter(page: PDFPage, text: string, font: PDFFont): void {
  const box = page.getCropBox();
  const width = font.widthOfTextAtSize(text, SIZE);
  const rotation = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  // Where the text starts and which way it runs, in the page's own (unrotated) space.
  const place: Record<number, { x: number; y: number; angle: number }> = {
    0: { x: box.x + (box.width - width) / 2, y: box.y + BASELINE, angle: 0 },
    90: { x: box.x + box.width - BASELINE, y: box.y + (box.height - width) / 2, angle: 90 },
    180: { x: box.x + (box.width + width) / 2, y: box.y + box.height - BASELINE, angle: 180 },
    270: { x: box.x + BASELINE, y: box.y + (box.height + width) / 2, angle: 270 },
  };
  const at = place[rotation] ?? place[0];
  if (at === undefined) return;
  const pad = 3;
  const radians = (at.angle * Math.PI) / 180;
  const [cos, sin] = [Math.round(Math.cos(radians)), Math.round(Math.sin(radians))];
  // The band: from just below the baseline to above the capitals, along the text's direction.
  page.drawRectangle({
    x: at.x - pad * cos + (pad + 2) * sin,
    y: at.y - pad * sin - (pad + 2) * cos,
    width: width + 2 * pad,
    height: SIZE + 2 * pad,
    rotate: degrees(at.angle),
    color: rgb(1, 1, 1),
  });
  page.drawText(text, { x: at.x, y: at.y, size: SIZE, font, rotate: degrees(at.angle), color: rgb(0, 0, 0) });
}
