import { describe, expect, it } from "vitest";
import { acceptedUnits, convert, unitOf } from "./units";

const ucum = (value: number, code: string) => ({ value, unit: code, system: "http://unitsofmeasure.org", code });

describe("unit conversion into the document's units", () => {
  it.each([
    ["kg", 80, 80],
    ["g", 80500, 80.5],
    ["[lb_av]", 176, 79.8], // the spec's own example: 176 lb → 79.8 kg
  ])("weight in %s: %d → %d kg", (code, value, kg) => {
    expect(convert(ucum(value, code), "weightKg")).toEqual({ ok: true, value: kg, unit: "kg" });
  });

  it("weight written 'lb' without a UCUM code is pounds", () => {
    expect(convert({ value: 220, unit: "lb" }, "weightKg")).toEqual({ ok: true, value: 99.8, unit: "kg" });
  });

  it.each([
    ["%", 1, 1],
    ["[IU]/dL", 1.5, 1.5],
    ["[IU]/mL", 0.01, 1], // 1 IU/mL is 100 % of normal
  ])("factor IX activity in %s: %d → %d %%", (code, value, percent) => {
    expect(convert(ucum(value, code), "factorIxPercent")).toEqual({ ok: true, value: percent, unit: "%" });
  });

  it.each(["U/L", "[IU]/L"])("enzymes in %s stay in U/L", (code) => {
    expect(convert(ucum(70, code), "enzymeUnitsPerLitre")).toEqual({ ok: true, value: 70, unit: "U/L" });
  });

  it("bilirubin in µmol/L is converted at 17.1 µmol/L per mg/dL", () => {
    expect(convert(ucum(13.7, "umol/L"), "bilirubinMgPerDl")).toEqual({ ok: true, value: 0.8, unit: "mg/dL" });
    expect(convert(ucum(20.52, "umol/L"), "bilirubinMgPerDl")).toEqual({ ok: true, value: 1.2, unit: "mg/dL" });
    expect(convert(ucum(0.8, "mg/dL"), "bilirubinMgPerDl")).toEqual({ ok: true, value: 0.8, unit: "mg/dL" });
  });

  it("Bethesda units by UCUM code or as labs print them", () => {
    expect(convert(ucum(0.4, "[beth'U]"), "bethesdaUnits")).toEqual({ ok: true, value: 0.4, unit: "BU" });
    expect(convert({ value: 0.4, unit: "BU" }, "bethesdaUnits")).toEqual({ ok: true, value: 0.4, unit: "BU" });
  });

  it.each([
    ["weightKg", "[stone_av]"],
    ["enzymeUnitsPerLitre", "ukat/L"],
    ["bilirubinMgPerDl", "mg/L"],
    ["factorIxPercent", "ng/mL"],
    ["bethesdaUnits", "%"],
  ] as const)("%s in %s is refused, not guessed", (measure, code) => {
    expect(convert(ucum(1, code), measure)).toEqual({ ok: false, unit: code });
  });

  it("a quantity without a unit or a number is refused", () => {
    expect(convert({ value: 70 }, "enzymeUnitsPerLitre")).toEqual({ ok: false, unit: undefined });
    expect(convert({ unit: "U/L", code: "U/L" }, "enzymeUnitsPerLitre")).toEqual({ ok: false, unit: "U/L" });
  });

  it("a unit with no UCUM code uses the value's unit when given (a reference range's high)", () => {
    expect(convert({ value: 56 }, "enzymeUnitsPerLitre", "U/L")).toEqual({ ok: true, value: 56, unit: "U/L" });
  });

  it("reads the UCUM code before the printed unit, and the printed unit for other systems", () => {
    expect(unitOf({ unit: "lbs", system: "http://unitsofmeasure.org", code: "[lb_av]" })).toBe("[lb_av]");
    expect(unitOf({ unit: "U/L", system: "https://lab.example.org/units", code: "UPL" })).toBe("U/L");
  });

  it("names the accepted units for messages", () => {
    expect(acceptedUnits("bilirubinMgPerDl")).toBe("mg/dL, umol/L or µmol/L");
  });
});
