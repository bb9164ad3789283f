/**
 * Validation against the spec's "invalid input" rules: wrong types, unknown enum spellings, the
 * schema version, required fields, impossible / misshapen / future dates, the NPI check digit and
 * the range limits. Each invalid input must be rejected with the offending field's path and a plain
 * message that names the field and says what would be accepted; valid edge values must pass.
 */
import { describe, expect, it } from "vitest";
import { eligible, npiFrom } from "@fixtures";
import { validateRequestDocument, type FieldError, type RequestDocument } from "@/criteria";

const REQUEST_DATE = "2026-11-27";
const DAY_AFTER = "2026-11-28";
const DELETE = Symbol("delete");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The eligible example as plain JSON, so tests can put wrong types anywhere. */
const base = (): Record<string, Json> => structuredClone(eligible());

/** Sets (or with DELETE removes) the value at a dotted path such as `bleeds.1.date`, creating parents. */
function setPath(doc: Record<string, Json>, path: string, value: Json | typeof DELETE): Record<string, Json> {
  const keys = path.split(".");
  let node: Json = doc;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i] as string;
    const nextIsIndex = /^\d+$/.test(keys[i + 1] as string);
    const container = node as Record<string, Json>;
    if (container[key] === undefined || container[key] === null || typeof container[key] !== "object") {
      container[key] = nextIsIndex ? [] : {};
    }
    node = container[key];
  }
  const last = keys[keys.length - 1] as string;
  const container = node as Record<string, Json>;
  if (value === DELETE) {
    if (Array.isArray(container)) container.splice(Number(last), 1);
    else delete container[last];
  } else {
    container[last] = value;
  }
  return doc;
}

const withValue = (path: string, value: Json | typeof DELETE, doc = base()): Record<string, Json> =>
  setPath(doc, path, value);

function errorsOf(input: unknown): FieldError[] {
  const result = validateRequestDocument(input);
  return result.ok ? [] : result.errors;
}

/** The document must be rejected with exactly one error, at `path`; that error is returned. */
function rejectedAt(input: unknown, path: string): FieldError {
  const result = validateRequestDocument(input);
  expect(result.ok, `expected a rejection at ${path}`).toBe(false);
  const errors = result.ok ? [] : result.errors;
  expect(errors.map((e) => e.path)).toEqual([path]);
  const error = errors[0] as FieldError;
  expect(error.message.trim()).not.toBe("");
  return error;
}

function accepted(input: unknown): RequestDocument {
  const result = validateRequestDocument(input);
  expect(result.ok ? [] : result.errors).toEqual([]);
  if (!result.ok) throw new Error("rejected");
  return result.document;
}

describe("the eligible example and the minimal document", () => {
  it("accepts the eligible example and returns it unchanged", () => {
    expect(accepted(base())).toEqual(base());
  });

  it("accepts a document with only the four required fields, adding nothing", () => {
    const minimal = { schemaVersion: 1, requestType: "initial", requestDate: REQUEST_DATE, lineOfBusiness: "medicaid" };
    expect(accepted(minimal)).toEqual(minimal);
  });

  it("rejects a document that is not a JSON object, at the empty path", () => {
    for (const input of [null, [], "request", 42, true, [base()]]) {
      const errors = errorsOf(input);
      expect(errors.length, JSON.stringify(input)).toBeGreaterThan(0);
      expect(errors.map((e) => e.path)).toEqual([""]);
      expect(errors[0]?.message.trim()).not.toBe("");
    }
  });
});

describe("wrong types", () => {
  const cases: { path: string; value: Json; field: RegExp; wants: RegExp }[] = [
    { path: "exposureDays", value: "220", field: /exposure days/i, wants: /number/i },
    { path: "diagnosis.factorIxActivityPercent", value: "1", field: /factor IX/i, wants: /number/i },
    { path: "member.weight.value", value: "80", field: /weight/i, wants: /number/i },
    { path: "aav5.titer", value: "1:300", field: /titer/i, wants: /number/i },
    { path: "dose.requestedGcPerKg", value: "2e13", field: /dose/i, wants: /number/i },
    { path: "inhibitor.assays.0.bethesdaUnits", value: "0.2", field: /bethesda/i, wants: /number/i },
    { path: "liver.enzymes.alt.value", value: "30", field: /ALT/, wants: /number/i },
    { path: "requestDate", value: 20261127, field: /request date/i, wants: /text|YYYY-MM-DD|date/i },
    { path: "member.dateOfBirth", value: 19850412, field: /birth/i, wants: /text|YYYY-MM-DD|date/i },
    { path: "prescriber.npi", value: 1234567893, field: /NPI/, wants: /text|digits/i },
    { path: "member.firstName", value: 42, field: /first name/i, wants: /text/i },
    { path: "priorGeneTherapy", value: "false", field: /gene therapy/i, wants: /true or false|boolean/i },
    { path: "inhibitor.historyOfInhibitor", value: 0, field: /inhibitor/i, wants: /true or false|boolean/i },
    { path: "bleeds.0.spontaneous", value: "yes", field: /spontaneous/i, wants: /true or false|boolean/i },
    { path: "member", value: null, field: /member/i, wants: /object/i },
    { path: "prescriber", value: [], field: /prescriber/i, wants: /object/i },
    { path: "liver.enzymes", value: [], field: /enzymes/i, wants: /object/i },
    { path: "aav5", value: "detected", field: /AAV5/i, wants: /object/i },
    { path: "member.weight", value: 80, field: /weight/i, wants: /object/i },
    { path: "bleeds", value: {}, field: /bleed/i, wants: /list|array/i },
    { path: "inhibitor.assays", value: "none", field: /assay/i, wants: /list|array/i },
    { path: "bleeds.0", value: null, field: /bleed/i, wants: /object/i },
    { path: "inhibitor.assays.0", value: [], field: /assay/i, wants: /object/i },
  ];

  it.each(cases)(
    "rejects $path = $value with a message naming the field and the type wanted",
    ({ path, value, field, wants }) => {
      const error = rejectedAt(withValue(path, value), path);
      expect(error.message).toMatch(field);
      expect(error.message).toMatch(wants);
    },
  );
});

describe("unknown enum spellings", () => {
  const SITES = [
    "intracranial",
    "neck_throat",
    "gastrointestinal",
    "joint",
    "muscle",
    "mucous_membrane",
    "skin_soft_tissue",
    "other",
  ];
  const cases: { path: string; value: string; allowed: string[]; field: RegExp }[] = [
    { path: "requestType", value: "Initial", allowed: ["initial", "continuation"], field: /request type/i },
    { path: "requestType", value: "renewal", allowed: ["initial", "continuation"], field: /request type/i },
    {
      path: "lineOfBusiness",
      value: "HIM",
      allowed: ["commercial", "marketplace", "medicaid"],
      field: /line of business/i,
    },
    { path: "member.weight.unit", value: "kgs", allowed: ["kg", "lb"], field: /unit/i },
    { path: "member.weight.unit", value: "lbs", allowed: ["kg", "lb"], field: /unit/i },
    { path: "prescriber.specialty", value: "hematologist", allowed: ["hematology", "other"], field: /specialty/i },
    {
      path: "diagnosis.condition",
      value: "hemophilia_b",
      allowed: ["congenital_hemophilia_b", "other"],
      field: /diagnosis|condition/i,
    },
    {
      path: "prophylaxis.product",
      value: "alprolix",
      allowed: ["Alprolix", "BeneFIX", "Idelvion", "Ixinity", "Rebinyn", "Rixubis", "other"],
      field: /product/i,
    },
    { path: "prophylaxis.product", value: "Benefix", allowed: ["BeneFIX"], field: /product/i },
    { path: "bleeds.0.site", value: "knee", allowed: SITES, field: /site/i },
    { path: "bleeds.0.site", value: "mucous membrane", allowed: SITES, field: /site/i },
    { path: "liver.ultrasound.result", value: "Normal", allowed: ["normal", "abnormal"], field: /ultrasound/i },
    { path: "liver.elastography.result", value: "fine", allowed: ["normal", "abnormal"], field: /elastography/i },
    { path: "aav5.result", value: "negative", allowed: ["not_detected", "detected"], field: /AAV5/i },
  ];

  it.each(cases)("rejects $path = $value and lists the accepted spellings", ({ path, value, allowed, field }) => {
    const error = rejectedAt(withValue(path, value), path);
    expect(error.message).toMatch(field);
    for (const spelling of allowed) expect(error.message).toContain(spelling);
  });

  it("accepts every spelling the spec lists", () => {
    const good: [string, string[]][] = [
      ["requestType", ["initial", "continuation"]],
      ["lineOfBusiness", ["commercial", "marketplace", "medicaid"]],
      ["member.weight.unit", ["kg", "lb"]],
      ["prescriber.specialty", ["hematology", "other"]],
      ["diagnosis.condition", ["congenital_hemophilia_b", "other"]],
      ["prophylaxis.product", ["Alprolix", "BeneFIX", "Idelvion", "Ixinity", "Rebinyn", "Rixubis", "other"]],
      ["bleeds.0.site", SITES],
      ["liver.ultrasound.result", ["normal", "abnormal"]],
      ["liver.elastography.result", ["normal", "abnormal"]],
      ["aav5.result", ["not_detected", "detected"]],
    ];
    for (const [path, spellings] of good) for (const value of spellings) accepted(withValue(path, value));
  });
});

describe("schema version", () => {
  it.each([2, 0, "1", true, 1.5])("rejects schemaVersion %j and says it must be 1", (value) => {
    const error = rejectedAt(withValue("schemaVersion", value), "schemaVersion");
    expect(error.message).toMatch(/schema version/i);
    expect(error.message).toContain("1");
  });
});

describe("required fields", () => {
  it.each([
    ["schemaVersion", /schema version/i],
    ["requestType", /request type/i],
    ["requestDate", /request date/i],
    ["lineOfBusiness", /line of business/i],
  ] as const)("reports a missing %s as required", (path, field) => {
    const error = rejectedAt(withValue(path, DELETE), path);
    expect(error.message).toMatch(/is required/);
    expect(error.message).toMatch(field);
  });

  it("reports all four when an empty object is given", () => {
    const errors = errorsOf({});
    expect(errors.map((e) => e.path).sort()).toEqual(["lineOfBusiness", "requestDate", "requestType", "schemaVersion"]);
    for (const error of errors) expect(error.message).toMatch(/is required/);
  });
});

describe("impossible dates", () => {
  it('says "Date of birth must be a real date" at member.dateOfBirth, and nothing else (never the value)', () => {
    const error = rejectedAt(withValue("member.dateOfBirth", "2026-02-30"), "member.dateOfBirth");
    expect(error.message).toBe("Date of birth must be a real date (written YYYY-MM-DD)");
  });

  it.each([
    ["member.dateOfBirth", "1985-02-29"],
    ["member.dateOfBirth", "1900-02-29"],
    ["member.dateOfBirth", "1985-04-31"],
    ["prophylaxis.startDate", "2023-13-01"],
    ["prophylaxis.startDate", "2023-00-10"],
    ["bleeds.0.date", "2025-09-31"],
    ["bleeds.0.date", "2025-09-00"],
    ["inhibitor.assays.0.date", "2026-06-31"],
    ["liver.enzymes.date", "2026-11-32"],
    ["liver.ultrasound.date", "2026-02-29"],
    ["liver.elastography.date", "2026-04-31"],
  ])("rejects %s = %s as not a real date, without quoting it", (path, value) => {
    const error = rejectedAt(withValue(path, value), path);
    expect(error.message).toMatch(/ must be a real date \(written YYYY-MM-DD\)$/);
    expect(error.message).not.toContain(value);
  });

  it("rejects an impossible request date without judging other dates against it", () => {
    const error = rejectedAt(withValue("requestDate", "2026-11-31"), "requestDate");
    expect(error.message).toMatch(/must be a real date/);
  });

  it("accepts 29 February in leap years", () => {
    accepted(withValue("member.dateOfBirth", "2000-02-29"));
    accepted(withValue("member.dateOfBirth", "1984-02-29"));
    accepted(withValue("bleeds.0.date", "2024-02-29"));
  });
});

describe("wrong date shapes", () => {
  it.each([
    "1985-4-12",
    "1985-04-2",
    "85-04-12",
    "1985/04/12",
    "12-04-1985",
    "19850412",
    "1985-04-12T00:00:00Z",
    " 1985-04-12",
    "1985-04-12 ",
    "",
    "April 12, 1985",
    "+1985-04-12",
  ])("rejects date of birth %j and asks for YYYY-MM-DD", (value) => {
    const error = rejectedAt(withValue("member.dateOfBirth", value), "member.dateOfBirth");
    expect(error.message).toMatch(/birth/i);
    expect(error.message).toContain("YYYY-MM-DD");
  });

  it.each(["2026-11-27T00:00:00", "2026-11-27Z", "27/11/2026"])("rejects request date %j", (value) => {
    const error = rejectedAt(withValue("requestDate", value), "requestDate");
    expect(error.message).toContain("YYYY-MM-DD");
  });
});

describe("dates after the request date", () => {
  /** Every date path of the spec other than requestDate; list items at index 1 to check the index. */
  const withSecondItems = (): Record<string, Json> => {
    const doc = base();
    (doc.bleeds as Json[]).push({ date: "2026-01-05", site: "muscle", spontaneous: true });
    ((doc.inhibitor as Record<string, Json>).assays as Json[]).push({ date: "2026-11-01", bethesdaUnits: 0.1 });
    return doc;
  };
  const DATE_PATHS = [
    "member.dateOfBirth",
    "prophylaxis.startDate",
    "bleeds.1.date",
    "inhibitor.assays.1.date",
    "liver.enzymes.date",
    "liver.ultrasound.date",
    "liver.elastography.date",
  ];

  it.each(DATE_PATHS)("rejects %s one day after the request date, saying the request date", (path) => {
    const error = rejectedAt(withValue(path, DAY_AFTER, withSecondItems()), path);
    expect(error.message).toContain(DAY_AFTER);
    expect(error.message).toContain(REQUEST_DATE);
  });

  it.each(DATE_PATHS)("rejects %s years after the request date", (path) => {
    rejectedAt(withValue(path, "2031-01-01", withSecondItems()), path);
  });

  it.each(DATE_PATHS)("accepts %s equal to the request date", (path) => {
    accepted(withValue(path, REQUEST_DATE, withSecondItems()));
  });

  it("judges every date against an earlier request date", () => {
    const errors = errorsOf(withValue("requestDate", "2026-10-01"));
    expect(errors.map((e) => e.path).sort()).toEqual(
      ["inhibitor.assays.0.date", "liver.elastography.date", "liver.enzymes.date", "liver.ultrasound.date"].sort(),
    );
  });

  it("reports each future item of a list at its own index", () => {
    const doc = withSecondItems();
    setPath(doc, "bleeds.0.date", "2027-01-01");
    setPath(doc, "bleeds.1.date", "2027-02-01");
    expect(errorsOf(doc).map((e) => e.path)).toEqual(["bleeds.0.date", "bleeds.1.date"]);
  });
});

describe("NPI", () => {
  it("accepts 1234567893 and other numbers with a valid check digit", () => {
    expect(npiFrom("123456789")).toBe("1234567893");
    for (const nine of ["123456789", "100000000", "987654321", "199999999", "284756102"]) {
      accepted(withValue("prescriber.npi", npiFrom(nine)));
    }
  });

  it.each([
    "1234567890",
    "1234567894",
    "123456789",
    "12345678931",
    "123456789A",
    "abcdefghij",
    "",
    " 1234567893",
    "1234-567893",
  ])("rejects %j, asking for 10 digits with a valid check digit", (npi) => {
    const error = rejectedAt(withValue("prescriber.npi", npi), "prescriber.npi");
    expect(error.message).toMatch(/NPI/);
    expect(error.message).toMatch(/10 digits/);
  });

  it("rejects every wrong check digit of a valid number", () => {
    const valid = npiFrom("987654321");
    for (let digit = 0; digit <= 9; digit++) {
      const npi = `${valid.slice(0, 9)}${digit}`;
      if (npi === valid) continue;
      rejectedAt(withValue("prescriber.npi", npi), "prescriber.npi");
    }
  });
});

describe("range limits", () => {
  const weight = (value: number, unit: "kg" | "lb"): Record<string, Json> =>
    withValue("member.weight", { value, unit });

  it.each([
    [0, "kg"],
    [-1, "kg"],
    [500.1, "kg"],
    [0, "lb"],
    [1103, "lb"],
  ] as const)("rejects a weight of %d %s at member.weight.value, naming the limit", (value, unit) => {
    const error = rejectedAt(weight(value, unit), "member.weight.value");
    expect(error.message).toMatch(/weight/i);
    expect(error.message).toMatch(value > 0 ? /500/ : /0/);
  });

  it.each([
    [0.1, "kg"],
    [500, "kg"],
    [1102, "lb"],
    [0.1, "lb"],
  ] as const)("accepts a weight of %d %s", (value, unit) => {
    accepted(weight(value, unit));
  });

  it.each([-0.1, 200.1, -5, 1000])("rejects factor IX activity %d%%", (value) => {
    const error = rejectedAt(
      withValue("diagnosis.factorIxActivityPercent", value),
      "diagnosis.factorIxActivityPercent",
    );
    expect(error.message).toMatch(/factor IX/i);
    expect(error.message).toMatch(value < 0 ? /\b0\b/ : /200/);
  });

  it.each([0, 200, 0.5, 2])("accepts factor IX activity %d%%", (value) => {
    accepted(withValue("diagnosis.factorIxActivityPercent", value));
  });

  it.each([-1, 1.5, -1.5, 149.9])("rejects exposure days %d (once, at exposureDays)", (value) => {
    const error = rejectedAt(withValue("exposureDays", value), "exposureDays");
    expect(error.message).toMatch(/exposure days/i);
    if (!Number.isInteger(value)) expect(error.message).toMatch(/whole number|integer/i);
    else expect(error.message).toMatch(/\b0\b/);
  });

  it.each([0, 1, 150, 10000])("accepts exposure days %d", (value) => {
    accepted(withValue("exposureDays", value));
  });

  it.each([-0.01, -1])("rejects %d Bethesda units", (value) => {
    const error = rejectedAt(withValue("inhibitor.assays.0.bethesdaUnits", value), "inhibitor.assays.0.bethesdaUnits");
    expect(error.message).toMatch(/bethesda/i);
    expect(error.message).toMatch(/\b0\b/);
  });

  it.each([0, 0.59, 0.6, 12])("accepts %d Bethesda units", (value) => {
    accepted(withValue("inhibitor.assays.0.bethesdaUnits", value));
  });

  it.each([0, -1, -300])("rejects an AAV5 titer of %d", (value) => {
    const error = rejectedAt(withValue("aav5.titer", value), "aav5.titer");
    expect(error.message).toMatch(/titer/i);
    expect(error.message).toMatch(/\b0\b/);
  });

  it.each([1, 678, 679, 100000])("accepts an AAV5 titer of %d", (value) => {
    accepted(withValue("aav5.titer", value));
  });
});

describe("several errors in one document", () => {
  it("reports every offending field, each path once", () => {
    let doc = base();
    doc = withValue("requestType", "new", doc);
    doc = withValue("member.dateOfBirth", "2026-02-30", doc);
    doc = withValue("prescriber.npi", "123", doc);
    doc = withValue("exposureDays", -5.5, doc);
    doc = withValue("aav5.result", "positive", doc);
    doc = withValue("bleeds.0.date", "2027-01-01", doc);
    doc = withValue("liver.ultrasound", null, doc);
    doc = withValue("member.weight.value", 0, doc);
    doc = withValue("inhibitor.assays.0.bethesdaUnits", -1, doc);
    const paths = errorsOf(doc).map((e) => e.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect([...paths].sort()).toEqual(
      [
        "requestType",
        "member.dateOfBirth",
        "prescriber.npi",
        "exposureDays",
        "aav5.result",
        "bleeds.0.date",
        "liver.ultrasound",
        "member.weight.value",
        "inhibitor.assays.0.bethesdaUnits",
      ].sort(),
    );
  });

  it("reports a missing required field together with errors deeper in the document", () => {
    const doc = withValue("lineOfBusiness", DELETE, withValue("diagnosis.factorIxActivityPercent", 250));
    expect(
      errorsOf(doc)
        .map((e) => e.path)
        .sort(),
    ).toEqual(["diagnosis.factorIxActivityPercent", "lineOfBusiness"]);
  });
});

describe("unknown keys", () => {
  it("tolerates extra keys at every level and strips them from the parsed document", () => {
    let doc = base();
    doc = withValue("notes", "call the member back", doc);
    doc = withValue("member.nickname", "Ada", doc);
    doc = withValue("bleeds.0.severity", "severe", doc);
    doc = withValue("inhibitor.assays.0.lab", "Quest", doc);
    doc = withValue("liver.enzymes.ggt", { value: 20, upperLimit: 60 }, doc);
    doc = withValue("dose.route", "intravenous", doc);
    doc = withValue("aav5.assay", "cell-based", doc);
    expect(accepted(doc)).toEqual(base());
  });
});

describe("absent versus null", () => {
  const OPTIONAL_PATHS = [
    "member",
    "member.dateOfBirth",
    "member.weight",
    "member.weight.unit",
    "prescriber.npi",
    "prescriber.hematologistConsulted",
    "diagnosis.factorIxActivityPercent",
    "diagnosis.recentLabelChange",
    "prophylaxis.startDate",
    "bleeds",
    "bleeds.0.spontaneous",
    "exposureDays",
    "inhibitor.assays",
    "inhibitor.assays.0.bethesdaUnits",
    "liver.enzymes.alt",
    "liver.elastography.date",
    "liver.hepatologistAttestation",
    "priorGeneTherapy",
    "aav5.titer",
    "dose.requestedGcPerKg",
  ];

  it.each(OPTIONAL_PATHS)("accepts %s when absent", (path) => {
    const doc = withValue(path, DELETE);
    expect(accepted(doc)).toEqual(doc);
  });

  it.each(OPTIONAL_PATHS)("rejects %s when null", (path) => {
    rejectedAt(withValue(path, null), path);
  });

  it("keeps answers such as false, 0 and [] (they are not 'absent')", () => {
    let doc = base();
    doc = withValue("exposureDays", 0, doc);
    doc = withValue("bleeds", [], doc);
    doc = withValue("inhibitor.assays", [], doc);
    doc = withValue("priorGeneTherapy", false, doc);
    const parsed = accepted(doc);
    expect(parsed.exposureDays).toBe(0);
    expect(parsed.bleeds).toEqual([]);
    expect(parsed.inhibitor?.assays).toEqual([]);
    expect(parsed.priorGeneTherapy).toBe(false);
  });
});

describe("messages never quote what was sent (it may be patient data)", () => {
  const SECRET = "Jane Patient 1980-02-30";
  it.each([
    ["member.dateOfBirth", SECRET],
    ["member.dateOfBirth", "1980-02-30"],
    ["member.memberId", 424242424242],
    ["member.weight.value", SECRET],
    ["member.weight.value", 98765],
    ["member.weight.unit", SECRET],
    ["prescriber.npi", "1234567890"],
    ["prescriber.npi", SECRET],
    ["lineOfBusiness", SECRET],
    ["bleeds.0.date", SECRET],
    ["liver.enzymes.alt", -31337],
    ["requestDate", "2026-11-31"],
  ] as const)("%s = %j is refused by field name and what is accepted", (path, value) => {
    const error = rejectedAt(withValue(path, value), path);
    expect(error.message).not.toContain(String(value));
    expect(error.message).not.toContain("Jane");
  });

  it("names the kind of a whole document that is not an object, not its content", () => {
    expect(errorsOf(SECRET)).toEqual([{ path: "", message: "The request document must be a JSON object; got text" }]);
    expect(errorsOf([SECRET])[0]?.message).toBe("The request document must be a JSON object; got a list");
  });
});
