/** Addresses in a record resolved against its FHIR server, checked against what a browser's URL makes of them. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveOnServer } from "./same-server";

const BASE = "https://ehr.example.org/fhir";

describe("resolveOnServer", () => {
  it("resolves relative, rooted and absolute addresses under the base", () => {
    expect(resolveOnServer("Binary/x", BASE)).toBe(`${BASE}/Binary/x`);
    expect(resolveOnServer("Binary/x", `${BASE}/`)).toBe(`${BASE}/Binary/x`);
    expect(resolveOnServer("/fhir/Binary/x?_format=json", BASE)).toBe(`${BASE}/Binary/x?_format=json`);
    expect(resolveOnServer(`${BASE}/Binary/y`, BASE)).toBe(`${BASE}/Binary/y`);
    expect(resolveOnServer("HTTPS://EHR.example.org/fhir/Binary/z", BASE)).toBe(`${BASE}/Binary/z`);
    expect(resolveOnServer("./Binary/../Binary/w", BASE)).toBe(`${BASE}/Binary/w`);
  });

  it("refuses what leaves the base: another host, scheme or path, a walk out with .., protocol-relative, encoded or odd characters", () => {
    for (const url of [
      "https://other.example/Binary/x",
      "http://ehr.example.org/fhir/Binary/x",
      "https://ehr.example.org/fhir-other/Binary/x",
      "https://ehr.example.org/fhir/../refusing/fhir/Binary/x",
      "../refusing/Binary/x",
      "/other/Binary/x",
      "//other.example/fhir/Binary/x",
      "Binary/%2e%2e/%2E%2E/x",
      "Binary\\..\\..\\x",
      "Binary/x\n",
      "javascript:alert(1)",
      "https://ehr.example.org@evil.example/fhir/Binary/x",
    ])
      expect(resolveOnServer(url, BASE), url).toBeUndefined();
  });

  it("never says yes where the browser's URL would put the address outside the base", () => {
    const segment = fc.constantFrom("Binary", "x", "..", ".", "fhir", "refusing", "", "%2e", "a?b", "#c");
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.boolean(), (parts, rooted) => {
        const url = `${rooted ? "/" : ""}${parts.join("/")}`;
        const ours = resolveOnServer(url, BASE);
        if (ours === undefined) return;
        const theirs = new URL(url, `${BASE}/`).href;
        expect(ours).toBe(theirs);
        expect(theirs.startsWith(`${BASE}/`)).toBe(true);
      }),
    );
  });
});
