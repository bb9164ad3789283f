/**
 * Hostile files for the inspection tests, made in code: small files that describe gigapixels or
 * decompress to gigabytes (a security review's reproductions, kept out of the repository as binaries).
 */
import { deflateSync } from "node:zlib";

/** `pages` pages of `width` × `height` 8-bit grey, all pointing at one deflated strip: 14 KB for 240 MP. */
export function tiffBomb(pages = 20, width = 4000, height = 3000): Buffer {
  const strip = deflateSync(Buffer.alloc(width * height, 255), { level: 9 });
  const entries = 10;
  const ifdSize = 2 + entries * 12 + 4;
  const stripOffset = 8;
  const ifdStart = stripOffset + strip.length + (strip.length % 2);
  const buf = Buffer.alloc(ifdStart + pages * ifdSize);
  buf.write("II", 0, "latin1");
  buf.writeUInt16LE(42, 2);
  buf.writeUInt32LE(ifdStart, 4);
  strip.copy(buf, stripOffset);
  for (let p = 0; p < pages; p += 1) {
    let o = ifdStart + p * ifdSize;
    buf.writeUInt16LE(entries, o);
    o += 2;
    const entry = (tag: number, type: 3 | 4, value: number) => {
      buf.writeUInt16LE(tag, o);
      buf.writeUInt16LE(type, o + 2);
      buf.writeUInt32LE(1, o + 4);
      if (type === 3) buf.writeUInt16LE(value, o + 8);
      else buf.writeUInt32LE(value, o + 8);
      o += 12;
    };
    entry(256, 4, width);
    entry(257, 4, height);
    entry(258, 3, 8);
    entry(259, 3, 8);
    entry(262, 3, 1);
    entry(273, 4, stripOffset);
    entry(277, 3, 1);
    entry(278, 4, height);
    entry(279, 4, strip.length);
    entry(284, 3, 1);
    buf.writeUInt32LE(p === pages - 1 ? 0 : ifdStart + (p + 1) * ifdSize, o);
  }
  return buf;
}

/** A 1000 × 1000 page in one `tile` × `tile` tile: 164 bytes that make a decoder allocate tile² bytes. */
export function tiledTiff(tile = 40_000): Buffer {
  const data = deflateSync(Buffer.alloc(1000, 255));
  const entries = 11;
  const dataOffset = 8;
  const ifd = dataOffset + data.length + (data.length % 2);
  const buf = Buffer.alloc(ifd + 2 + entries * 12 + 4);
  buf.write("II", 0, "latin1");
  buf.writeUInt16LE(42, 2);
  buf.writeUInt32LE(ifd, 4);
  data.copy(buf, dataOffset);
  let o = ifd;
  buf.writeUInt16LE(entries, o);
  o += 2;
  const entry = (tag: number, type: 3 | 4, value: number) => {
    buf.writeUInt16LE(tag, o);
    buf.writeUInt16LE(type, o + 2);
    buf.writeUInt32LE(1, o + 4);
    if (type === 3) buf.writeUInt16LE(value, o + 8);
    else buf.writeUInt32LE(value, o + 8);
    o += 12;
  };
  entry(256, 4, 1000);
  entry(257, 4, 1000);
  entry(258, 3, 8);
  entry(259, 3, 8);
  entry(262, 3, 1);
  entry(277, 3, 1);
  entry(284, 3, 1);
  entry(322, 4, tile);
  entry(323, 4, tile);
  entry(324, 4, dataOffset);
  entry(325, 4, data.length);
  buf.writeUInt32LE(0, o);
  return buf;
}

/** A one-page PDF with an object stream that inflates to `megabytes` MB of spaces (about 1 KB per MB on disk). */
export function pdfBomb(megabytes = 300): Buffer {
  const payload = deflateSync(Buffer.alloc(megabytes * 1024 * 1024, 0x20), { level: 9 });
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let position = 0;
  const push = (part: Buffer | string) => {
    const bytes = typeof part === "string" ? Buffer.from(part, "latin1") : part;
    parts.push(bytes);
    position += bytes.length;
  };
  push("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
  offsets[1] = position;
  push("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = position;
  push("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  offsets[3] = position;
  push("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n");
  offsets[4] = position;
  push(`4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${payload.length} >>\nstream\n`);
  push(payload);
  push("\nendstream\nendobj\n");
  const xref = position;
  let table = "xref\n0 5\n0000000000 65535 f \n";
  for (let i = 1; i <= 4; i += 1) table += `${String(offsets[i]).padStart(10, "0")} 00000 n \n`;
  push(`${table}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}
