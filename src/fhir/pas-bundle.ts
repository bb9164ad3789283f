/**
 * A Da Vinci PAS-style prior authorization request: a `collection` Bundle whose first entry is
 * the Claim (use `preauthorization`, HCPCS J1411, the ICD-10-CM diagnosis, the prescriber by NPI,
 * the member, the plan), with `supportingInfo` pointing at the request as a QuestionnaireResponse
 * and at a DocumentReference per supporting document. Pure and deterministic: no clock (the Claim
 * is created on the request date) and no randomness (the entries' urn:uuid names are hashed from
 * the request, so the same request always gives the same Bundle).
 */
import { LINE_OF_BUSINESS_LABELS, type RequestDocument } from "@/criteria";
import type { DocumentInfo } from "@/contract";
import { MEMBER_NUMBER_TYPE, SYSTEMS } from "./codes";
import { FHIR_BASE, QUESTIONNAIRE_ID } from "./questionnaire";
import { toQuestionnaireResponse } from "./questionnaire-response";
import type { CodeableConcept, FhirResource, Reference } from "./resources";

// Code systems as HL7's terminology names them (https://terminology.hl7.org/): HCPCS Level II and
// the NPI are not in codes.ts' table yet (the import reads neither); ICD-10-CM is.
const HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
const ICD10_CM = SYSTEMS.icd10cm;
const US_NPI = "http://hl7.org/fhir/sid/us-npi";
const CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
const PROCESS_PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority";
const INFO_CATEGORY = "http://terminology.hl7.org/CodeSystem/claiminformationcategory";
/** Our own identifier systems: the plan's member IDs as the request carries them, and request references. */
const MEMBER_ID_SYSTEM = `${FHIR_BASE}/sid/member-id`;
const REQUEST_REFERENCE_SYSTEM = `${FHIR_BASE}/sid/request-reference`;

export const J1411 = {
  system: HCPCS,
  code: "J1411",
  display: "Injection, etranacogene dezaparvovec-drlb, per therapeutic dose",
} as const;

export interface BundleEntry {
  fullUrl: string;
  resource: FhirResource & Record<string, unknown>;
}

export interface PasBundle {
  resourceType: "Bundle";
  type: "collection";
  identifier?: { system: string; value: string };
  entry: BundleEntry[];
}

export interface PasOptions {
  /** The stored request's reference (HGX-…); absent for a request not filed (the wizard). */
  reference?: string;
  /** Expedited or standard review, as chosen at submission; unknown before it. */
  expedited?: boolean;
  /** The request's supporting documents. */
  documents?: readonly DocumentInfo[];
  /** Prefix of the documents' download addresses (`https://pa.example.org`); relative when absent. */
  origin?: string;
}

/** FNV-1a, 32 bits: a spread of the seed, not a secret (these are names inside one Bundle). */
function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A name-based UUID (version 8, RFC 9562) from a seed: the same seed, the same UUID. */
export function uuidFrom(seed: string): string {
  const hex = [0x811c9dc5, 0x050c5d1f, 0x2b6f3a17, 0x6c8e9cf5]
    .map((basis) => fnv1a(seed, basis).toString(16).padStart(8, "0"))
    .join("");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Hex digits as unpadded base64url (RFC 4648 §5), for an RFC 6920 `ni:` name. */
export function hexToBase64Url(hex: string): string {
  const bytes = hex.match(/../g)?.map((pair) => parseInt(pair, 16)) ?? [];
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const triple = (a << 16) | (b << 8) | c;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += BASE64URL.charAt((triple >> (18 - 6 * j)) & 0x3f);
  }
  return out;
}

const concept = (system: string, code: string, display?: string): CodeableConcept => ({
  coding: [{ system, code, ...(display === undefined ? {} : { display }) }],
});

/** The diagnosis code the request names (D67 for congenital hemophilia B when none is typed). */
function diagnosisCode(document: RequestDocument): string | undefined {
  const typed = document.diagnosis?.icd10;
  if (typed !== undefined) return typed;
  return document.diagnosis?.condition === "congenital_hemophilia_b" ? "D67" : undefined;
}

function patientOf(document: RequestDocument): Record<string, unknown> {
  const member = document.member ?? {};
  const given = member.firstName === undefined ? {} : { given: [member.firstName] };
  const family = member.lastName === undefined ? {} : { family: member.lastName };
  return {
    resourceType: "Patient",
    ...(member.memberId === undefined
      ? {}
      : { identifier: [{ type: { coding: [MEMBER_NUMBER_TYPE] }, system: MEMBER_ID_SYSTEM, value: member.memberId }] }),
    ...(member.firstName === undefined && member.lastName === undefined ? {} : { name: [{ ...family, ...given }] }),
    ...(member.dateOfBirth === undefined ? {} : { birthDate: member.dateOfBirth }),
  };
}

function practitionerOf(document: RequestDocument): Record<string, unknown> {
  const prescriber = document.prescriber ?? {};
  return {
    resourceType: "Practitioner",
    ...(prescriber.npi === undefined ? {} : { identifier: [{ system: US_NPI, value: prescriber.npi }] }),
    ...(prescriber.name === undefined ? {} : { name: [{ text: prescriber.name }] }),
  };
}

function documentReferenceOf(info: DocumentInfo, patient: Reference, origin: string): Record<string, unknown> {
  return {
    resourceType: "DocumentReference",
    // The SHA-256 as an RFC 6920 name: R4's attachment.hash is SHA-1, which we do not keep.
    identifier: [{ system: "urn:ietf:rfc:3986", value: `ni:///sha-256;${hexToBase64Url(info.sha256)}` }],
    status: "current",
    subject: patient,
    date: info.uploadedAt,
    content: [
      {
        attachment: {
          contentType: info.mediaType,
          url: `${origin}/api/documents/${info.id}/download`,
          size: info.size,
          title: info.fileName,
        },
      },
    ],
  };
}

/** The request as a PAS-style `collection` Bundle: Claim first, then what it points at. */
export function toPasBundle(document: RequestDocument, options: PasOptions = {}): PasBundle {
  const seed = `${options.reference ?? ""}\n${JSON.stringify(document)}`;
  const urn = (role: string): string => `urn:uuid:${uuidFrom(`${role}\n${seed}`)}`;
  const ref = (role: string): Reference => ({ reference: urn(role) });
  const patient = ref("patient");
  const documents = options.documents ?? [];

  const response = toQuestionnaireResponse(document, {
    status: options.reference === undefined ? "in-progress" : "completed",
    subject: patient,
  });
  const insurer: Record<string, unknown> = {
    resourceType: "Organization",
    name: `Health plan, ${LINE_OF_BUSINESS_LABELS[document.lineOfBusiness]} (clinical policy CP.PHAR.580)`,
  };
  const coverage: Record<string, unknown> = {
    resourceType: "Coverage",
    status: "active",
    ...(document.member?.memberId === undefined ? {} : { subscriberId: document.member.memberId }),
    beneficiary: patient,
    payor: [ref("insurer")],
  };

  const code = diagnosisCode(document);
  const supportingInfo = [
    {
      sequence: 1,
      category: concept(INFO_CATEGORY, "info", "Information"),
      valueReference: { ...ref("questionnaire-response"), display: `Answers to ${QUESTIONNAIRE_ID}` },
    },
    ...documents.map((info, index) => ({
      sequence: index + 2,
      category: concept(INFO_CATEGORY, "attachment", "Attachment"),
      valueReference: ref(`document:${info.id}`),
    })),
  ];
  const claim: Record<string, unknown> = {
    resourceType: "Claim",
    ...(options.reference === undefined
      ? {}
      : { identifier: [{ system: REQUEST_REFERENCE_SYSTEM, value: options.reference }] }),
    status: "active",
    type: concept(CLAIM_TYPE, "professional", "Professional"),
    use: "preauthorization",
    patient,
    created: document.requestDate,
    insurer: ref("insurer"),
    provider: ref("practitioner"),
    // Claim.priority is required; before submission neither is chosen, and the text says so.
    priority:
      options.expedited === undefined
        ? { text: "Not chosen yet: standard or expedited review is chosen when the request is submitted" }
        : options.expedited
          ? concept(PROCESS_PRIORITY, "stat", "Immediate")
          : concept(PROCESS_PRIORITY, "normal", "Normal"),
    supportingInfo,
    ...(code === undefined ? {} : { diagnosis: [{ sequence: 1, diagnosisCodeableConcept: concept(ICD10_CM, code) }] }),
    insurance: [{ sequence: 1, focal: true, coverage: ref("coverage") }],
    item: [
      {
        sequence: 1,
        ...(code === undefined ? {} : { diagnosisSequence: [1] }),
        informationSequence: supportingInfo.map((info) => info.sequence),
        productOrService: { coding: [{ ...J1411 }] },
        quantity: { value: 1 },
      },
    ],
  };

  const entry = (role: string, resource: Record<string, unknown>): BundleEntry => ({
    fullUrl: urn(role),
    resource: resource as BundleEntry["resource"],
  });
  return {
    resourceType: "Bundle",
    type: "collection",
    ...(options.reference === undefined
      ? {}
      : { identifier: { system: REQUEST_REFERENCE_SYSTEM, value: options.reference } }),
    entry: [
      entry("claim", claim),
      entry("questionnaire-response", response as unknown as Record<string, unknown>),
      entry("patient", patientOf(document)),
      entry("practitioner", practitionerOf(document)),
      entry("insurer", insurer),
      entry("coverage", coverage),
      ...documents.map((info) =>
        entry(`document:${info.id}`, documentReferenceOf(info, patient, options.origin ?? "")),
      ),
    ],
  };
}
