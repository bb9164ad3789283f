/** The Fastify application: API routes plus the built single-page app, in one process. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { StoreUnavailable } from "./db/store-errors";
import { BadRequest, HttpError } from "./parse";
import { adminRoutes } from "./routes/admin";
import { documentRoutes } from "./routes/documents";
import { packetRoutes } from "./routes/packet";
import { recordImportSettingsRoutes } from "./routes/record-import-settings";
import { draftRoutes } from "./routes/drafts";
import { evaluateRoute } from "./routes/evaluate";
import { fhirRoutes } from "./routes/fhir";
import { requestRoutes } from "./routes/requests";
import { sessionRoutes } from "./routes/session";
import { addSecurityHeaders, applySecurityHeaders, contentSecurityPolicy } from "./security-headers";
import { readInlineHashes } from "./inline-hashes";
import type { Services } from "./services";

const BODY_LIMIT_BYTES = 256 * 1024;

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in account making this request, once its session is known (for the request log). */
    userId: number | null;
  }
}

/**
 * The line logged when a request completes also says which account (if signed in) and which client
 * address made it, for investigating incidents. Never the path, query or body (see the serializers).
 */
class AccountableLogController extends LogController {
  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const who = { userId: request.userId, ip: request.ip };
    if (error) reply.log.error({ res: reply, err: error, responseTime: reply.elapsedTime, ...who }, "request errored");
    else reply.log.info({ res: reply, responseTime: reply.elapsedTime, ...who }, "request completed");
  }
}

/**
 * Fastify's own 4xx (bad JSON, too large, wrong content type), in words that say what is accepted.
 * Its messages can quote what was sent (a fragment of the body), so they are never passed on.
 */
function clientErrorMessage(status: number, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (status === 413) return "The request is too large";
  if (status === 415) return "Send the body as JSON, with Content-Type: application/json";
  if (code === "FST_ERR_CTP_EMPTY_JSON_BODY") return "The body is empty: send a JSON object";
  if (status === 400 && typeof code === "string" && code.startsWith("FST_ERR_CTP"))
    return "The body is not valid JSON: send a JSON object";
  if (status === 400) return "The request is not valid JSON";
  return "The request was refused";
}

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const { config } = services;
  const staticRoot = resolve(config.STATIC_DIR);
  // The build's own inline script (by hash) and the FHIR servers the page may read records from.
  const csp = contentSecurityPolicy(readInlineHashes(staticRoot), config.FHIR_SERVERS);
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    // No request may hold a connection (and an upload its spool file) for ever: a trickling upload
    // is cut after 10 minutes (150 MB at 2 Mbit/s fits).
    requestTimeout: 10 * 60_000,
    trustProxy:
      config.TRUST_PROXY_HOPS === 0 ? false : (_address: string, hop: number) => hop < config.TRUST_PROXY_HOPS,
    logController: new AccountableLogController(),
    // A malformed address ("%zz") is answered before any hook: in our words (Fastify's quote the
    // address, which can carry patient data) and with the headers every answer carries.
    frameworkErrors: (_error, request, frameworkReply) => {
      const reply = frameworkReply as unknown as FastifyReply;
      reply.code(400);
      applySecurityHeaders(reply, request, config.MODE === "production", csp);
      void reply.send({ error: "The address is not valid: it has a malformed %-escape" });
    },
    logger: {
      level: config.LOG_LEVEL,
      // Bodies, query strings and paths can carry patient data: log method, route pattern and status only.
      serializers: {
        req: (req: { method: string; routeOptions?: { url?: string }; id: string }) => ({
          id: req.id,
          method: req.method,
          route: req.routeOptions?.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
  addSecurityHeaders(app, { production: config.MODE === "production", csp });
  // JSON only (and multipart where a route says so): a text/plain body is what a cross-site form
  // can send without a preflight, and nothing here reads text.
  app.removeContentTypeParser("text/plain");
  app.decorateRequest("userId", null);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof BadRequest) return reply.code(400).send({ errors: error.errors });
    if (error instanceof HttpError) return reply.code(error.statusCode).send({ error: error.message });
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === "number"
        ? (error as { statusCode: number }).statusCode
        : 500;
    if (status < 500) return reply.code(status).send({ error: clientErrorMessage(status, error) });
    // The database is away (restarting, unreachable): nothing was changed, and trying again later works.
    if (error instanceof StoreUnavailable) {
      request.log.warn({ err: { type: "StoreUnavailable" } }, "database unavailable");
      return reply
        .code(503)
        .header("retry-after", "5")
        .send({ error: "The service is briefly unavailable. Your request was not changed; try again in a moment." });
    }
    // The type and stack say where it failed; the message could quote patient data, so it is left out.
    const type = error instanceof Error ? error.constructor.name : typeof error;
    const frames = error instanceof Error ? error.stack?.split("\n").slice(1).join("\n") : undefined;
    request.log.error({ err: { type, stack: frames } }, "request failed");
    return reply
      .code(500)
      .send({ error: "Something went wrong on our side. Your request was not changed; try again." });
  });

  app.get("/api/health", (_request, reply) => reply.send({ status: "ok" }));
  evaluateRoute(app);
  sessionRoutes(app, services);
  draftRoutes(app, services);
  requestRoutes(app, services);
  adminRoutes(app, services);
  recordImportSettingsRoutes(app, services);
  await documentRoutes(app, services);
  fhirRoutes(app, services);
  packetRoutes(app, services);

  const hasWebApp = existsSync(resolve(staticRoot, "index.html"));
  if (hasWebApp) {
    await app.register(fastifyStatic, { root: staticRoot, preCompressed: true, index: "index.html" });
  } else {
    app.log.warn(`No built web app in ${staticRoot}; run "npm run build" to serve it`);
  }

  // The SPA answers its own routes (paths without a file extension); API paths and missing files get a real 404.
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const isAppRoute = request.method === "GET" && !path.startsWith("/api/") && !/\.[a-z0-9]+$/i.test(path);
    if (isAppRoute && hasWebApp) return reply.type("text/html").sendFile(prerenderedPage(staticRoot, path));
    return reply.code(404).send({ error: "Not found" });
  });
  return app;
}

/** The build's HTML for an app path (scripts/prerender.ts): the start page's, a wizard step's own, else the shell. */
function prerenderedPage(staticRoot: string, path: string): string {
  if (path === "/") return "index.html";
  const step = /^\/request\/[a-z-]+$/.test(path) ? `${path.slice(1)}.html` : undefined;
  if (step !== undefined && existsSync(resolve(staticRoot, step))) return step;
  return existsSync(resolve(staticRoot, "shell.html")) ? "shell.html" : "index.html";
}
