import { describe, expect, it } from "vitest";
import { SPECIALTY_LABELS } from "@/criteria";
import { eligible } from "@/web/test-support/eligible";
import { answerRows, checkedSteps, type AnswerRow } from "./answer-rows";
import { emptyDraft, fromDocument, type Draft } from "./draft";
import { STEP_IDS, type StepId } from "./steps";

const draftWith = (change: (draft: Draft) => void = () => undefined): Draft => {
  const draft = fromDocument(eligible());
  change(draft);
  return draft;
};

/** label → value of one page's rows (a problem shown as "!problem"). */
const shown = (rows: readonly AnswerRow[]): Record<string, string> =>
  Object.fromEntries(rows.map((row) => [row.label, row.problem === undefined ? row.value : `!${row.problem}`]));

const page = (step: StepId, change?: (draft: Draft) => void) => shown(answerRows(draftWith(change))[step]);

describe("answerRows: each page's answers as words", () => {
  it("request", () => {
    expect(page("request")).toEqual({
      "Request type": "Initial request",
      "Request date": "27 Nov 2026",
      "Line of business": "Commercial",
    });
  });

  it("member: the name in one row, the weight with its unit", () => {
    expect(page("member")).toEqual({
      Name: "Ada Example",
      "Member ID": "U1234567",
      "Date of birth": "12 Apr 1985",
      Weight: "80 kg",
    });
    expect(page("member", (d) => (d.member.weight = { value: " 176 ", unit: "lb" })).Weight).toBe("176 lb");
    expect(page("member", (d) => (d.member.weight.value = "")).Weight).toBe("");
  });

  it("prescriber: 'Hematologist consulted' only for another specialty", () => {
    expect(page("prescriber")).toEqual({ Name: "Dr. Example", NPI: "1234567893", Specialty: "Hematology" });
    expect(
      page("prescriber", (d) => {
        d.prescriber.specialty = "other";
        d.prescriber.hematologistConsulted = "yes";
      }),
    ).toEqual({
      Name: "Dr. Example",
      NPI: "1234567893",
      Specialty: SPECIALTY_LABELS.other,
      "Hematologist consulted": "Yes",
    });
  });

  it("diagnosis: activity in %, ICD-10 D67 by default; another diagnosis asks about its label", () => {
    expect(page("diagnosis")).toEqual({
      Diagnosis: "Congenital hemophilia B (factor IX deficiency)",
      "Baseline factor IX activity": "1%",
      "ICD-10 code": "D67",
    });
    expect(page("diagnosis", (d) => (d.diagnosis.condition = ""))).toEqual({ Diagnosis: "" });
    const other = (recentLabelChange: "yes" | "no") => (d: Draft) => {
      d.diagnosis = {
        condition: "other",
        icd10: "D68.1",
        factorIxActivityPercent: "",
        otherDescription: "Factor XI deficiency",
        recentLabelChange,
        onFormulary: "no",
      };
    };
    expect(page("diagnosis", other("no"))).toEqual({
      Diagnosis: "Another diagnosis or use",
      "Baseline factor IX activity": "",
      "ICD-10 code": "D68.1",
      Description: "Factor XI deficiency",
      "Recent label change": "No",
    });
    expect(page("diagnosis", other("yes"))).toMatchObject({ "Recent label change": "Yes", "On formulary": "No" });
  });

  it("prophylaxis: the bleeds in one row, each as date, site and cause", () => {
    expect(page("prophylaxis")).toEqual({
      Product: "Alprolix",
      "Prophylaxis since": "1 Jun 2023",
      "Adherence documented": "Yes",
      "Bleeding episodes": "14 Sep 2025, joint (hemarthrosis), spontaneous",
    });
    const bleeds = (change: (d: Draft) => void) => page("prophylaxis", change)["Bleeding episodes"];
    expect(bleeds((d) => (d.bleedsOnRecord = "no"))).toBe("None on record");
    expect(bleeds((d) => (d.bleedsOnRecord = ""))).toBe("");
    expect(bleeds((d) => (d.bleeds = []))).toBe("None entered");
    expect(
      bleeds((d) =>
        d.bleeds.push(
          { date: { day: "31", month: "2", year: "2026" }, site: "", spontaneous: "no" },
          { date: { day: "", month: "", year: "" }, site: "", spontaneous: "" },
        ),
      ),
    ).toBe("14 Sep 2025, joint (hemarthrosis), spontaneous; date needs correcting, traumatic; ");
  });

  it("exposure days and inhibitor: assays with their Bethesda units", () => {
    expect(page("exposure-days")).toEqual({ "Exposure days": "220" });
    expect(page("inhibitor")).toEqual({ "History of inhibitor": "No", Assays: "2 Oct 2026: 0.2 BU" });
    expect(page("inhibitor", (d) => (d.inhibitor.assaysOnRecord = "no")).Assays).toBe("None on record");
    expect(page("inhibitor", (d) => (d.inhibitor.assays = [])).Assays).toBe("None entered");
  });

  it("liver: each lab with its unit and upper limit, studies with their result, the attestation once answered", () => {
    expect(page("liver")).toEqual({
      "Enzymes drawn": "20 Oct 2026",
      ALT: "30 U/L (upper limit of normal 56 U/L)",
      AST: "25 U/L (upper limit of normal 40 U/L)",
      ALP: "80 U/L (upper limit of normal 129 U/L)",
      "Total bilirubin": "0.8 mg/dL (upper limit of normal 1.2 mg/dL)",
      Ultrasound: "21 Oct 2026, Normal",
      Elastography: "21 Oct 2026, Normal",
      "Hepatologist attestation": "No",
    });
    expect(page("liver", (d) => (d.liver.enzymes.alt.upperLimit = " ")).ALT).toBe(
      "30 U/L (upper limit of normal not entered)",
    );
    expect(page("liver", (d) => (d.liver.hepatologistAttestation = ""))).not.toHaveProperty("Hepatologist attestation");
  });

  it("gene therapy and dose: the titer as 1:n, the dose in 10^13 gc/kg", () => {
    expect(page("gene-therapy")).toEqual({ "Prior gene therapy": "No", "AAV5 antibodies": "Detected, titer 1:300" });
    const aav5 = (result: Draft["aav5"]) => page("gene-therapy", (d) => (d.aav5 = result))["AAV5 antibodies"];
    expect(aav5({ result: "detected", titer: " 1200 " })).toBe("Detected, titer 1:1200");
    expect(aav5({ result: "detected", titer: " " })).toBe("Detected");
    expect(aav5({ result: "not_detected", titer: "" })).toBe("Not detected");
    expect(page("dose")).toEqual({ "Requested dose": "2 × 10^13 gc/kg" });
  });

  it("says what to correct in an impossible date instead of showing it", () => {
    expect(page("member", (d) => (d.member.dateOfBirth = { day: "30", month: "2", year: "1990" }))).toMatchObject({
      "Date of birth": "!Date of birth must be a real date",
    });
  });

  it("leaves every answer of an empty draft blank (shown as 'Not answered'), the defaults aside", () => {
    const rows = answerRows(emptyDraft(""));
    const filled = STEP_IDS.flatMap((step) => rows[step].filter((row) => row.value !== "").map((row) => row.label));
    expect(filled).toEqual(["Request type", "Requested dose"]);
  });
});

describe("answerRows: what each Change link opens", () => {
  it("names the input of each row, on the page it belongs to", () => {
    const rows = answerRows(draftWith((d) => (d.prescriber.specialty = "other")));
    const fields = Object.fromEntries(STEP_IDS.map((step) => [step, rows[step].map((row) => row.field)]));
    expect(fields).toEqual({
      request: ["requestType", "requestDate", "lineOfBusiness"],
      member: ["member.firstName", "member.memberId", "member.dateOfBirth", "member.weight.value"],
      prescriber: ["prescriber.name", "prescriber.npi", "prescriber.specialty", "prescriber.hematologistConsulted"],
      diagnosis: ["diagnosis.condition", "diagnosis.factorIxActivityPercent", "diagnosis.icd10"],
      prophylaxis: [
        "prophylaxis.product",
        "prophylaxis.startDate",
        "prophylaxis.adherenceDocumented",
        "bleedsOnRecord",
      ],
      "exposure-days": ["exposureDays"],
      inhibitor: ["inhibitor.historyOfInhibitor", "inhibitor.assaysOnRecord"],
      liver: [
        "liver.enzymes.date",
        "liver.enzymes.alt.value",
        "liver.enzymes.ast.value",
        "liver.enzymes.alp.value",
        "liver.enzymes.totalBilirubin.value",
        "liver.ultrasound.date",
        "liver.elastography.date",
        "liver.hepatologistAttestation",
      ],
      "gene-therapy": ["priorGeneTherapy", "aav5.result"],
      dose: ["dose.requestedGcPerKg"],
    });
  });

  it("gives one Change link to the lab panel (on its date), named for the panel", () => {
    const liver = answerRows(draftWith()).liver;
    expect(liver.map((row) => row.change)).toEqual([
      "liver enzymes",
      null,
      null,
      null,
      null,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("checkedSteps", () => {
  it("lists every page, or up to the diagnosis when it is outside this policy", () => {
    expect(checkedSteps(draftWith())).toEqual(STEP_IDS);
    expect(checkedSteps(draftWith((d) => (d.diagnosis.condition = "other")))).toEqual([
      "request",
      "member",
      "prescriber",
      "diagnosis",
    ]);
  });
});
