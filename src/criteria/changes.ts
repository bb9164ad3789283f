/**
 * What changed between two versions of a request, field by field (old → new), in the words of
 * `FIELD_LABELS`: what a reviewer reads on a resubmission instead of reading it all again.
 */
import { FIELD_LABELS, fieldKey, fieldLabel, formatPath } from "./field-labels";
import { formatDate, formatGenomeCopies, formatTiter } from "./format";
import {
  AAV5_RESULT_LABELS,
  CONDITION_LABELS,
  FACTOR_IX_PRODUCT_LABELS,
  LIVER_TEST_UNITS,
  REQUEST_TYPE_LABELS,
  SPECIALTY_LABELS,
  STUDY_RESULT_LABELS,
} from "./labels";
import { BLEED_SITE_LABELS, LINE_OF_BUSINESS_LABELS } from "./policy";
import type { RequestDocument } from "./schema";
import { NOT_ANSWERED } from "./evidence";

export interface FieldChange {
  /** The dotted path, list indices as numbers (`bleeds.1.date`). */
  path: string;
  /** "Bleeding episode 2: Bleed date". */
  label: string;
  before: string;
  after: string;
}

type Leaf = string | number | boolean | null;
/** A list's own value is its length, so "1 entry → 2 entries" heads the new entry's fields. */
const LIST = "\u0000list:";
type Path = (string | number)[];

/** Every answered value of a document by its path; a list's length is a value of its own. */
function leaves(value: unknown, path: Path = [], out = new Map<string, { path: Path; value: Leaf }>()) {
  if (Array.isArray(value)) {
    out.set(formatPath(path), { path, value: `${LIST}${value.length}` });
    value.forEach((item, index) => leaves(item, [...path, index], out));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) leaves(item, [...path, key], out);
  } else if (value !== undefined) {
    out.set(formatPath(path), { path, value: value as Leaf });
  }
  return out;
}

/** Each chosen answer in the words the wizard offered it in (units and free text are shown as given). */
const CHOICE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  requestType: REQUEST_TYPE_LABELS,
  lineOfBusiness: LINE_OF_BUSINESS_LABELS,
  "prescriber.specialty": SPECIALTY_LABELS,
  "diagnosis.condition": CONDITION_LABELS,
  "prophylaxis.product": FACTOR_IX_PRODUCT_LABELS,
  "bleeds[].site": BLEED_SITE_LABELS,
  "liver.ultrasound.result": STUDY_RESULT_LABELS,
  "liver.elastography.result": STUDY_RESULT_LABELS,
  "aav5.result": AAV5_RESULT_LABELS,
};

/** The unit a number is read in: the liver tests' fixed units, the weight's own unit in that version. */
function unitOf(key: string, doc: RequestDocument): string | undefined {
  const liver = /^liver\.enzymes\.(alt|ast|alp|totalBilirubin)\.(value|upperLimit)$/.exec(key);
  if (liver !== null) return LIVER_TEST_UNITS[liver[1] as keyof typeof LIVER_TEST_UNITS];
  if (key === "member.weight.value") return doc.member?.weight?.unit;
  return undefined;
}

function show(path: Path, value: Leaf | undefined, doc: RequestDocument): string {
  if (value === undefined) return NOT_ANSWERED;
  if (typeof value === "string" && value.startsWith(LIST)) {
    const n = Number(value.slice(LIST.length));
    return n === 0 ? "None" : `${n} ${n === 1 ? "entry" : "entries"}`;
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  const key = fieldKey(path);
  if (typeof value === "number") {
    if (key === "dose.requestedGcPerKg") return `${formatGenomeCopies(value)} gc/kg`;
    if (key === "aav5.titer") return formatTiter(value);
    if (key === "diagnosis.factorIxActivityPercent") return `${value}%`;
    if (key === "inhibitor.assays[].bethesdaUnits") return `${value} BU`;
    const unit = unitOf(key, doc);
    return unit === undefined ? String(value) : `${value} ${unit}`;
  }
  if (value === null) return NOT_ANSWERED;
  if (/(^|\.)(\w*[dD]ate|dateOfBirth)$/.test(key)) return formatDate(value);
  return CHOICE_LABELS[key]?.[value] ?? value;
}

/** "Bleeding episode 2: Bleed date" for list items, the field's own label otherwise. */
function label(path: Path): string {
  const own = fieldLabel(path);
  const index = path.findIndex((part) => typeof part === "number");
  const position = path[index];
  if (typeof position !== "number") return own;
  const item = FIELD_LABELS[`${fieldKey(path.slice(0, index))}[]`] ?? fieldLabel(path.slice(0, index));
  return `${item} ${position + 1}: ${own}`;
}

/** Form order (the order of `FIELD_LABELS`), then list position. */
function compare(a: Path, b: Path): number {
  const keys = Object.keys(FIELD_LABELS);
  const rank = (path: Path) => {
    const index = keys.indexOf(fieldKey(path));
    return index === -1 ? keys.length : index;
  };
  const byField = rank(a) - rank(b);
  if (byField !== 0) return byField;
  return formatPath(a).localeCompare(formatPath(b), "en", { numeric: true });
}

/** Every field whose value differs between `before` and `after`, in form order. */
export function documentChanges(before: RequestDocument, after: RequestDocument): FieldChange[] {
  const old = leaves(before);
  const now = leaves(after);
  const paths = new Map<string, Path>();
  for (const [key, leaf] of [...old, ...now]) paths.set(key, leaf.path);
  return [...paths.entries()]
    .filter(([key]) => old.get(key)?.value !== now.get(key)?.value)
    .map(([, path]) => path)
    .sort(compare)
    .map((path) => {
      const key = formatPath(path);
      return {
        path: key,
        label: label(path),
        before: show(path, old.get(key)?.value, before),
        after: show(path, now.get(key)?.value, after),
      };
    });
}
