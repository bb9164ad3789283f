/** The Fastify application: API routes plus the built single-page app, in one process. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { Config } from "./config";
import { evaluateRoute } from "./routes/evaluate";
import { addSecurityHeaders } from "./security-headers";

const BODY_LIMIT_BYTES = 256 * 1024;

export async function buildApp(config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: {
      level: config.LOG_LEVEL,
      // Request bodies carry patient data: log method, route and status only.
      serializers: {
        req: (req: { method: string; routeOptions?: { url?: string }; id: string }) => ({
          id: req.id,
          method: req.method,
          route: req.routeOptions?.url,
        }),
      },
    },
  });
  addSecurityHeaders(app);

  app.get("/api/health", (_request, reply) => reply.send({ status: "ok" }));
  evaluateRoute(app);

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
