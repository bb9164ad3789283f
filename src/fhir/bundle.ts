/**
 * Reading a file as a FHIR R4 Bundle: JSON, a Bundle, of a type that holds a record, in R4.
 *
 * What can be known about the version: an R4 Bundle does not say it is R4 (the version travels in
 * the HTTP Content-Type or the server's CapabilityStatement, not in the resource). So a Bundle is
 * taken as R4 unless something in it says otherwise: a `fhirVersion` written into it by an export
 * tool, a profile under a versioned specification address (hl7.org/fhir/R5/, /STU3/, /DSTU2/ …), a
 * resource type that exists only in another version, or a shape R4 lacks (R5's `medication`
 * CodeableReference, DSTU2/STU3's string `clinicalStatus`, STU3's `taken` on MedicationStatement,
 * R5's Bundle `issues`). An R3 or R5 file that uses none of these would pass: it is then read by R4
 * rules, and whatever does not fit is reported resource by resource.
 */
import type { Bundle, BundleEntry, Resource } from "@medplum/fhirtypes";
import type { RecordProblem } from "./types";

/** The Bundle types that carry a record (issue 12): an EHR export, a search result, a document, a transaction. */
export const RECORD_BUNDLE_TYPES = ["collection", "searchset", "document", "transaction"] as const;

const R4_VERSIONS = /^4\.(0|3)(\.|$)/; // 4.0.x is R4; 4.3.x (R4B) kept every resource read here unchanged.

/** Resource types that exist in DSTU2/STU3 or R5 but not in R4. */
const NOT_IN_R4 = new Set([
  // DSTU2 / STU3
  "BodySite",
  "Conformance",
  "DataElement",
  "DeviceComponent",
  "DeviceUseRequest",
  "DiagnosticOrder",
  "EligibilityRequest",
  "EligibilityResponse",
  "MedicationOrder",
  "Order",
  "OrderResponse",
  "ProcedureRequest",
  "ProcessRequest",
  "ProcessResponse",
  "ReferralRequest",
  // R5
  "ActorDefinition",
  "ArtifactAssessment",
  "ConditionDefinition",
  "DeviceDispense",
  "DeviceUsage",
  "EncounterHistory",
  "FormularyItem",
  "GenomicStudy",
  "ImagingSelection",
  "InventoryItem",
  "InventoryReport",
  "NutritionIntake",
  "Permission",
  "Requirements",
  "Transport",
]);

const OTHER_VERSION_PROFILE = /hl7\.org\/fhir\/(R5|R6|STU3|DSTU2|DSTU3|1\.0|3\.0|5\.0|6\.0)\//i;

type Read = { ok: true; resources: Resource[] } | { ok: false; problem: RecordProblem };

const fail = (code: RecordProblem["code"], message: string): Read => ({ ok: false, problem: { code, message } });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Parse a file's text or parsed JSON as an R4 Bundle (collection, searchset, document, transaction). */
// `string | unknown` is `unknown` to the compiler; written so because the agreed interface says so.
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
export function readRecordBundle(input: string | unknown): Read {
  let json: unknown = input;
  if (typeof input === "string") {
    try {
      json = JSON.parse(input) as unknown;
    } catch {
      return fail("not-json", "The file is not JSON. Choose a FHIR R4 Bundle saved as JSON (a .json file).");
    }
  }
  if (!isObject(json) || typeof json.resourceType !== "string") {
    return fail(
      "not-bundle",
      "The file is JSON but not a FHIR resource. Choose a FHIR R4 Bundle (a patient's record exported as JSON).",
    );
  }
  if (json.resourceType !== "Bundle") {
    return fail(
      "not-bundle",
      `The file holds one ${json.resourceType} resource, not a Bundle. Export the patient's record as a FHIR Bundle.`,
    );
  }
  const version = otherVersion(json);
  if (version !== undefined) {
    return fail(
      "not-r4",
      `The file is FHIR ${version}, not R4. Export the record as FHIR R4 (version 4.0.1), which this import reads.`,
    );
  }
  const type = json.type;
  if (typeof type !== "string" || !(RECORD_BUNDLE_TYPES as readonly string[]).includes(type)) {
    return fail(
      "bundle-type",
      `The Bundle's type is ${typeof type === "string" ? `"${type}"` : "missing"}; a record comes as a collection, searchset, document or transaction Bundle.`,
    );
  }
  const bundle = json as unknown as Bundle;
  const entries: readonly BundleEntry[] = Array.isArray(bundle.entry) ? bundle.entry : [];
  const resources: Resource[] = [];
  for (const [index, entry] of entries.entries()) {
    if (!isObject(entry)) return fail("invalid", `Entry ${index + 1} of the Bundle is not an object.`);
    if (entry.resource === undefined) continue; // a transaction's DELETE, a search's bare link
    if (!isObject(entry.resource) || typeof entry.resource.resourceType !== "string") {
      return fail("invalid", `Entry ${index + 1} of the Bundle holds no FHIR resource (no resourceType).`);
    }
    const resource = entry.resource as unknown as Resource;
    const search = isObject(entry.search) ? entry.search : {};
    if (search.mode === "outcome" || resource.resourceType === "OperationOutcome") continue;
    resources.push(resource);
  }
  const notR4 = resources.find((r) => NOT_IN_R4.has(r.resourceType) || hasNonR4Shape(r));
  if (notR4 !== undefined) {
    return fail(
      "not-r4",
      `The file holds a ${notR4.resourceType} written in another FHIR version than R4. Export the record as FHIR R4 (version 4.0.1).`,
    );
  }
  return { ok: true, resources: withLocalIds(entries, resources) };
}

/** A version the Bundle declares or profiles that is not R4, in words ("R5", "5.0.0"). */
function otherVersion(bundle: Record<string, unknown>): string | undefined {
  const declared = [bundle.fhirVersion, isObject(bundle.meta) ? bundle.meta.fhirVersion : undefined].find(
    (v): v is string => typeof v === "string",
  );
  if (declared !== undefined && !R4_VERSIONS.test(declared)) return declared;
  const profiles = [bundle, ...entryResources(bundle)].flatMap((r): unknown[] =>
    isObject(r.meta) && Array.isArray(r.meta.profile) ? (r.meta.profile as unknown[]) : [],
  );
  for (const profile of profiles) {
    const match = typeof profile === "string" ? OTHER_VERSION_PROFILE.exec(profile) : null;
    if (match?.[1] !== undefined) return match[1].toUpperCase();
  }
  if ("issues" in bundle) return "R5"; // Bundle.issues is new in R5
  return undefined;
}

function entryResources(bundle: Record<string, unknown>): Record<string, unknown>[] {
  const entries = Array.isArray(bundle.entry) ? (bundle.entry as unknown[]) : [];
  return entries.flatMap((e) => (isObject(e) && isObject(e.resource) ? [e.resource] : []));
}

/** Shapes of resources read here that R4 does not have. */
function hasNonR4Shape(resource: Resource): boolean {
  const r = resource as unknown as Record<string, unknown>;
  switch (resource.resourceType) {
    case "MedicationRequest":
    case "MedicationStatement":
      // R5 holds the drug in a CodeableReference `medication`; STU3's MedicationStatement had `taken`.
      return "medication" in r || (resource.resourceType === "MedicationStatement" && "taken" in r);
    case "Condition":
      // DSTU2/STU3 wrote clinicalStatus as a bare code; R4 made it a CodeableConcept. DSTU2 had `patient`.
      return typeof r.clinicalStatus === "string" || typeof r.verificationStatus === "string" || "patient" in r;
    default:
      return false;
  }
}

/**
 * Transactions (and some exports) give new resources no id and point at them by the entry's
 * `urn:uuid:` fullUrl. The resources come back with that uuid as their id and every such reference
 * rewritten to "Type/id", so provenance reads "Observation/<uuid>" and the patient check can compare
 * references. Copies: the caller's JSON is not changed.
 */
function withLocalIds(entries: readonly BundleEntry[], resources: readonly Resource[]): Resource[] {
  const renamed = new Map<string, string>();
  const byResource = new Map<Resource, string>();
  for (const entry of entries) {
    const resource = entry.resource;
    const fullUrl = entry.fullUrl;
    if (resource === undefined || typeof fullUrl !== "string") continue;
    const own = typeof resource.id === "string" ? resource.id : undefined;
    const id = own ?? (fullUrl.startsWith("urn:uuid:") ? fullUrl.slice("urn:uuid:".length) : undefined);
    if (id === undefined) continue;
    byResource.set(resource, id);
    if (fullUrl.startsWith("urn:")) renamed.set(fullUrl, `${resource.resourceType}/${id}`);
  }
  return resources.map((resource) => {
    const copy = rewriteReferences(resource, renamed) as Resource;
    const id = byResource.get(resource);
    return id === undefined || copy.id !== undefined ? copy : { ...copy, id };
  });
}

function rewriteReferences(value: unknown, renamed: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteReferences(v, renamed));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === "reference" && typeof v === "string" ? (renamed.get(v) ?? v) : rewriteReferences(v, renamed);
  }
  return out;
}
