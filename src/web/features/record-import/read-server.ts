/**
 * Reads one patient's record from a FHIR R4 server with the token of a SMART launch: the Patient,
 * then every resource type the mapping reads, searched by patient, following each searchset's
 * `next` links to the end. Each call gives up after `READ_TIMEOUT_MS` (AbortController), so a
 * server that hangs is reported in seconds, not never. What the server answers instead of a
 * record (401, 403, an OperationOutcome, something that is not FHIR) becomes a `ReadFailure`
 * that says what happened and what to do. The record goes nowhere but this page.
 */
import { resolveOnServer } from "@/fhir";
import type { Connection } from "./smart-launch";
import { failure, type ReadFailure } from "./failures";

export const READ_TIMEOUT_MS = 12_000;

/** What the mapping reads, each searched by `patient`. */
export const SEARCHED_TYPES = [
  "Coverage",
  "Condition",
  "Observation",
  "MedicationRequest",
  "MedicationStatement",
  "DiagnosticReport",
  "Procedure",
  "DocumentReference",
] as const;

const PAGE_SIZE = 100;
/** A server that keeps sending `next` links is not followed for ever. */
const MAX_PAGES = 50;

interface FhirJson {
  resourceType?: unknown;
  fhirVersion?: unknown;
  entry?: { resource?: unknown; search?: { mode?: unknown } }[];
  link?: { relation?: unknown; url?: unknown }[];
  issue?: { details?: { text?: unknown }; diagnostics?: unknown }[];
}

class Stop extends Error {
  constructor(readonly failure: ReadFailure) {
    super(failure.title);
  }
}

interface Reading {
  connection: Connection;
  signal: AbortSignal;
  timeoutMs: number;
}

async function getJson(url: string, { connection, signal: outer, timeoutMs }: Reading): Promise<FhirJson> {
  const signal = AbortSignal.any([outer, AbortSignal.timeout(timeoutMs)]);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        accept: "application/fhir+json",
        authorization: connection.authorization,
      },
      signal,
      credentials: "omit",
      cache: "no-store",
    });
  } catch (error) {
    if (outer.aborted) throw error;
    if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError"))
      throw new Stop(failure("timeout", { seconds: Math.ceil(timeoutMs / 1000) }));
    throw new Stop(failure("unreachable", { origin: new URL(url).origin }));
  }
  let body: FhirJson | undefined;
  try {
    body = (await response.json()) as FhirJson;
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError")
      throw new Stop(failure("timeout", { seconds: Math.ceil(timeoutMs / 1000) }));
    body = undefined;
  }
  if (response.status === 401) throw new Stop(failure("unauthorized"));
  if (response.status === 403) throw new Stop(failure("forbidden", { outcome: outcomeText(body) }));
  if (!response.ok || body?.resourceType === "OperationOutcome")
    throw new Stop(failure("outcome", { status: response.status, outcome: outcomeText(body) }));
  if (body === undefined || typeof body !== "object") throw new Stop(failure("server-not-json"));
  return body;
}

/** The OperationOutcome's own words (its issues' text or diagnostics), if the body is one. */
function outcomeText(body: FhirJson | undefined): string | undefined {
  if (body?.resourceType !== "OperationOutcome") return undefined;
  const texts = (body.issue ?? [])
    .map((issue) => issue.details?.text ?? issue.diagnostics)
    .filter((text): text is string => typeof text === "string" && text.trim() !== "");
  return texts.length === 0 ? undefined : texts.join("; ");
}

/** Every resource of one search, page after page (only `match` entries: no included extras). */
async function searchAll(first: string, reading: Reading): Promise<unknown[]> {
  const { connection } = reading;
  const resources: unknown[] = [];
  let next: string | undefined = first;
  for (let page = 0; next !== undefined && page < MAX_PAGES; page++) {
    const bundle = await getJson(next, reading);
    if (bundle.resourceType !== "Bundle") throw new Stop(failure("server-not-bundle"));
    for (const entry of bundle.entry ?? [])
      if (entry.resource !== undefined && (entry.search?.mode ?? "match") === "match") resources.push(entry.resource);
    const link = bundle.link?.find((l) => l.relation === "next")?.url;
    // Only ever follow links into the same server (resolved, so "../" cannot walk out): the token goes nowhere else.
    next = typeof link === "string" ? resolveOnServer(link, connection.serverUrl) : undefined;
    if (typeof link === "string" && next === undefined) throw new Stop(failure("foreign-link"));
  }
  return resources;
}

/** The patient's record as a collection Bundle (for the same checks a file gets), or why not. */
export async function readPatientRecord(
  connection: Connection,
  signal: AbortSignal,
  timeoutMs = READ_TIMEOUT_MS,
): Promise<{ ok: true; bundle: unknown } | { ok: false; failure: ReadFailure }> {
  const reading: Reading = { connection, signal, timeoutMs };
  try {
    const { serverUrl, patientId } = connection;
    const metadata = await getJson(`${serverUrl}/metadata`, reading);
    if (typeof metadata.fhirVersion === "string" && !metadata.fhirVersion.startsWith("4.0"))
      return { ok: false, failure: failure("server-not-r4", { version: metadata.fhirVersion }) };
    const patient = await getJson(`${serverUrl}/Patient/${encodeURIComponent(patientId)}`, reading);
    const searches = await Promise.all(
      SEARCHED_TYPES.map((type) =>
        searchAll(`${serverUrl}/${type}?patient=${encodeURIComponent(patientId)}&_count=${PAGE_SIZE}`, reading),
      ),
    );
    const resources = [patient, ...searches.flat()];
    return {
      ok: true,
      bundle: { resourceType: "Bundle", type: "collection", entry: resources.map((resource) => ({ resource })) },
    };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, failure: error.failure };
    throw error;
  }
}
