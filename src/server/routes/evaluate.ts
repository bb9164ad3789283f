/**
 * POST /api/evaluate: a request document in, the evaluation out (the same JSON as the
 * command-line evaluator); invalid input → 400 with the same errors. No sign-in, nothing stored.
 */
import type { FastifyInstance } from "fastify";
import { checkRequest } from "@/criteria";

export function evaluateRoute(app: FastifyInstance): void {
  app.post("/api/evaluate", async (request, reply) => {
    const result = checkRequest(request.body);
    return reply.code("errors" in result ? 400 : 200).send(result);
  });
}
