/**
 * SMART on FHIR with `fhirclient`: a standalone launch (the person gives the server's address and
 * picks the patient there) or an EHR launch (the EHR opens `/record/launch?iss=…&launch=…`), both
 * coming back to `/record` with a code, which `fhirclient` exchanges for a token with the patient
 * in context. `fhirclient` keeps its state, token included, in sessionStorage only (its browser
 * storage; `fullSessionStorageSupport`), never localStorage, and this module forgets it as soon as
 * the record is read. Nothing here logs a token or an answer.
 */
import FHIR from "fhirclient";
import { paths } from "@/web/lib/paths";

/** This app's registration at the EHR: a public client (no secret), PKCE where the server offers it. */
export const CLIENT_ID = "hemgenix-pa";
const STANDALONE_SCOPE = "launch/patient patient/*.read";
const EHR_SCOPE = "launch patient/*.read";

const redirectUri = (): string => new URL(paths.record(), window.location.origin).href;

/** The session key fhirclient keeps the name of its state under (see fhirclient's settings). */
const SMART_KEY = "SMART_KEY";

/** Leaves for the server's sign-in (the page goes away); comes back to /record. */
export async function startStandaloneLaunch(iss: string): Promise<void> {
  forgetSmartSession();
  await FHIR.oauth2.authorize({
    iss,
    clientId: CLIENT_ID,
    scope: STANDALONE_SCOPE,
    redirectUri: redirectUri(),
    pkceMode: "ifSupported",
  });
}

export async function startEhrLaunch(iss: string, launch: string): Promise<void> {
  forgetSmartSession();
  await FHIR.oauth2.authorize({
    iss,
    launch,
    clientId: CLIENT_ID,
    scope: EHR_SCOPE,
    redirectUri: redirectUri(),
    pkceMode: "ifSupported",
  });
}

/** True when this address is the server's answer to a launch (a code, or an error, and a state). */
export const isLaunchAnswer = (query: URLSearchParams): boolean =>
  query.has("state") && (query.has("code") || query.has("error"));

export interface Connection {
  /** The FHIR base URL, without a trailing slash. */
  serverUrl: string;
  patientId: string;
  authorization: string;
}

/** Completes the launch: the code for a token (the address's code and state go from the history). */
export async function finishLaunch(): Promise<Connection> {
  const client = await FHIR.oauth2.ready();
  const patientId = client.patient.id;
  const authorization = client.getAuthorizationHeader();
  if (patientId === null || authorization === null) throw new Error("no-patient-context");
  return { serverUrl: client.state.serverUrl.replace(/\/$/, ""), patientId, authorization };
}

/** Forgets fhirclient's state (the token with it) from this tab's session storage. */
export function forgetSmartSession(): void {
  try {
    const key = sessionStorage.getItem(SMART_KEY);
    if (key !== null) sessionStorage.removeItem(JSON.parse(key) as string);
    sessionStorage.removeItem(SMART_KEY);
  } catch {
    // storage unavailable: nothing kept
  }
}
