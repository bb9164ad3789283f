/**
 * File names are metadata: text to show, never a path. What the browser sent is cut to its last
 * path segment, stripped of control characters and trimmed; the header that offers it back carries
 * an ASCII fallback and the exact name in RFC 5987's `filename*`.
 */
import { DOCUMENT_LIMITS } from "@/contract";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function cleanFileName(sent: string | undefined): string {
  const last = (sent ?? "").split(/[/\\]/).pop() ?? "";
  const clean = last.replace(CONTROL, "").trim().slice(0, DOCUMENT_LIMITS.maxNameLength);
  return clean === "" || clean === "." || clean === ".." ? "document" : clean;
}

/** RFC 5987 percent-encoding: attr-char stays, everything else is %XX of its UTF-8 bytes. */
const encode5987 = (name: string): string =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment` or `inline`, with the name safe for a header whatever it holds. */
export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encode5987(fileName)}`;
}
