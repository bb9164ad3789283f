/**
 * The record import's settings (#12): the local codes an installation's labs use where no standard
 * code exists (AAV5 antibodies). Installation-wide, because one installation serves practices that
 * send their samples to the same labs and use the same EHR.
 *
 * - Read (GET /api/settings/record-import) by anyone, signed in or not: the self-check maps a
 *   record in the browser with no account, and the codes are neither patient data nor secret (a
 *   lab's code for a test). The answer is the same for everyone, so it may be cached, but is
 *   revalidated every time (ETag): a change an admin makes applies to the next import.
 * - Changed by admins only, with the session's CSRF token, each change audited in its transaction
 *   (who, when, which code). No own-password re-entry: like adding or renaming a practice, a code
 *   gives no one a way in or reach over any patient (see `needsOwnPassword`).
 */
import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import {
  DUPLICATE_LOCAL_CODE,
  localCodeSchema,
  TOO_MANY_LOCAL_CODES,
  type ConfiguredLocalCode,
  type RecordImportAdmin,
  type RecordImportSettings,
} from "@/contract";
import { standardReadingOf } from "@/fhir";
import { requireUser } from "../auth/sessions";
import { BadRequest, HttpError, parseWithOwnMessages } from "../parse";
import type { Services } from "../services";

export const RECORD_IMPORT_SETTINGS_PATH = "/api/settings/record-import";
const AAV5_CODES_PATH = "/api/admin/record-import/aav5-antibody-codes";
const HISTORY_LENGTH = 50;

const NO_SUCH_CODE = "No configured code with that id: it may have been removed already";
const notAdminNow = () => new HttpError(403, "Your account is no longer an active administrator; nothing was saved");

function idOf(raw: string): number {
  const id = /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw new HttpError(404, NO_SUCH_CODE);
  return id;
}

/** If-None-Match by weak comparison (RFC 9110 13.1.2): one of the tags sent, or "*" (the answer exists). */
function notModified(sent: string | undefined, etag: string): boolean {
  if (sent === undefined) return false;
  return sent.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === etag;
  });
}

export function recordImportSettingsRoutes(app: FastifyInstance, { store, sessions, now }: Services): void {
  app.get(RECORD_IMPORT_SETTINGS_PATH, async (request, reply) => {
    const settings: RecordImportSettings = {
      localCodes: {
        // Only entries today's checks accept: one stored under older, looser checks (an invisible
        // character) would make the browser refuse the whole answer, and with it every other code.
        aav5Antibody: (await store.localCodes("aav5Antibody")).flatMap(({ system, code, display }) => {
          const checked = localCodeSchema.safeParse({ system, code, display });
          return checked.success ? [checked.data] : [];
        }),
      },
    };
    const body = JSON.stringify(settings);
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
    reply.header("etag", etag);
    if (notModified(request.headers["if-none-match"], etag)) return reply.code(304).send();
    return reply.type("application/json; charset=utf-8").send(body);
  });

  const admin = (request: Parameters<typeof requireUser>[1], reply: Parameters<typeof requireUser>[2]) =>
    requireUser(sessions, request, reply, ["admin"]);

  app.get("/api/admin/record-import", async (request, reply): Promise<RecordImportAdmin> => {
    await admin(request, reply);
    return {
      aav5Antibody: await store.localCodes("aav5Antibody"),
      history: await store.recordImportHistory(HISTORY_LENGTH),
    };
  });

  app.post(AAV5_CODES_PATH, async (request, reply) => {
    const auth = await admin(request, reply);
    const entry = parseWithOwnMessages(localCodeSchema, request.body);
    // A standard code the import already reads (LOINC 1742-6 is ALT) is looked up before the local
    // codes, so it would be listed here but never read as AAV5 antibodies: refused, saying what it is.
    const standard = standardReadingOf(entry);
    if (standard !== undefined)
      throw new BadRequest([
        {
          path: "code",
          message: `${entry.system}|${entry.code} is a standard code the record import already reads as ${standard}: enter the code the lab gives the AAV5 antibody test`,
        },
      ]);
    // Duplicates and the limit are settled in the store's transaction (another admin may add meanwhile).
    const added = await store.addLocalCode("aav5Antibody", entry, { adminId: auth.user.id, now: now() });
    if (added === "duplicate") throw new BadRequest([{ path: "code", message: DUPLICATE_LOCAL_CODE }]);
    if (added === "full") throw new BadRequest([{ path: "code", message: TOO_MANY_LOCAL_CODES }]);
    if (added === "not_admin") throw notAdminNow();
    return reply.code(201).send(added);
  });

  app.delete<{ Params: { id: string } }>(
    `${AAV5_CODES_PATH}/:id`,
    async (request, reply): Promise<ConfiguredLocalCode> => {
      const auth = await admin(request, reply);
      const removed = await store.removeLocalCode("aav5Antibody", idOf(request.params.id), {
        adminId: auth.user.id,
        now: now(),
      });
      if (removed === "not_found") throw new HttpError(404, NO_SUCH_CODE);
      if (removed === "not_admin") throw notAdminNow();
      return removed;
    },
  );
}
