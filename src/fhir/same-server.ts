/**
 * Whether an address in a record (an attachment's `url`) points into the FHIR server the record came
 * from, resolved against its base as a browser would (RFC 3986: relative paths, "/…", ".." and "."),
 * so the server's token is never sent elsewhere. Written out here, not with `URL`, because this
 * folder is pure (no DOM or Node APIs); anything it cannot read plainly is refused, not guessed.
 */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const ORIGIN = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)/i;

/** "a/b/../c/./d" → "a/c/d"; a ".." above the root stays at the root, as browsers do. */
function withoutDotSegments(path: string): string {
  const out: string[] = [];
  const parts = path.split("/");
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    if (part === "..") {
      if (out.length > 1) out.pop();
      if (last) out.push("");
    } else if (part === ".") {
      if (last) out.push("");
    } else out.push(part);
  });
  return out.join("/");
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20 || text.charCodeAt(i) === 0x7f) return true;
  return false;
}

/** `url` as an absolute address when it lies under `base` (the server's base URL), else undefined. */
export function resolveOnServer(url: string, base: string): string | undefined {
  const root = `${base.replace(/\/+$/, "")}/`;
  const origin = ORIGIN.exec(root)?.[1];
  // Backslashes, control characters and encoded dots are read differently by different parsers.
  if (origin === undefined || /[\\\s]|%2e/i.test(url) || hasControl(url)) return undefined;
  let absolute: string;
  if (SCHEME.test(url)) absolute = url;
  else if (url.startsWith("//")) return undefined;
  else if (url.startsWith("/")) absolute = `${origin}${url}`;
  else absolute = `${root}${url}`;
  const own = ORIGIN.exec(absolute)?.[1];
  if (own === undefined || own.toLowerCase() !== origin.toLowerCase()) return undefined;
  const rest = absolute.slice(own.length);
  const cut = rest.search(/[?#]/);
  const path = cut === -1 ? rest : rest.slice(0, cut);
  const resolved = `${origin}${withoutDotSegments(path)}${cut === -1 ? "" : rest.slice(cut)}`;
  return resolved.startsWith(root) ? resolved : undefined;
}
