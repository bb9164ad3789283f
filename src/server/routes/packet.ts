/**
 * `GET /api/requests/:reference/packet`: the submission packet (#11, item 5), one PDF of the cover
 * and the current version's documents. Authorised exactly as reading the request (another
 * practice's: 404; signed out: 401) and audited. Built into a spool file, one document at a time
 * (packet/build-packet.ts), then streamed with its length: a failure while building is a clean 500,
 * never a cut-off PDF, and the file goes once sent.
 */
import { createReadStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DOCUMENT_LIMITS } from "@/contract";
import { requireUser } from "../auth/sessions";
import { contentDisposition } from "../documents/names";
import { spoolName } from "../documents/spool";
import { buildPacket, type PacketDocument } from "../packet/build-packet";
import { packetContents } from "../packet/packet-contents";
import { HttpError } from "../parse";
import type { Services } from "../services";
import { DOCUMENT_CSP } from "./documents";

/** Packets built at once by this process (each holds one document in memory while it is copied). */
const CONCURRENT_BUILDS = 2;
/** Written to the spool in pieces of about this size, not object by object. */
const WRITE_BUFFER = 1024 * 1024;

class PacketTooLarge extends Error {}

export function packetRoutes(app: FastifyInstance, services: Services): void {
  const { store, sessions, now, documents, config } = services;
  let building = 0;
  const waiting: (() => void)[] = [];
  async function turn<T>(work: () => Promise<T>): Promise<T> {
    if (building >= CONCURRENT_BUILDS) await new Promise<void>((resolve) => waiting.push(resolve));
    else building += 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next === undefined) building -= 1;
      else next();
    }
  }

  /** The bytes under `key`, whole (one document at a time is what the packet holds). */
  async function readWhole(key: string): Promise<Uint8Array> {
    const opened = await documents.bytes.open(key);
    if (opened === undefined) throw new Error("document bytes missing");
    const whole = new Uint8Array(opened.size);
    let at = 0;
    for await (const chunk of opened.stream as AsyncIterable<Buffer>) {
      if (at + chunk.length > whole.length) throw new Error("document bytes longer than stored");
      whole.set(chunk, at);
      at += chunk.length;
    }
    if (at !== whole.length) throw new Error("document bytes shorter than stored");
    return whole;
  }

  // After the app's own headers (its onSend runs first): the packet's CSP is the documents' sandbox.
  const sandboxed = {
    onSend: async (_request: FastifyRequest, reply: FastifyReply) => {
      reply.header("content-security-policy", DOCUMENT_CSP);
    },
  };

  app.get<{ Params: { reference: string } }>("/api/requests/:reference/packet", sandboxed, async (request, reply) => {
    const auth = await requireUser(sessions, request, reply, ["staff", "reviewer", "admin"]);
    const scope = { practiceId: auth.user.role === "staff" ? auth.user.practiceId : null };
    const stored = await store.findRequest(request.params.reference.toUpperCase(), scope, now());
    if (stored === undefined) throw new HttpError(404, "No request with that reference");

    const filed = await documents.rows.requestDocuments(stored.id);
    const current = new Set(
      (await documents.rows.versionDocuments(stored.id)).find((v) => v.version === stored.version)?.documents ?? [],
    );
    const contents = packetContents(
      stored,
      filed.filter((doc) => current.has(doc.info.id)),
      config.TIME_ZONE,
    );
    let budget = DOCUMENT_LIMITS.maxRequestBytes;
    const sources: PacketDocument[] = contents.documents.map((doc) => ({
      fileName: doc.info.fileName,
      item: contents.items.get(doc) ?? "",
      pages: doc.info.pages,
      kind: doc.info.viewType === "image/png" ? "png" : doc.info.viewType === "image/jpeg" ? "jpeg" : "pdf",
      read: async () => {
        const bytes = await readWhole(doc.renditionKey ?? doc.storageKey);
        budget -= bytes.length;
        if (budget < 0) throw new PacketTooLarge();
        return bytes;
      },
    }));

    const path = join(documents.bytes.spoolDir, spoolName());
    let size = 0;
    try {
      await turn(async () => {
        // writeFile on the handle writes all of each piece at the current position (write() may write part).
        const file = await open(path, "wx", 0o600);
        try {
          let pending: Uint8Array[] = [];
          let pendingBytes = 0;
          const drain = async () => {
            if (pendingBytes === 0) return;
            await file.writeFile(Buffer.concat(pending, pendingBytes));
            size += pendingBytes;
            pending = [];
            pendingBytes = 0;
          };
          await buildPacket(contents.facts, sources, async (bytes) => {
            if (bytes.length >= WRITE_BUFFER) {
              // A large stream (a scan) goes as it is, not copied into the buffer.
              await drain();
              await file.writeFile(bytes);
              size += bytes.length;
              return;
            }
            pending.push(bytes);
            pendingBytes += bytes.length;
            if (pendingBytes >= WRITE_BUFFER) await drain();
          });
          await drain();
        } finally {
          await file.close();
        }
      });
    } catch (error) {
      await rm(path, { force: true });
      if (error instanceof PacketTooLarge)
        throw new HttpError(
          413,
          "The documents of this request come to more than 150 MB, more than one packet holds. Download them one by one from the request.",
        );
      throw error;
    }
    await store.recordAudit(
      stored.id,
      auth.user.id,
      "downloaded the submission packet",
      `version ${stored.version}`,
      now(),
    );
    const stream = createReadStream(path);
    stream.once("close", () => void rm(path, { force: true }));
    return reply
      .type("application/pdf")
      .header("content-length", size)
      .header("content-disposition", contentDisposition("attachment", `${stored.reference} submission packet.pdf`))
      .header("x-content-type-options", "nosniff")
      .send(stream);
  });
}
