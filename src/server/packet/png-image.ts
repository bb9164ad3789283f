/**
 * A PNG as a PDF image without pdf-lib's round trip (decode, then re-compress in JavaScript: about
 * 1.4 s for one 1-megapixel photo on these machines, most of a 30-document packet's time). A PNG's
 * compressed data is already what PDF's FlateDecode with the PNG predictors reads, so an opaque,
 * non-interlaced PNG is copied as it is. One with an alpha channel (a screenshot) is inflated and
 * deflated with Node's native zlib and split into colour and a soft mask. Anything else (interlaced,
 * 16 bits with alpha, a transparency chunk) is left to pdf-lib: rare, and slower, but right.
 */
import { deflateSync, inflateSync } from "node:zlib";
import { PDFHexString, PDFName, type PDFContext, type PDFRef } from "pdf-lib";

export interface PlacedImage {
  ref: PDFRef;
  width: number;
  height: number;
}

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  palette?: Uint8Array;
  transparency: boolean;
  data: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function readPng(bytes: Uint8Array): Png | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 33 || !buffer.subarray(0, 8).equals(SIGNATURE)) return undefined;
  const idat: Buffer[] = [];
  let png: Omit<Png, "data" | "transparency"> | undefined;
  let palette: Uint8Array | undefined;
  let transparency = false;
  for (let at = 8; at + 8 <= buffer.length;) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString("latin1", at + 4, at + 8);
    const body = buffer.subarray(at + 8, at + 8 + length);
    if (body.length !== length) return undefined;
    if (type === "IHDR")
      png = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        bitDepth: body[8] ?? 0,
        colorType: body[9] ?? 0,
        interlace: body[12] ?? 0,
      };
    else if (type === "PLTE") palette = body;
    else if (type === "tRNS") transparency = true;
    else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  if (png === undefined || idat.length === 0 || png.width === 0 || png.height === 0) return undefined;
  return { ...png, ...(palette !== undefined && { palette }), transparency, data: Buffer.concat(idat) };
}

/** PNG's row filters undone (8-bit samples, `bpp` bytes a pixel). */
function unfilter(data: Buffer, width: number, height: number, bpp: number): Uint8Array | undefined {
  const stride = width * bpp;
  if (data.length < height * (stride + 1)) return undefined;
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = data[y * (stride + 1)];
    const row = y * (stride + 1) + 1;
    const at = y * stride;
    for (let x = 0; x < stride; x += 1) {
      const raw = data[row + x] ?? 0;
      const a = x >= bpp ? (out[at + x - bpp] ?? 0) : 0;
      const b = y > 0 ? (out[at - stride + x] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (out[at - stride + x - bpp] ?? 0) : 0;
      let value: number;
      if (filter === 0) value = raw;
      else if (filter === 1) value = raw + a;
      else if (filter === 2) value = raw + b;
      else if (filter === 3) value = raw + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        value = raw + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      } else return undefined;
      out[at + x] = value & 0xff;
    }
  }
  return out;
}

/** The PNG registered as an image XObject in `context`, or undefined to leave it to pdf-lib. */
export function embedPng(context: PDFContext, bytes: Uint8Array): PlacedImage | undefined {
  const png = readPng(bytes);
  if (png === undefined || png.interlace !== 0 || png.transparency) return undefined;
  const { width, height, bitDepth, colorType } = png;
  const image = (contents: Uint8Array, dict: Record<string, unknown>) =>
    context.register(
      context.stream(contents, {
        Type: "XObject",
        Subtype: "Image",
        Width: width,
        Height: height,
        Filter: "FlateDecode",
        ...dict,
      }),
    );

  if (colorType === 0 || colorType === 2 || colorType === 3) {
    const colors = colorType === 2 ? 3 : 1;
    let colorSpace: unknown = colorType === 2 ? "DeviceRGB" : "DeviceGray";
    if (colorType === 3) {
      if (png.palette === undefined || png.palette.length % 3 !== 0) return undefined;
      colorSpace = context.obj([
        PDFName.of("Indexed"),
        PDFName.of("DeviceRGB"),
        png.palette.length / 3 - 1,
        PDFHexString.of(Buffer.from(png.palette).toString("hex")),
      ]);
    }
    const ref = image(png.data, {
      ColorSpace: colorSpace,
      BitsPerComponent: bitDepth,
      DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: bitDepth, Columns: width },
    });
    return { ref, width, height };
  }

  // Grey or RGB with alpha, 8 bits: colour and alpha apart, the alpha as a soft mask.
  if ((colorType !== 4 && colorType !== 6) || bitDepth !== 8) return undefined;
  const colors = colorType === 6 ? 3 : 1;
  let pixels: Uint8Array | undefined;
  try {
    pixels = unfilter(inflateSync(png.data), width, height, colors + 1);
  } catch {
    return undefined;
  }
  if (pixels === undefined) return undefined;
  const color = new Uint8Array(width * height * colors);
  const alpha = new Uint8Array(width * height);
  for (let p = 0, o = 0; p < width * height; p += 1) {
    const at = p * (colors + 1);
    for (let c = 0; c < colors; c += 1) color[o++] = pixels[at + c] ?? 0;
    alpha[p] = pixels[at + colors] ?? 255;
  }
  const mask = image(deflateSync(alpha), { ColorSpace: "DeviceGray", BitsPerComponent: 8 });
  const ref = image(deflateSync(color), {
    ColorSpace: colors === 3 ? "DeviceRGB" : "DeviceGray",
    BitsPerComponent: 8,
    SMask: mask,
  });
  return { ref, width, height };
}
