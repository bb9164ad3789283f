/** Sign-in, sign-out, who am I, and (demo mode only) the demo accounts. */
import type { FastifyInstance } from "fastify";
import { signInSchema, type SessionInfo } from "@/contract";
import { DUMMY_HASH_PROMISE, verifyPassword } from "../auth/passwords";
import { waitInWords } from "../auth/rate-limit";
import { csrfValid } from "../auth/sessions";
import { DEMO_USERS } from "../demo";
import { HttpError, parseWith } from "../parse";
import type { Services } from "../services";

export function sessionRoutes(app: FastifyInstance, { store, sessions, signInLimits, config, now }: Services): void {
  app.post("/api/session", async (request, reply): Promise<SessionInfo> => {
    const body = parseWith(signInSchema, request.body, "Sign in with a JSON object holding email and password");
    const email = body.email.trim().toLowerCase();
    // Counted (when it may go ahead) before the (slow) password check, so parallel guesses cannot all
    // slip through; a correct sign-in is then forgiven, so colleagues behind one address never lock each other out.
    const wait = await signInLimits.begin(email, request.ip);
    if (wait > 0) {
      reply.header("retry-after", String(wait));
      throw new HttpError(429, `Too many sign-in attempts. Try again in ${waitInWords(wait)}.`);
    }
    const user = await store.findUserByEmail(email);
    const valid = await verifyPassword(body.password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (user === undefined || !valid) throw new HttpError(401, "The email address or password is not right");
    // Said only to someone who knows the password: it tells them whom to ask, and an attacker nothing.
    if (!user.active) throw new HttpError(403, "This account is deactivated. Ask your administrator to reactivate it.");
    await signInLimits.succeeded(email, request.ip);
    const { passwordHash: _hash, active: _active, ...publicUser } = user;
    const auth = await sessions.start(reply, publicUser);
    request.userId = user.id;
    await store.recordAccountEvent(user.id, user.id, "signed in", "", now());
    return { user: auth.user, csrfToken: auth.csrfToken };
  });

  // Signed out is an answer, not an error: 204 (a 401 here would be logged as a failure in every browser console).
  app.get("/api/session", async (request, reply) => {
    const auth = await sessions.current(request, reply);
    if (auth === undefined) return reply.code(204).send();
    const info: SessionInfo = { user: auth.user, csrfToken: auth.csrfToken };
    return info;
  });

  app.delete("/api/session", async (request, reply) => {
    const auth = await sessions.current(request, reply);
    if (auth !== undefined && !csrfValid(request, auth))
      throw new HttpError(403, "The form is out of date: reload the page and try again");
    await sessions.end(reply, auth);
    return reply.code(204).send();
  });

  app.get("/api/demo", async () => ({
    demo: config.MODE === "demo",
    users:
      config.MODE === "demo"
        ? DEMO_USERS.map(({ email, password, role, name }) => ({ email, password, role, name }))
        : [],
  }));
}
