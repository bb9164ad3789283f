/** I.A.5.a, I.A.5.b and I.A.6: prophylaxis, bleeds on prophylaxis, exposure days. */
import { firstDayMonthsAfter, windowStart } from "../dates";
import { worstStatus, type CriterionStatus, type RuleResult } from "../evaluation";
import {
  BLEED_SITE_LABELS,
  type BleedSite,
  MIN_EXPOSURE_DAYS,
  MIN_PROPHYLAXIS_MONTHS,
  isSeriousBleedSite,
} from "../policy";
import type { Bleed, RequestDocument } from "../schema";

interface Part {
  status: CriterionStatus;
  text: string;
}

export function prophylaxisAdherence(doc: RequestDocument): RuleResult {
  const { product, startDate, adherenceDocumented } = doc.prophylaxis ?? {};
  const parts: Part[] = [];

  if (product === undefined) parts.push({ status: "missing", text: "name the factor IX product used for prophylaxis" });
  if (startDate === undefined) {
    parts.push({ status: "missing", text: "enter the prophylaxis start date" });
  } else if (startDate > windowStart(doc.requestDate, MIN_PROPHYLAXIS_MONTHS)) {
    parts.push({
      status: "not_met",
      text: `prophylaxis started ${startDate}, less than ${MIN_PROPHYLAXIS_MONTHS} months before ${doc.requestDate}; ${MIN_PROPHYLAXIS_MONTHS} months are reached on ${firstDayMonthsAfter(startDate, MIN_PROPHYLAXIS_MONTHS)}`,
    });
  }
  if (adherenceDocumented === undefined)
    parts.push({ status: "missing", text: "answer whether the prescriber documents adherence" });
  if (adherenceDocumented === false)
    parts.push({ status: "not_met", text: "adherence is not documented; the prescriber must assess and document it" });

  const status = worstStatus(parts.map((p) => p.status));
  if (status !== "met") {
    const text = parts
      .filter((p) => p.status === status)
      .map((p) => p.text)
      .join("; ");
    return { status, reason: text.charAt(0).toUpperCase() + text.slice(1) };
  }
  const productName = product === "other" ? "a factor IX product not listed in Appendix B" : product;
  return {
    status,
    reason: `Routine prophylaxis with ${productName} since ${startDate}, at least ${MIN_PROPHYLAXIS_MONTHS} months before ${doc.requestDate}; adherence documented by the prescriber`,
  };
}

type DatedBleed = Bleed & { date: string; site: BleedSite };

const qualifies = (bleed: Bleed, startDate: string): bleed is DatedBleed =>
  bleed.spontaneous === true &&
  bleed.site !== undefined &&
  isSeriousBleedSite(bleed.site) &&
  bleed.date !== undefined &&
  bleed.date >= startDate;

/** Could still qualify once its blanks are filled in. */
const mightQualify = (bleed: Bleed, startDate: string): boolean =>
  bleed.spontaneous !== false &&
  (bleed.site === undefined || isSeriousBleedSite(bleed.site)) &&
  (bleed.date === undefined || bleed.date >= startDate);

const NEEDED =
  "at least one spontaneous bleed at a serious site (Appendix D) on or after the prophylaxis start date is needed";

/** Exactly what an open bleed lacks: "its site", "its date and whether it was spontaneous". */
function missingOfBleed(bleed: Bleed): string {
  const missing = [
    bleed.date === undefined ? "its date" : undefined,
    bleed.site === undefined ? "its site" : undefined,
    bleed.spontaneous === undefined ? "whether it was spontaneous" : undefined,
  ].filter((part): part is string => part !== undefined);
  return missing.length <= 1 ? (missing[0] ?? "") : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1) ?? ""}`;
}

function whyNot(bleed: Bleed, startDate: string): string {
  if (bleed.date !== undefined && bleed.date < startDate) return "before prophylaxis started";
  if (bleed.spontaneous === false) return "traumatic";
  return "at a site that is not serious";
}

export function seriousSpontaneousBleed(doc: RequestDocument): RuleResult {
  const bleeds = doc.bleeds;
  const startDate = doc.prophylaxis?.startDate;
  if (bleeds === undefined) return { status: "missing", reason: `Bleeding episodes not answered; ${NEEDED}` };
  if (startDate === undefined) {
    return {
      status: "missing",
      reason: "Prophylaxis start date not entered; it shows which bleeds happened on prophylaxis",
    };
  }
  const qualifying = bleeds.filter((b) => qualifies(b, startDate));
  const latest = qualifying.reduce<DatedBleed | undefined>(
    (a, b) => (a !== undefined && a.date >= b.date ? a : b),
    undefined,
  );
  if (latest !== undefined) {
    const more = qualifying.length > 1 ? ` (${qualifying.length} qualifying bleeds; latest shown)` : "";
    return {
      status: "met",
      reason: `Spontaneous ${BLEED_SITE_LABELS[latest.site]} bleed on ${latest.date}, on prophylaxis since ${startDate}${more}`,
    };
  }
  const open = bleeds.findIndex((b) => mightQualify(b, startDate));
  if (open >= 0) {
    return {
      status: "missing",
      reason: `Bleed ${open + 1} needs ${missingOfBleed(bleeds[open] ?? {})}; ${NEEDED}`,
    };
  }
  if (bleeds.length === 0) return { status: "not_met", reason: `No bleeding episodes on record; ${NEEDED}` };
  const counts = new Map<string, number>();
  for (const bleed of bleeds) {
    const why = whyNot(bleed, startDate);
    counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  const summary = [...counts].map(([why, n]) => `${n} ${why}`).join(", ");
  return {
    status: "not_met",
    reason: `None of the ${bleeds.length} bleeding episode${bleeds.length === 1 ? "" : "s"} qualifies (${summary}); ${NEEDED}`,
  };
}

export function exposureDays(doc: RequestDocument): RuleResult {
  const days = doc.exposureDays;
  if (days === undefined)
    return { status: "missing", reason: `Exposure days not entered; at least ${MIN_EXPOSURE_DAYS} are needed` };
  if (days >= MIN_EXPOSURE_DAYS)
    return { status: "met", reason: `${days} exposure days (at least ${MIN_EXPOSURE_DAYS})` };
  return {
    status: "not_met",
    reason: `${days} exposure days; at least ${MIN_EXPOSURE_DAYS} are needed (${MIN_EXPOSURE_DAYS - days} more)`,
  };
}
