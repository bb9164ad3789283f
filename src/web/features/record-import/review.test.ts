import { describe, expect, it } from "vitest";
import type { ProposedAnswer } from "@/fhir";
import { chosenAnswers, reviewAnswers, typedInWords, unresolved } from "./review";

const answer = (path: string, value: unknown, display = String(value)): ProposedAnswer => ({
  path,
  value,
  label: path,
  display,
  source: { reference: `Observation/${path}`, date: "2026-10-20", display },
  others: [],
});

const typed = {
  member: { dateOfBirth: "1990-01-10", weight: { value: 80, unit: "kg" } },
  liver: { enzymes: { alt: { value: 65 } } },
  inhibitor: { assays: [] },
};

describe("reviewing what the record would fill", () => {
  const items = reviewAnswers(
    [
      answer("member.dateOfBirth", "1990-01-10"),
      answer("member.weight", { unit: "kg", value: 80 }),
      answer("liver.enzymes.alt.value", 70),
      answer("diagnosis.factorIxActivityPercent", 1),
      answer("inhibitor.assays", [{ date: "2026-10-01", bethesdaUnits: 0.3 }]),
    ],
    typed,
  );

  it("fills blanks, recognises the same answer however written, and finds each conflict with what was typed", () => {
    expect(items.map((i) => [i.answer.path, i.kind])).toEqual([
      ["member.dateOfBirth", "same"],
      ["member.weight", "same"],
      ["liver.enzymes.alt.value", "conflict"],
      ["diagnosis.factorIxActivityPercent", "fill"],
      ["inhibitor.assays", "conflict"],
    ]);
    expect(items[2]).toMatchObject({ typed: 65 });
  });

  it("fills a conflict only when the record is chosen for it, and asks for every unresolved one", () => {
    expect(unresolved(items, {}).map((i) => i.answer.path)).toEqual(["liver.enzymes.alt.value", "inhibitor.assays"]);
    expect(chosenAnswers(items, {}).map((a) => a.path)).not.toContain("liver.enzymes.alt.value");
    const choices = { "liver.enzymes.alt.value": "typed", "inhibitor.assays": "record" } as const;
    expect(unresolved(items, choices)).toEqual([]);
    expect(chosenAnswers(items, choices).map((a) => a.path)).toEqual([
      "member.dateOfBirth",
      "member.weight",
      "diagnosis.factorIxActivityPercent",
      "inhibitor.assays",
    ]);
  });

  it("writes typed answers in words", () => {
    expect(typedInWords({ value: 80, unit: "kg" })).toBe("80 kg");
    expect(typedInWords("1990-01-10")).toBe("10 Jan 1990");
    expect(typedInWords(true)).toBe("Yes");
    expect(typedInWords([])).toBe("None");
    expect(typedInWords([{ date: "2026-10-01", bethesdaUnits: 0.3 }])).toBe("0.3 BU on 1 Oct 2026");
    expect(typedInWords("congenital_hemophilia_b")).toBe("congenital hemophilia b");
  });
});
