/**
 * Why a record could not be read, in words that say what happened and what to do. Never the
 * record's contents, the token or the address's query (only a server's origin, which names no patient).
 */
export interface ReadFailure {
  code: FailureCode;
  /** What happened. */
  title: string;
  /** What to do about it. */
  advice: string;
  /** The server's own words (an OperationOutcome's text), when it gave some. */
  serverSays?: string;
}

export type FailureCode =
  | "unauthorized"
  | "forbidden"
  | "timeout"
  | "unreachable"
  | "outcome"
  | "server-not-json"
  | "server-not-bundle"
  | "server-not-r4"
  | "foreign-link"
  | "launch"
  | "address"
  | "file";

interface Details {
  seconds?: number;
  origin?: string;
  status?: number;
  outcome?: string | undefined;
  version?: string;
  message?: string;
  fileName?: string;
}

const TRY_FILE = "or import the patient's record as a FHIR Bundle file exported from the EHR";

export function failure(code: FailureCode, details: Details = {}): ReadFailure {
  const serverSays = details.outcome === undefined ? {} : { serverSays: details.outcome };
  switch (code) {
    case "unauthorized":
      return {
        code,
        title: "The FHIR server refused the request: the sign-in is missing or has expired (401)",
        advice: "Sign in again: connect to the server again and sign in when it asks.",
      };
    case "forbidden":
      return {
        code,
        title: "The FHIR server refused to share this patient's record (403)",
        advice:
          "Ask the EHR's administrator for access to this patient's record for this application, then connect again.",
        ...serverSays,
      };
    case "timeout":
      return {
        code,
        title: `The FHIR server did not answer within ${details.seconds ?? 12} seconds`,
        advice: `Try again in a few minutes, ${TRY_FILE}.`,
      };
    case "unreachable":
      return {
        code,
        title: `The FHIR server at ${details.origin ?? "that address"} could not be reached`,
        advice:
          "Check the address (it is the server's FHIR base URL, such as https://ehr.example.org/fhir). This service connects only to the FHIR servers it is set up for; ask its administrator to add this one.",
      };
    case "outcome":
      return {
        code,
        title: `The FHIR server answered with an error${details.status === undefined ? "" : ` (${details.status})`}`,
        advice: `Try again later, ${TRY_FILE}. If it keeps happening, tell the EHR's support what the server said.`,
        ...serverSays,
      };
    case "server-not-json":
      return {
        code,
        title: "The server's answer is not FHIR JSON",
        advice: "Check that the address is the server's FHIR base URL (it ends in /fhir or /r4 on most servers).",
      };
    case "server-not-bundle":
      return {
        code,
        title: "The server answered a search with something that is not a FHIR Bundle",
        advice: "Check that the address is the server's FHIR R4 base URL.",
      };
    case "server-not-r4":
      return {
        code,
        title: `The server speaks FHIR ${details.version ?? "of another version"}, not FHIR R4 (4.0.1)`,
        advice: "Use the server's FHIR R4 address (many EHRs have one per version).",
      };
    case "foreign-link":
      return {
        code,
        title: "The server's search pointed to another server, which was not followed",
        advice: `Ask the EHR's support to check the server's paging links, ${TRY_FILE}.`,
      };
    case "launch":
      return {
        code,
        title: "The sign-in with the FHIR server could not be completed",
        advice: "Connect to the server again (a sign-in can be used once, in the tab that started it).",
        ...(details.message === undefined ? {} : { serverSays: details.message }),
      };
    case "address":
      return {
        code,
        title:
          "Enter the FHIR server's address as a web address starting with https:// (or http:// for a server on this computer)",
        advice: "For example, https://ehr.example.org/fhir.",
      };
    case "file":
      return {
        code,
        title: `${details.fileName ?? "The file"} was not read: ${details.message ?? "it is not a FHIR R4 Bundle"}`,
        advice: "Choose a patient's record exported from the EHR as a FHIR R4 JSON Bundle.",
      };
  }
}
