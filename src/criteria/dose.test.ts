/**
 * Dose arithmetic (spec "Dose arithmetic") and I.A.11 through the public API. Weight converts to
 * kg and rounds to 0.1 kg; volume = weight × requested (or 2e13) ÷ 1e13 gc/mL, to 0.1 mL; vials =
 * volume ÷ 10 rounded up; kits hold 10 to 48 vials.
 */
import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import {
  calculateDose,
  evaluate,
  kitVials,
  validateRequestDocument,
  type CriterionResult,
  type DoseBlock,
  type RequestDocument,
} from "@/criteria";

/** Validates `doc`, failing the test on invalid input. */
function valid(doc: RequestDocument): RequestDocument {
  const validated = validateRequestDocument(doc);
  if (!validated.ok) throw new Error(`invalid test document: ${JSON.stringify(validated.errors)}`);
  return validated.document;
}

type Weight = { value: number; unit: "kg" | "lb" };

/** The eligible document with this weight and requested dose (`"none"` = no dose requested). */
function withDose(weight: Weight, requestedGcPerKg: number | "none" = 2e13): RequestDocument {
  return valid(
    eligible((d) => {
      if (d.member) d.member.weight = weight;
      if (requestedGcPerKg === "none") delete d.dose;
      else d.dose = { requestedGcPerKg };
    }),
  );
}

function dose(weight: Weight, requestedGcPerKg: number | "none" = 2e13): DoseBlock {
  const block = calculateDose(withDose(weight, requestedGcPerKg));
  if (block === undefined) throw new Error("expected a dose block");
  return block;
}

const kg = (value: number) => ({ value, unit: "kg" as const });
const lb = (value: number) => ({ value, unit: "lb" as const });

function doseCriterion(doc: RequestDocument): CriterionResult {
  const found = evaluate(valid(doc)).criteria.find((c) => c.id === "I.A.11");
  if (found === undefined) throw new Error("I.A.11 missing from the evaluation");
  return found;
}

describe("the spec's worked examples", () => {
  it("80 kg at 2e13 gc/kg → 160 mL, 16 vials, 1.6e15 gc", () => {
    expect(dose(kg(80))).toEqual({
      weightKg: 80,
      maxGcPerKg: 2e13,
      maxTotalGc: 1.6e15,
      requestedTotalGc: 1.6e15,
      volumeMl: 160,
      vials: 16,
      kitVials: 16,
    });
  });

  it("72.3 kg → 144.6 mL → 15 vials", () => {
    const block = dose(kg(72.3));
    expect(block.weightKg).toBe(72.3);
    expect(block.volumeMl).toBe(144.6);
    expect(block.vials).toBe(15);
    expect(block.maxTotalGc).toBe(1.446e15);
  });

  it("176 lb → 79.8 kg", () => {
    const block = dose(lb(176));
    expect(block.weightKg).toBe(79.8);
    expect(block.maxTotalGc).toBe(1.596e15);
    expect(block.requestedTotalGc).toBe(1.596e15);
    expect(block.volumeMl).toBe(159.6);
    expect(block.vials).toBe(16);
  });

  it("the evaluation carries the same dose block", () => {
    const doc = withDose(kg(80));
    expect(evaluate(doc).dose).toEqual(calculateDose(doc));
  });
});

describe("requested dose", () => {
  it("absent: volume at the maximum dose and no requestedTotalGc", () => {
    const block = dose(kg(80), "none");
    expect(block.volumeMl).toBe(160);
    expect(block.vials).toBe(16);
    expect(block.maxTotalGc).toBe(1.6e15);
    expect(block).not.toHaveProperty("requestedTotalGc");
  });

  it("1e13 gc/kg halves the volume; the maximum total is unchanged", () => {
    const block = dose(kg(80), 1e13);
    expect(block.volumeMl).toBe(80);
    expect(block.vials).toBe(8);
    expect(block.requestedTotalGc).toBe(8e14);
    expect(block.maxTotalGc).toBe(1.6e15);
    expect(block.maxGcPerKg).toBe(2e13);
  });

  it("above the maximum: the volume follows the requested dose", () => {
    const block = dose(kg(80), 3e13);
    expect(block.volumeMl).toBe(240);
    expect(block.vials).toBe(24);
    expect(block.requestedTotalGc).toBe(2.4e15);
    expect(block.maxTotalGc).toBe(1.6e15);
  });

  it("the volume is rounded to 0.1 mL (80 kg × 1.234e13 → 98.7 mL)", () => {
    const block = dose(kg(80), 1.234e13);
    expect(block.volumeMl).toBe(98.7);
    expect(block.vials).toBe(10);
  });
});

describe("vials: volume ÷ 10 rounded up", () => {
  it.each<[number, number, number, number]>([
    [50, 2e13, 100, 10],
    [75, 2e13, 150, 15],
    [100, 2e13, 200, 20],
    [240, 2e13, 480, 48],
    [70, 1e13, 70, 7],
    [62.5, 1.6e13, 100, 10],
    [50.1, 2e13, 100.2, 11],
    [49.9, 2e13, 99.8, 10],
    [5, 2e13, 10, 1],
    [0.5, 2e13, 1, 1],
  ])("%s kg at %s gc/kg → %s mL → %i vials", (weight, requested, volumeMl, vials) => {
    const block = dose(kg(weight), requested);
    expect(block.volumeMl).toBe(volumeMl);
    expect(block.vials).toBe(vials);
  });
});

describe("weight rounded half-up to 0.1 kg", () => {
  it.each([
    [kg(50.05), 50.1],
    [kg(80.05), 80.1],
    [kg(72.25), 72.3],
    [kg(50.04), 50],
    [kg(79.95), 80],
    [lb(176), 79.8],
    [lb(110.3), 50],
    [lb(220.5), 100],
  ])("%o → %s kg", (weight, expected) => {
    expect(dose(weight).weightKg).toBe(expected);
  });

  it("50.05 kg: volume and vials follow the rounded weight (50.1 kg → 100.2 mL → 11 vials)", () => {
    const block = dose(kg(50.05));
    expect(block.volumeMl).toBe(100.2);
    expect(block.vials).toBe(11);
    expect(block.maxTotalGc).toBe(1.002e15);
  });
});

describe("no dose block without a usable weight", () => {
  it.each<[string, (d: RequestDocument) => void]>([
    ["no member", (d) => delete d.member],
    ["no weight", (d) => delete d.member?.weight],
    ["no unit", (d) => delete d.member?.weight?.unit],
    ["no value", (d) => delete d.member?.weight?.value],
  ])("%s", (_case, change) => {
    const doc = valid(eligible(change));
    expect(calculateDose(doc)).toBeUndefined();
    expect(evaluate(doc)).not.toHaveProperty("dose");
  });

  it("a dose block is given even when the request is incomplete", () => {
    const doc = valid({
      schemaVersion: 1,
      requestType: "initial",
      requestDate: "2026-11-27",
      lineOfBusiness: "medicaid",
      member: { weight: { value: 154, unit: "lb" } },
    });
    const evaluation = evaluate(doc);
    expect(evaluation.outcome).toBe("incomplete");
    expect(evaluation.dose?.weightKg).toBe(69.9);
    expect(evaluation.dose?.vials).toBe(14);
  });
});

describe("kitVials", () => {
  it.each<[number, number, number | undefined]>([
    [20, 2e13, 10], // 4 vials: the smallest kit holds 10
    [49.9, 2e13, 10],
    [50, 2e13, 10],
    [50.1, 2e13, 11],
    [80, 1e13, 10], // 8 vials at a reduced dose
    [80, 2e13, 16],
    [240, 2e13, 48], // the largest kit covers 240 kg
    [240.1, 2e13, undefined], // 49 vials: no kit
    [250, 2e13, undefined], // 50 vials: no kit
    [250, 1e13, 25],
  ])("%s kg at %s gc/kg → kit of %s vials", (weight, requested, expected) => {
    const block = dose(kg(weight), requested);
    if (expected === undefined) {
      expect(block.vials).toBeGreaterThan(48);
      expect(block).not.toHaveProperty("kitVials");
    } else {
      expect(block.kitVials).toBe(expected);
      expect(block.kitVials).toBeGreaterThanOrEqual(block.vials);
    }
  });

  it.each<[number, number | undefined]>([
    [1, 10],
    [10, 10],
    [11, 11],
    [48, 48],
    [49, undefined],
  ])("kitVials(%i) → %s", (vials, expected) => {
    expect(kitVials(vials)).toBe(expected);
  });
});

describe("I.A.11 dose at most 2e13 gc/kg", () => {
  const MAX = /2 × 10\^13|2e\+?13|2(,?000){4}/;

  it.each([
    [1e13, "met"],
    [2e13, "met"],
    [2.0000001e13, "not_met"],
    [3e13, "not_met"],
  ])("%s gc/kg → %s", (requested, expected) => {
    const doc = eligible((d) => {
      d.dose = { requestedGcPerKg: requested };
    });
    expect(doseCriterion(doc).status).toBe(expected);
  });

  it("names the maximum when the request exceeds it", () => {
    const result = doseCriterion(
      eligible((d) => {
        d.dose = { requestedGcPerKg: 3e13 };
      }),
    );
    expect(result.reason).toMatch(MAX);
    expect(result.reason).toMatch(/3 × 10\^13|3e\+?13|3(,?000){4}/);
  });

  it.each<[string, (d: RequestDocument) => void]>([
    ["dose block absent", (d) => delete d.dose],
    ["requestedGcPerKg absent", (d) => (d.dose = {})],
  ])("%s → missing", (_case, change) => {
    const result = doseCriterion(eligible(change));
    expect(result.status).toBe("missing");
    expect(result.reason).toMatch(MAX);
  });
});
