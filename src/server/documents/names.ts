/**
 * File names are metadata: text to show, never a path. What the browser sent is cut to its last
 * path segment, stripped of control characters and trimmed; the header that offers it back carries
 * an ASCII fallback and the exact name in RFC 5987's `filename*`.
 */
import { DOCUMENT_LIMITS } from "@/contract";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function cleanFileName(sent: string | undefined): string {
  const last = (sent ?? "").split(/[/\\]/).pop() ?? "";
  const clean = last.replace(CONTROL, "").trim().slice(0, DOCUMENT_LIMITS.maxNameLength);
  return clean === "" || clean === "." || clean === ".." ? "document" : clean;
}

/** RFC 5987 percent-encoding: attr-char stays, everything else is %XX of its UTF-8 bytes. */
const encode5987 = (name: string): string =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  "application/pdf": [".pdf"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/tiff": [".tif", ".tiff"],
};

/**
 * The name to offer a file of `mediaType` under: its own name when it already ends in that type's
 * extension, else that extension added. The type was recognised from the content; the name was
 * chosen by whoever uploaded it, so a PNG named `x.html` (or cut short of its extension) is never
 * saved as something a computer would open as a page or a program.
 */
export function nameForType(fileName: string, mediaType: string): string {
  const extensions = EXTENSIONS[mediaType] ?? [];
  const lower = fileName.toLowerCase();
  if (extensions.length === 0 || extensions.some((ext) => lower.endsWith(ext))) return fileName;
  return `${fileName}${extensions[0] ?? ""}`;
}

/** `attachment` or `inline`, with the name safe for a header whatever it holds. */
export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encode5987(fileName)}`;
}
