import { describe, expect, it } from "vitest";
import { document, eligible } from "@fixtures";
import { evaluatePartial } from "@/criteria";
import { emptyDraft, fromDocument, toDocument, type Draft } from "./draft";
import { STEP_STATUS_LABELS, stepStatuses, type StepStatus } from "./step-status";
import { STEP_IDS, type StepId } from "./steps";
import { datePartsFromIso } from "@/web/lib/date-parts";

const statusesOf = (draft: Draft): Record<StepId, StepStatus> =>
  stepStatuses(draft, evaluatePartial(toDocument(draft)));

const eligibleDraft = (change: (draft: Draft) => void = () => undefined): Draft => {
  const draft = fromDocument(eligible());
  change(draft);
  return draft;
};

const blankDraft = (change: (draft: Draft) => void = () => undefined): Draft => {
  const draft = emptyDraft("2026-11-27");
  change(draft);
  return draft;
};

const every = (status: StepStatus): Record<StepId, StepStatus> =>
  Object.fromEntries(STEP_IDS.map((id) => [id, status])) as Record<StepId, StepStatus>;

describe("stepStatuses", () => {
  it("has words for every status", () => {
    expect(STEP_STATUS_LABELS).toEqual({
      not_started: "Not started",
      in_progress: "In progress",
      complete: "Complete",
      has_problem: "Has a problem",
      not_needed: "Not needed",
    });
  });

  it("gives every page of a new request 'not started' (the prefilled date and dose do not count)", () => {
    expect(statusesOf(blankDraft())).toEqual(every("not_started"));
    expect(statusesOf(emptyDraft(""))).toEqual(every("not_started"));
  });

  it("gives every page of the eligible example but the dose 'complete'", () => {
    expect({ ...statusesOf(eligibleDraft()), dose: "complete" }).toEqual(every("complete"));
  });

  it("gives the dose page 'complete' once the request is complete and the dose is met (the eligible example)", () => {
    // The dose is prefilled with the maximum (2 × 10^13 gc/kg); a complete request that asks for it
    // has nothing left to answer on that page.
    expect(statusesOf(eligibleDraft()).dose).toBe("complete");
  });

  describe("not started", () => {
    it("a page nobody touched stays not started while others are answered", () => {
      const statuses = statusesOf(
        blankDraft((d) => {
          d.lineOfBusiness = "commercial";
          d.member.firstName = "Ada";
        }),
      );
      expect(statuses.member).toBe("in_progress");
      for (const step of STEP_IDS.filter((id) => id !== "member" && id !== "request"))
        expect(statuses[step], step).toBe("not_started");
    });
  });

  describe("in progress", () => {
    it("a page with some answers", () => {
      expect(statusesOf(blankDraft((d) => (d.member.firstName = "Ada"))).member).toBe("in_progress");
      expect(statusesOf(eligibleDraft((d) => (d.liver.enzymes.alt.value = ""))).liver).toBe("in_progress");
      expect(statusesOf(blankDraft((d) => (d.lineOfBusiness = "medicaid"))).request).toBe("complete");
    });

    it("a page whose criterion still needs an answer", () => {
      const statuses = statusesOf(
        eligibleDraft((d) => {
          d.prescriber.specialty = "other";
          d.prescriber.hematologistConsulted = "";
        }),
      );
      expect(statuses.prescriber).toBe("in_progress");
      expect(statuses.member).toBe("complete");
    });

    it("a page missing who the member is, though its criteria are answered", () => {
      expect(statusesOf(eligibleDraft((d) => (d.member.memberId = ""))).member).toBe("in_progress");
      expect(statusesOf(eligibleDraft((d) => (d.prescriber.npi = ""))).prescriber).toBe("in_progress");
    });

    it("an abnormal recent liver result with the attestation unanswered", () => {
      const statuses = statusesOf(
        eligibleDraft((d) => {
          d.liver.ultrasound.result = "abnormal";
          d.liver.hepatologistAttestation = "";
        }),
      );
      expect(statuses.liver).toBe("in_progress");
    });
  });

  describe("complete", () => {
    it("a page whose criteria are answered, even when they are not met", () => {
      const statuses = statusesOf(
        eligibleDraft((d) => {
          d.exposureDays = "149";
          d.priorGeneTherapy = "yes";
        }),
      );
      expect(statuses["exposure-days"]).toBe("complete");
      expect(statuses["gene-therapy"]).toBe("complete");
    });

    it("a page answered 'none on record'", () => {
      const statuses = statusesOf(fromDocument(document("no-bleeds-on-record")));
      expect(statuses.prophylaxis).toBe("complete");
    });
  });

  describe("has a problem", () => {
    it("the page of every invalid answer, and only those", () => {
      const statuses = statusesOf(
        eligibleDraft((d) => {
          d.member.dateOfBirth = datePartsFromIso("2026-02-30");
          d.bleeds = [{ date: datePartsFromIso("2025-13-01"), site: "joint", spontaneous: "yes" }];
          d.exposureDays = "lots";
          d.inhibitor.assays = [
            { date: datePartsFromIso("2026-10-02"), bethesdaUnits: "0.2" },
            { date: datePartsFromIso("2026-10-03"), bethesdaUnits: "-1" },
          ];
        }),
      );
      expect({ ...statuses, dose: "complete" }).toEqual({
        ...every("complete"),
        member: "has_problem",
        prophylaxis: "has_problem",
        "exposure-days": "has_problem",
        inhibitor: "has_problem",
      });
    });

    it("a page with a problem in a request that is referred elsewhere", () => {
      const statuses = statusesOf(
        eligibleDraft((d) => {
          d.diagnosis.condition = "other";
          d.exposureDays = "lots";
        }),
      );
      expect(statuses["exposure-days"]).toBe("has_problem");
      expect(statuses.inhibitor).toBe("not_needed");
    });

    it("a date after the request date", () => {
      expect(statusesOf(eligibleDraft((d) => (d.liver.enzymes.date = datePartsFromIso("2026-11-28")))).liver).toBe(
        "has_problem",
      );
    });

    it("an invalid request date gives the request page the problem", () => {
      const statuses = statusesOf(eligibleDraft((d) => (d.requestDate = { day: "31", month: "11", year: "2026" })));
      expect(statuses.request).toBe("has_problem");
    });
  });

  describe("not needed", () => {
    it("every page after the diagnosis when the request is referred to another policy", () => {
      const statuses = statusesOf(fromDocument(document("refer-off-label-marketplace")));
      const afterDiagnosis = STEP_IDS.slice(STEP_IDS.indexOf("diagnosis") + 1);
      expect(afterDiagnosis.length).toBe(6);
      for (const step of afterDiagnosis) expect(statuses[step], step).toBe("not_needed");
      for (const step of ["request", "member", "prescriber"] as const) expect(statuses[step], step).toBe("complete");
    });

    it("the pages after the diagnosis of an otherwise blank request as soon as the diagnosis is 'other'", () => {
      const statuses = statusesOf(
        blankDraft((d) => {
          d.lineOfBusiness = "commercial";
          d.diagnosis.condition = "other";
        }),
      );
      expect(statuses.prophylaxis).toBe("not_needed");
      expect(statuses.dose).toBe("not_needed");
      expect(statuses.member).toBe("not_started");
    });

    it("the diagnosis page of a referral is complete once its questions are answered", () => {
      // The factor IX question is not asked for another diagnosis, so it cannot hold the page open;
      // the label-change question is asked, so it must be answered.
      for (const name of [
        "refer-off-label-marketplace",
        "refer-label-change-formulary-medicaid",
        "refer-label-change-non-formulary-commercial",
      ]) {
        const draft = fromDocument(document(name));
        if (draft.diagnosis.recentLabelChange === "") {
          expect(statusesOf(draft).diagnosis, `${name} before the label-change answer`).toBe("in_progress");
          draft.diagnosis.recentLabelChange = "no";
        }
        expect(statusesOf(draft).diagnosis, name).toBe("complete");
      }
    });
  });
});
