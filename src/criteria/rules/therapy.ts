/** I.A.9–I.A.11: no prior gene therapy, AAV5 antibody titer, dose. */
import type { RuleResult } from "../evaluation";
import { formatGenomeCopies, formatTiter } from "../format";
import { MAX_AAV5_TITER, MAX_GC_PER_KG } from "../policy";
import type { RequestDocument } from "../schema";

export function noPriorGeneTherapy(doc: RequestDocument): RuleResult {
  switch (doc.priorGeneTherapy) {
    case undefined:
      return {
        status: "missing",
        reason: "Answer whether the member has received gene therapy before; none is allowed",
      };
    case false:
      return { status: "met", reason: "No prior gene therapy" };
    case true:
      return {
        status: "not_met",
        reason: "The member has received gene therapy before; Hemgenix requires no prior gene therapy",
      };
  }
}

export function aav5Titer(doc: RequestDocument): RuleResult {
  const limit = formatTiter(MAX_AAV5_TITER);
  const aav5 = doc.aav5;
  switch (aav5?.result) {
    case undefined:
      return {
        status: "missing",
        reason: `AAV5 neutralizing antibody result not entered; not detected, or a titer of ${limit} or less, is needed`,
      };
    case "not_detected":
      return { status: "met", reason: "AAV5 neutralizing antibodies not detected" };
    case "detected":
      if (aav5.titer === undefined) {
        return {
          status: "missing",
          reason: `AAV5 neutralizing antibodies detected; enter the titer (${limit} or less is needed)`,
        };
      }
      if (aav5.titer <= MAX_AAV5_TITER) {
        return {
          status: "met",
          reason: `AAV5 neutralizing antibody titer ${formatTiter(aav5.titer)} (${limit} or less)`,
        };
      }
      return {
        status: "not_met",
        reason: `AAV5 neutralizing antibody titer ${formatTiter(aav5.titer)} is above ${limit}; the policy allows ${limit} or less`,
      };
  }
}

export function doseWithinMaximum(doc: RequestDocument): RuleResult {
  const requested = doc.dose?.requestedGcPerKg;
  const max = `${formatGenomeCopies(MAX_GC_PER_KG)} gc/kg`;
  if (requested === undefined) return { status: "missing", reason: `Requested dose not entered; at most ${max}` };
  const asked = `${formatGenomeCopies(requested)} gc/kg`;
  if (requested <= MAX_GC_PER_KG) return { status: "met", reason: `Requested ${asked} (at most ${max})` };
  return { status: "not_met", reason: `Requested ${asked} exceeds the maximum of ${max}; request ${max} or less` };
}
