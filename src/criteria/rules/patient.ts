/** I.A.1–I.A.4: diagnosis, prescriber, age and severity. */
import { ageInFullYears, birthday } from "../dates";
import type { RuleResult } from "../evaluation";
import { ICD10_HEMOPHILIA_B, MAX_FACTOR_IX_PERCENT, MIN_AGE_YEARS } from "../policy";
import type { RequestDocument } from "../schema";

export function diagnosis(doc: RequestDocument): RuleResult {
  const condition = doc.diagnosis?.condition;
  if (condition === undefined) {
    return {
      status: "missing",
      reason: `Diagnosis not answered; congenital hemophilia B (ICD-10 ${ICD10_HEMOPHILIA_B}) is required`,
    };
  }
  if (condition === "other") {
    return {
      status: "not_met",
      reason:
        "Diagnosis is not congenital hemophilia B; this policy's criteria cover only congenital hemophilia B, so the request is referred (section I.B)",
    };
  }
  const icd10 = doc.diagnosis?.icd10;
  // "d67", " D67 " and "D67." name the same code.
  if (icd10 !== undefined && icd10.trim().toUpperCase().replace(/\.$/, "") !== ICD10_HEMOPHILIA_B) {
    return {
      status: "met",
      reason: `Congenital hemophilia B; the ICD-10 code given is ${icd10}, but congenital factor IX deficiency is ${ICD10_HEMOPHILIA_B}: correct the code before submitting`,
    };
  }
  return { status: "met", reason: `Congenital hemophilia B (${ICD10_HEMOPHILIA_B})` };
}

export function hematologist(doc: RequestDocument): RuleResult {
  const prescriber = doc.prescriber;
  switch (prescriber?.specialty) {
    case undefined:
      return {
        status: "missing",
        reason: "Prescriber's specialty not answered; a hematologist must prescribe or be consulted",
      };
    case "hematology":
      return { status: "met", reason: "Prescribed by a hematologist" };
    case "other":
      if (prescriber.hematologistConsulted === true) {
        return { status: "met", reason: "Prescribed in consultation with a hematologist" };
      }
      if (prescriber.hematologistConsulted === false) {
        return {
          status: "not_met",
          reason:
            "Prescriber is not a hematologist and no hematologist was consulted; a hematologist must prescribe or be consulted",
        };
      }
      return {
        status: "missing",
        reason: "Prescriber is not a hematologist; answer whether a hematologist was consulted",
      };
  }
}

export function adult(doc: RequestDocument): RuleResult {
  const dateOfBirth = doc.member?.dateOfBirth;
  if (dateOfBirth === undefined) {
    return { status: "missing", reason: `Date of birth not entered; the member must be ${MIN_AGE_YEARS} or older` };
  }
  const age = ageInFullYears(dateOfBirth, doc.requestDate);
  if (age >= MIN_AGE_YEARS)
    return { status: "met", reason: `Age ${age} on ${doc.requestDate} (${MIN_AGE_YEARS} or older)` };
  return {
    status: "not_met",
    reason: `Age ${age} on ${doc.requestDate}; the member must be ${MIN_AGE_YEARS} or older (turns ${MIN_AGE_YEARS} on ${birthday(dateOfBirth, MIN_AGE_YEARS)})`,
  };
}

export function severity(doc: RequestDocument): RuleResult {
  const percent = doc.diagnosis?.factorIxActivityPercent;
  if (percent === undefined) {
    return {
      status: "missing",
      reason: `Baseline factor IX activity not entered; ${MAX_FACTOR_IX_PERCENT}% or less is required`,
    };
  }
  if (percent <= MAX_FACTOR_IX_PERCENT) {
    return {
      status: "met",
      reason: `Baseline factor IX activity ${percent}% (${MAX_FACTOR_IX_PERCENT}% or less: severe or moderately severe)`,
    };
  }
  return {
    status: "not_met",
    reason: `Baseline factor IX activity ${percent}% is above ${MAX_FACTOR_IX_PERCENT}%; the policy requires severe or moderately severe hemophilia B (${MAX_FACTOR_IX_PERCENT}% or less)`,
  };
}
