/**
 * The record import's settings (#12): the local codes an installation's labs use for results that
 * no standard code identifies (LOINC has no AAV5 antibody term). Set by administrators for the whole
 * installation, read by everyone who imports a record (self-check included). Neither patient data
 * nor secret. Every check carries its own sentence, naming the field and what is accepted.
 */
import { z } from "zod/mini";
import type { AuditRecord } from "./api";

/** At most this many codes per kind: a lab or two per installation, with room to spare. */
export const MAX_LOCAL_CODES = 50;
export const MAX_SYSTEM_LENGTH = 255;
export const MAX_CODE_LENGTH = 64;
export const MAX_DISPLAY_LENGTH = 120;

// An absolute URI as FHIR's Coding.system takes one: a web address with a host, or a URN.
const HTTP_URI = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;
const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i;
// FHIR's code type (\S+( \S+)*): no leading, trailing or repeated whitespace, but single spaces inside
// are allowed, and a lab's code may hold them ("AAV5 NAB").
const FHIR_CODE = /^\S+( \S+)*$/;
// Characters a reader cannot see or that reorder the text around them (C0/C1 controls, zero-width
// and bidirectional marks, "format" characters): a code holding one looks like another and never
// matches what a record carries, and a display holding one can make the history say something else.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

const INVISIBLE_IN = (field: string) =>
  `${field} must not contain control characters or invisible formatting characters (such as zero-width spaces or right-to-left marks)`;

const SYSTEM_ACCEPTED = "an absolute URI starting http://, https:// or urn:, like https://lab.example.org/codes";

const system = z.string("Code system must be text").check(
  z.trim(),
  z.refine((v) => v.length > 0, `Enter the code system: ${SYSTEM_ACCEPTED}`),
  z.refine((v) => v.length <= MAX_SYSTEM_LENGTH, `Code system must be ${MAX_SYSTEM_LENGTH} characters or fewer`),
  z.refine(
    (v) => v.length === 0 || v.length > MAX_SYSTEM_LENGTH || INVISIBLE.test(v) || HTTP_URI.test(v) || URN.test(v),
    `Code system must be ${SYSTEM_ACCEPTED}, with no spaces`,
  ),
  z.refine((v) => !INVISIBLE.test(v), INVISIBLE_IN("Code system")),
);

const code = z.string("Code must be text").check(
  z.trim(),
  z.refine((v) => v.length > 0, "Enter the code, as the lab's results carry it, like AAV5-NAB"),
  z.refine((v) => v.length <= MAX_CODE_LENGTH, `Code must be ${MAX_CODE_LENGTH} characters or fewer`),
  z.refine(
    (v) => v.length === 0 || INVISIBLE.test(v) || FHIR_CODE.test(v),
    "Code may hold single spaces only, not two in a row or another kind of space (such as a non-breaking one): enter it exactly as the lab's results carry it",
  ),
  z.refine((v) => !INVISIBLE.test(v), INVISIBLE_IN("Code")),
);

const display = z.string("Display text must be text").check(
  z.trim(),
  z.refine((v) => v.length <= MAX_DISPLAY_LENGTH, `Display text must be ${MAX_DISPLAY_LENGTH} characters or fewer`),
  z.refine((v) => !INVISIBLE.test(v), INVISIBLE_IN("Display text")),
);

/** One local code: the system and code a lab's results carry, and optionally what it is called. */
export const localCodeSchema = z.object(
  { system, code, display: z._default(display, "") },
  "The body must be a JSON object",
);
export type LocalCodeInput = z.input<typeof localCodeSchema>;
export type LocalCodeEntry = z.infer<typeof localCodeSchema>;

export const DUPLICATE_LOCAL_CODE = "This code system and code are configured already";
export const TOO_MANY_LOCAL_CODES = `At most ${MAX_LOCAL_CODES} codes can be configured: remove one you no longer need first`;

const sameCode = (a: { system: string; code: string }, b: { system: string; code: string }): boolean =>
  a.system === b.system && a.code === b.code;

/** A list of local codes: each valid, at most MAX_LOCAL_CODES, none twice (system and code are case-sensitive, as in FHIR). */
export const localCodeListSchema = z.array(localCodeSchema, "The codes must be a list").check(
  z.superRefine((list, ctx) => {
    if (list.length > MAX_LOCAL_CODES) ctx.issues.push({ code: "custom", message: TOO_MANY_LOCAL_CODES, input: list });
    list.forEach((entry, index) => {
      if (list.findIndex((other) => sameCode(other, entry)) < index)
        ctx.issues.push({ code: "custom", path: [index, "code"], message: DUPLICATE_LOCAL_CODE, input: entry });
    });
  }),
);

/** GET /api/settings/record-import: what the record import reads by, besides the standard codes. */
export const recordImportSettingsSchema = z.object({
  localCodes: z.object({ aav5Antibody: localCodeListSchema }),
});
export type RecordImportSettings = z.infer<typeof recordImportSettingsSchema>;

/** A configured code as administrators see it: with its id (to remove it) and when it was added. */
export interface ConfiguredLocalCode extends LocalCodeEntry {
  id: number;
  addedAt: string;
}

/** GET /api/admin/record-import: the configured AAV5 antibody codes and their changes, newest first. */
export interface RecordImportAdmin {
  aav5Antibody: ConfiguredLocalCode[];
  history: AuditRecord[];
}
