/**
 * I.A.8.a–c: baseline liver assessments within the last 3 months. A recent abnormal result does
 * not fail 8.a or 8.b by itself: it takes the status of 8.c (the hepatologist's attestation), as
 * the spec says, so an attested abnormality is met.
 */
import { lastDayWithinMonths, windowStart } from "../dates";
import { worstStatus, type CriterionStatus, type RuleResult } from "../evaluation";
import { LIVER_WORKUP_WINDOW_MONTHS } from "../policy";
import type { LabResult, LiverStudy, RequestDocument } from "../schema";

const ENZYMES = [
  ["alt", "ALT"],
  ["ast", "AST"],
  ["alp", "ALP"],
  ["totalBilirubin", "total bilirubin"],
] as const;

const STUDIES = [
  ["ultrasound", "ultrasound"],
  ["elastography", "elastography"],
] as const;

type Recency = "recent" | "stale" | "undated";

const recency = (date: string | undefined, doc: RequestDocument): Recency =>
  date === undefined
    ? "undated"
    : date >= windowStart(doc.requestDate, LIVER_WORKUP_WINDOW_MONTHS)
      ? "recent"
      : "stale";

const isAbnormalLab = (lab: LabResult | undefined): boolean =>
  lab?.value !== undefined && lab.upperLimit !== undefined && lab.value > lab.upperLimit;

/** Recent liver results above their limit or read as abnormal: what makes 8.c apply. */
function recentAbnormalities(doc: RequestDocument): string[] {
  const liver = doc.liver;
  const found: string[] = [];
  const enzymes = liver?.enzymes;
  if (enzymes !== undefined && recency(enzymes.date, doc) === "recent") {
    for (const [key, name] of ENZYMES) {
      const lab = enzymes[key];
      if (lab !== undefined && isAbnormalLab(lab))
        found.push(`${name} ${lab.value} above its upper limit ${lab.upperLimit}`);
    }
  }
  for (const [key, name] of STUDIES) {
    const study = liver?.[key];
    if (study?.result === "abnormal" && recency(study.date, doc) === "recent") found.push(`abnormal ${name}`);
  }
  return found;
}

export function hepatologistAttestation(doc: RequestDocument): RuleResult {
  const abnormal = recentAbnormalities(doc);
  if (abnormal.length === 0) return { status: "not_applicable", reason: "No recent abnormal liver result on record" };
  const found = abnormal.join(", ");
  switch (doc.liver?.hepatologistAttestation) {
    case true:
      return { status: "met", reason: `Hepatologist attests eligibility despite ${found}` };
    case false:
      return {
        status: "not_met",
        reason: `Recent ${found}, and no hepatologist attestation; a hepatologist must attest that the member is eligible`,
      };
    case undefined:
      return {
        status: "missing",
        reason: `Recent ${found}; answer whether a hepatologist attests that the member is eligible`,
      };
  }
}

interface Finding {
  status: CriterionStatus;
  text: string;
  date?: string;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const attestationNote = (status: CriterionStatus): string =>
  status === "met"
    ? "hepatologist attests eligibility"
    : status === "missing"
      ? "needs a hepatologist's attestation"
      : "no hepatologist attestation";

/** The reason of a failing or open criterion: the findings that decide its status. */
const decidingReason = (findings: readonly Finding[], status: CriterionStatus): string =>
  capitalise(
    findings
      .filter((f) => f.status === status)
      .map((f) => f.text)
      .join("; "),
  );

const staleText = (what: string, date: string, doc: RequestDocument): string =>
  `${what} dated ${date} is more than ${LIVER_WORKUP_WINDOW_MONTHS} months before ${doc.requestDate}; a result dated ${windowStart(doc.requestDate, LIVER_WORKUP_WINDOW_MONTHS)} or later is needed`;

export function liverEnzymes(doc: RequestDocument, attestation: RuleResult): RuleResult {
  const enzymes = doc.liver?.enzymes;
  const date = enzymes?.date;
  if (enzymes === undefined || Object.keys(enzymes).length === 0) {
    return {
      status: "missing",
      reason:
        "Liver enzymes not entered; ALT, AST, ALP and total bilirubin with their upper limits and the draw date are needed",
    };
  }
  if (date === undefined) return { status: "missing", reason: "Enter the date the liver enzymes were drawn" };
  if (recency(date, doc) === "stale") return { status: "not_met", reason: staleText("Liver enzyme panel", date, doc) };
  const findings = ENZYMES.map(([key, name]): Finding => {
    const lab = enzymes[key];
    if (lab?.value === undefined || lab.upperLimit === undefined)
      return { status: "missing", text: `enter ${name} and its upper limit of normal` };
    if (isAbnormalLab(lab)) {
      return {
        status: attestation.status,
        text: `${name} ${lab.value} is above its upper limit ${lab.upperLimit} (${attestationNote(attestation.status)}, I.A.8.c)`,
      };
    }
    return { status: "met", text: "" };
  });
  const status = worstStatus(findings.map((f) => f.status));
  if (status !== "met") return { status, reason: decidingReason(findings, status) };
  const notes = findings.map((f) => f.text).filter((text) => text !== "");
  return {
    status,
    reason:
      notes.length === 0
        ? `Liver enzymes on ${date} within normal limits`
        : `Liver enzymes on ${date}: ${notes.join("; ")}`,
    validThrough: lastDayWithinMonths(date, LIVER_WORKUP_WINDOW_MONTHS),
  };
}

function studyFinding(
  study: LiverStudy | undefined,
  name: string,
  doc: RequestDocument,
  attestation: RuleResult,
): Finding {
  if (study?.date === undefined || study.result === undefined) {
    return { status: "missing", text: `enter the date and result of the liver ${name}` };
  }
  if (recency(study.date, doc) === "stale")
    return { status: "not_met", text: staleText(`Liver ${name}`, study.date, doc) };
  if (study.result === "abnormal") {
    return {
      status: attestation.status,
      date: study.date,
      text: `abnormal ${name} on ${study.date} (${attestationNote(attestation.status)}, I.A.8.c)`,
    };
  }
  return { status: "met", date: study.date, text: `normal ${name} on ${study.date}` };
}

export function liverImaging(doc: RequestDocument, attestation: RuleResult): RuleResult {
  const findings = STUDIES.map(([key, name]) => studyFinding(doc.liver?.[key], name, doc, attestation));
  const status = worstStatus(findings.map((f) => f.status));
  if (status !== "met") return { status, reason: decidingReason(findings, status) };
  const dates = findings
    .map((f) => f.date)
    .filter((d): d is string => d !== undefined)
    .sort();
  const earliest = dates[0];
  return {
    status,
    reason: capitalise(findings.map((f) => f.text).join("; ")),
    ...(earliest !== undefined && { validThrough: lastDayWithinMonths(earliest, LIVER_WORKUP_WINDOW_MONTHS) }),
  };
}
