/**
 * A signed-in staff member's draft, kept on the server so it can be resumed on another computer.
 * Each save carries a stamp the browser chose, so a browser tells its own save from another
 * computer's; a draft that amends a request says which. Submitting (or amending) ends the draft.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { draftMetaSchema, type DraftAnswer } from "@/contract";
import { requireUser } from "../auth/sessions";
import { HttpError, parseWith } from "../parse";
import type { Services } from "../services";

const MAX_DRAFT_BYTES = 200 * 1024;
/** A wizard draft is a few levels deep; anything deeper is not a draft (and would overflow JSON.stringify). */
const MAX_DRAFT_DEPTH = 16;

function depthWithin(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined || typeof next.value !== "object" || next.value === null) continue;
    if (next.depth >= limit) return false;
    for (const child of Object.values(next.value)) stack.push({ value: child, depth: next.depth + 1 });
  }
  return true;
}

export function draftRoutes(app: FastifyInstance, { store, sessions, now, documents }: Services): void {
  app.get("/api/draft", async (request, reply) => {
    const { user } = await requireUser(sessions, request, reply, ["staff"]);
    const draft = await store.getDraft(user.id);
    if (draft === undefined) return reply.code(204).send();
    const answer: DraftAnswer = {
      draft: JSON.parse(draft.content) as unknown,
      stamp: draft.stamp,
      amends: draft.amends,
      updatedAt: draft.updatedAt,
    };
    return answer;
  });

  app.put("/api/draft", async (request, reply) => {
    const { user } = await requireUser(sessions, request, reply, ["staff"]);
    const body = request.body as { draft?: unknown; stamp?: unknown; amends?: unknown } | undefined;
    if (typeof body?.draft !== "object" || body.draft === null || Array.isArray(body.draft)) {
      throw new HttpError(400, "The draft must be an object");
    }
    if (!depthWithin(body.draft, MAX_DRAFT_DEPTH)) throw new HttpError(400, "The draft is nested too deeply");
    const { stamp, amends } = parseWith(
      draftMetaSchema,
      { stamp: body.stamp, amends: body.amends },
      "The draft's stamp and amends must be as the API describes",
    );
    const content = JSON.stringify(body.draft);
    if (content.length > MAX_DRAFT_BYTES) throw new HttpError(413, "The draft is too large");
    await store.putDraft(
      user.id,
      { content, stamp: stamp ?? randomBytes(12).toString("base64url"), amends: amends ?? null },
      now(),
    );
    return reply.code(204).send();
  });

  /** The person discarded the request: nothing is left to resume anywhere. */
  app.delete("/api/draft", async (request, reply) => {
    const { user } = await requireUser(sessions, request, reply, ["staff"]);
    const discarded = await store.getDraft(user.id);
    await store.deleteDraft(user.id);
    // Its documents too (#11), and only its own: those uploaded for the other kind of draft (a new
    // request beside an amendment) stay. With no draft saved yet, the new request's.
    await documents.discardDraft(user.id, discarded?.amends?.reference ?? null);
    return reply.code(204).send();
  });
}
