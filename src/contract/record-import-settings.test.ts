// @vitest-environment node
/** The local codes' checks: each bad input is refused with a sentence naming its field and what is accepted. */
import { describe, expect, it } from "vitest";
import {
  DUPLICATE_LOCAL_CODE,
  localCodeListSchema,
  localCodeSchema,
  MAX_CODE_LENGTH,
  MAX_DISPLAY_LENGTH,
  MAX_LOCAL_CODES,
  MAX_SYSTEM_LENGTH,
  recordImportSettingsSchema,
  TOO_MANY_LOCAL_CODES,
} from "@/contract";

const good = { system: "https://lab.example.org/codes", code: "AAV5-NAB", display: "AAV5 neutralizing antibody" };

/** The issues of a refused input as "path: message". */
function problems(schema: typeof localCodeSchema | typeof localCodeListSchema, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("one local code", () => {
  it("accepts http, https and urn systems, trims, and defaults the display text to empty", () => {
    expect(localCodeSchema.parse({ system: " https://lab.example.org/codes ", code: " AAV5-NAB " })).toEqual({
      system: "https://lab.example.org/codes",
      code: "AAV5-NAB",
      display: "",
    });
    expect(localCodeSchema.parse({ ...good, system: "http://lab.example.org" }).system).toBe("http://lab.example.org");
    expect(localCodeSchema.parse({ ...good, system: "urn:oid:2.16.840.1.113883.3.1234" }).system).toBe(
      "urn:oid:2.16.840.1.113883.3.1234",
    );
    expect(localCodeSchema.parse(good)).toEqual(good);
  });

  it("accepts a code with single spaces inside, as FHIR's code type allows (a lab's code may hold them)", () => {
    expect(localCodeSchema.parse({ ...good, code: " AAV5 NAB TITER " }).code).toBe("AAV5 NAB TITER");
  });

  const CODE_SPACES =
    "code: Code may hold single spaces only, not two in a row or another kind of space (such as a non-breaking one): enter it exactly as the lab's results carry it";
  const INVISIBLE_IN = (path: string, field: string) =>
    `${path}: ${field} must not contain control characters or invisible formatting characters (such as zero-width spaces or right-to-left marks)`;
  const URI_ACCEPTED =
    "system: Code system must be an absolute URI starting http://, https:// or urn:, like https://lab.example.org/codes, with no spaces";
  it.each([
    ["a missing system", { code: "X" }, "system: Code system must be text"],
    ["a system that is not text", { ...good, system: 42 }, "system: Code system must be text"],
    [
      "an empty system",
      { ...good, system: "  " },
      "system: Enter the code system: an absolute URI starting http://, https:// or urn:, like https://lab.example.org/codes",
    ],
    ["a relative system", { ...good, system: "lab/codes" }, URI_ACCEPTED],
    ["a system of another scheme", { ...good, system: "ftp://lab.example.org/codes" }, URI_ACCEPTED],
    ["a system with a space", { ...good, system: "https://lab.example.org/my codes" }, URI_ACCEPTED],
    ["a system without a host", { ...good, system: "https:///codes" }, URI_ACCEPTED],
    ["a bare urn", { ...good, system: "urn:" }, URI_ACCEPTED],
    [
      "a system too long",
      { ...good, system: `https://lab.example.org/${"a".repeat(MAX_SYSTEM_LENGTH)}` },
      `system: Code system must be ${MAX_SYSTEM_LENGTH} characters or fewer`,
    ],
    ["a missing code", { system: good.system }, "code: Code must be text"],
    ["an empty code", { ...good, code: " " }, "code: Enter the code, as the lab's results carry it, like AAV5-NAB"],
    ["a code with two spaces in a row", { ...good, code: "AAV5  NAB" }, CODE_SPACES],
    ["a code with a non-breaking space", { ...good, code: "AAV5\u00A0NAB" }, CODE_SPACES],
    [
      "a code too long",
      { ...good, code: "A".repeat(MAX_CODE_LENGTH + 1) },
      `code: Code must be ${MAX_CODE_LENGTH} characters or fewer`,
    ],
    ["a display that is not text", { ...good, display: 1 }, "display: Display text must be text"],
    [
      "a display too long",
      { ...good, display: "d".repeat(MAX_DISPLAY_LENGTH + 1) },
      `display: Display text must be ${MAX_DISPLAY_LENGTH} characters or fewer`,
    ],
    ["a display with a control character", { ...good, display: "AAV5\u0007" }, INVISIBLE_IN("display", "Display text")],
    [
      "a display with a C1 control character",
      { ...good, display: "AAV5\u0085" },
      INVISIBLE_IN("display", "Display text"),
    ],
    [
      "a display with a right-to-left override (it would reorder the history's text)",
      { ...good, display: "AAV5 \u202Eydobitna" },
      INVISIBLE_IN("display", "Display text"),
    ],
    ["a code with a zero-width space", { ...good, code: "AAV5\u200B-NAB" }, INVISIBLE_IN("code", "Code")],
    ["a code with a NUL character", { ...good, code: "AAV5-NAB\u0000" }, INVISIBLE_IN("code", "Code")],
    ["a code with a tab inside", { ...good, code: "AAV5\tNAB" }, INVISIBLE_IN("code", "Code")],
    ["a code with a left-to-right mark", { ...good, code: "\u200EAAV5-NAB" }, INVISIBLE_IN("code", "Code")],
    [
      "a system with a right-to-left override",
      { ...good, system: "https://lab.example.org/\u202Esedoc" },
      INVISIBLE_IN("system", "Code system"),
    ],
    [
      "a system with a zero-width joiner",
      { ...good, system: "urn:lab:\u200Dcodes" },
      INVISIBLE_IN("system", "Code system"),
    ],
    ["a javascript: system", { ...good, system: "javascript:alert(1)" }, URI_ACCEPTED],
    ["a body that is not an object", ["x"], ": The body must be a JSON object"],
  ])("refuses %s", (_what, input, expected) => {
    expect(problems(localCodeSchema, input)).toEqual([expected]);
  });
});

describe("a list of local codes", () => {
  it(`accepts up to ${MAX_LOCAL_CODES} different codes, the same code in another system included`, () => {
    const list = Array.from({ length: MAX_LOCAL_CODES }, (_, i) => ({ system: good.system, code: `C${i}` }));
    expect(localCodeListSchema.parse(list)).toHaveLength(MAX_LOCAL_CODES);
    expect(problems(localCodeListSchema, [good, { ...good, system: "urn:other:codes" }])).toEqual([]);
    // Codes are case-sensitive in FHIR: aav5-nab is another code.
    expect(problems(localCodeListSchema, [good, { ...good, code: "aav5-nab" }])).toEqual([]);
  });

  it("refuses one code too many, naming the limit", () => {
    const list = Array.from({ length: MAX_LOCAL_CODES + 1 }, (_, i) => ({ system: good.system, code: `C${i}` }));
    expect(problems(localCodeListSchema, list)).toEqual([`: ${TOO_MANY_LOCAL_CODES}`]);
  });

  it("refuses a code listed twice (after trimming), on the second one's code", () => {
    expect(problems(localCodeListSchema, [good, { system: ` ${good.system}`, code: `${good.code} ` }])).toEqual([
      `1.code: ${DUPLICATE_LOCAL_CODE}`,
    ]);
  });

  it("names the entry of a bad code by its place in the list", () => {
    expect(problems(localCodeListSchema, [good, { ...good, code: "" }])).toEqual([
      "1.code: Enter the code, as the lab's results carry it, like AAV5-NAB",
    ]);
    expect(problems(localCodeListSchema, "x")).toEqual([": The codes must be a list"]);
  });

  it("reads the settings answer, and refuses one whose codes are not a list", () => {
    const settings = { localCodes: { aav5Antibody: [good] } };
    expect(recordImportSettingsSchema.parse(settings)).toEqual(settings);
    expect(recordImportSettingsSchema.safeParse({ localCodes: { aav5Antibody: "x" } }).success).toBe(false);
  });
});
