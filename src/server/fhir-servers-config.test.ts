/** FHIR_SERVERS: validated origins, and the only places besides the app's own the page may connect to. */
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { contentSecurityPolicy } from "./security-headers";

describe("FHIR_SERVERS", () => {
  it("is none by default: the page connects to its own origin only", () => {
    expect(loadConfig({}).FHIR_SERVERS).toEqual([]);
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
  });

  it("lists origins separated by commas, each added to connect-src", () => {
    const config = loadConfig({ FHIR_SERVERS: "https://ehr.example.org, http://127.0.0.1:8090" });
    expect(config.FHIR_SERVERS).toEqual(["https://ehr.example.org", "http://127.0.0.1:8090"]);
    expect(contentSecurityPolicy(undefined, config.FHIR_SERVERS)).toContain(
      "connect-src 'self' https://ehr.example.org http://127.0.0.1:8090;",
    );
  });

  it("refuses anything that is not an origin, naming the variable", () => {
    for (const bad of ["ehr.example.org", "https://ehr.example.org/fhir", "javascript:alert(1)", "https://a b"])
      expect(() => loadConfig({ FHIR_SERVERS: bad })).toThrow(/FHIR_SERVERS: must be origins/);
  });
});
