/** The Fastify application: API routes plus the built single-page app, in one process. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { HttpError } from "./auth/sessions";
import { BadRequest } from "./parse";
import { adminRoutes } from "./routes/admin";
import { draftRoutes } from "./routes/drafts";
import { evaluateRoute } from "./routes/evaluate";
import { requestRoutes } from "./routes/requests";
import { sessionRoutes } from "./routes/session";
import { addSecurityHeaders } from "./security-headers";
import type { Services } from "./services";

const BODY_LIMIT_BYTES = 256 * 1024;

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy:
      config.TRUST_PROXY_HOPS === 0 ? false : (_address: string, hop: number) => hop < config.TRUST_PROXY_HOPS,
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
  addSecurityHeaders(app);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof BadRequest) return reply.code(400).send({ errors: error.errors });
    if (error instanceof HttpError) return reply.code(error.statusCode).send({ error: error.message });
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === "number"
        ? (error as { statusCode: number }).statusCode
        : 500;
    if (status < 500) {
      // Fastify's own 4xx (bad JSON, too large, wrong content type): its message names no patient data.
      return reply.code(status).send({ error: status === 413 ? "The request is too large" : (error as Error).message });
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

  const staticRoot = resolve(config.STATIC_DIR);
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
    if (isAppRoute && hasWebApp) return reply.type("text/html").sendFile("index.html");
    return reply.code(404).send({ error: "Not found" });
  });
  return app;
}
