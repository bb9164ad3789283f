/**
 * Headers on every response: a CSP without inline scripts or styles (but the build's own, by hash), no framing, no sniffing, no powerful
 * browser features, HTTPS pinned in production, and caching that keeps patient data out of every
 * cache (API answers are never stored; the app's content-hashed files are kept for a year; the
 * page itself is revalidated so a new release is picked up at once).
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import type { InlineHashes } from "./inline-hashes";

const sources = (directive: string, hashes: readonly string[]): string =>
  [`${directive} 'self'`, ...hashes.map((hash) => `'${hash}'`)].join(" ");

/**
 * No inline script or style but the build's own, each allowed by its hash (the prerendered pages'
 * first-paint script: see inline-hashes.ts). `fhirServers` are the origins of the FHIR servers the
 * browser may read a patient's record from (`FHIR_SERVERS`): the page talks to nothing else, so a
 * record read there can only reach this app's own origin.
 */
export function contentSecurityPolicy(
  inline: InlineHashes = { styles: [], scripts: [] },
  fhirServers: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    sources("script-src", inline.scripts),
    sources("style-src", inline.styles),
    "img-src 'self' data:",
    ["connect-src 'self'", ...fhirServers].join(" "),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const STRICT_CSP = contentSecurityPolicy();

/** Browser features the app never uses, denied to it and to anything it could ever embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** Two years, subdomains included: browsers then never reach the product over plain http. */
export const HSTS = "max-age=63072000; includeSubDomains";

/** Vite writes the built app's scripts and styles under /assets/ with a content hash in each name. */
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export type CachePolicy = "no-store" | "immutable" | "revalidate";

/**
 * The API answers that hold neither patient data nor anything of a session, the same for everyone:
 * a browser may keep them, but asks again each time (with the ETag they carry).
 */
export const REVALIDATED_API_ROUTES: ReadonlySet<string> = new Set(["/api/settings/record-import"]);

/** How a response to `path` may be cached. */
export function cachePolicyFor(path: string, status: number): CachePolicy {
  if (REVALIDATED_API_ROUTES.has(path) && (status === 200 || status === 304)) return "revalidate";
  if (path === "/api" || path.startsWith("/api/")) return "no-store";
  return status === 200 && HASHED_ASSET.test(path) ? "immutable" : "revalidate";
}

const CACHE_CONTROL: Record<CachePolicy, string> = {
  "no-store": "no-store",
  immutable: "public, max-age=31536000, immutable",
  revalidate: "no-cache",
};

/** The path a request is about, decoded (`/%61pi/…` is `/api/…` to the router, so it is here too). */
function decodedPath(url: string): string {
  const path = url.split("?")[0] ?? "";
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Every header above, on one reply (also used where Fastify answers before any hook runs). */
export function applySecurityHeaders(
  reply: FastifyReply,
  request: { url: string; routeOptions?: { url?: string } },
  production: boolean,
  csp = STRICT_CSP,
): void {
  reply.header("content-security-policy", csp);
  reply.header("x-content-type-options", "nosniff");
  reply.header("referrer-policy", "no-referrer");
  reply.header("x-frame-options", "DENY");
  reply.header("cross-origin-opener-policy", "same-origin");
  reply.header("permissions-policy", PERMISSIONS_POLICY);
  if (production) reply.header("strict-transport-security", HSTS);
  // The matched API route's pattern, else the decoded path: never the raw address, which can spell
  // /api/ in percent-escapes. (Static files match the catch-all "/*": their own path decides.)
  const route = request.routeOptions?.url;
  const path = route?.startsWith("/api/") === true ? route : decodedPath(request.url);
  const policy = cachePolicyFor(path, reply.statusCode);
  reply.header("cache-control", CACHE_CONTROL[policy]);
  // For HTTP/1.0 proxies, which know no Cache-Control.
  if (policy === "no-store") reply.header("pragma", "no-cache");
  else reply.removeHeader("pragma");
}

export function addSecurityHeaders(app: FastifyInstance, options: { production: boolean; csp?: string }): void {
  app.addHook("onSend", async (request, reply) => {
    applySecurityHeaders(reply, request, options.production, options.csp);
  });
}
