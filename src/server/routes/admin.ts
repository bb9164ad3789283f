/**
 * Administration: accounts and practices (admins only). Accounts are deactivated, never deleted,
 * so the requests and decisions they made keep their names. An admin cannot lock themselves out:
 * their own account can be neither deactivated nor moved out of the admin role, and every change
 * re-checks, inside its transaction, that its admin still is one, so two admins deactivating each
 * other at once cannot leave none. A change to an account someone else has just changed is refused
 * (409), never merged. Every change is recorded with it, in the same transaction, and shown as the
 * account's history; a new name or password is recorded as changed, never by its value.
 */
import type { FastifyInstance } from "fastify";
import { type FieldError } from "@/criteria";
import {
  ROLE_LABELS,
  needsOwnPassword,
  NEEDS_OWN_PASSWORD,
  newUserSchema,
  practiceRuleMessage,
  practiceSchema,
  userChangeSchema,
  type AdminPractice,
  type AdminPracticeDetail,
  type AdminUser,
  type AdminUserDetail,
  type PracticeList,
  type UserList,
} from "@/contract";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { waitInWords } from "../auth/rate-limit";
import { requireUser } from "../auth/sessions";
import type { UserUpdate } from "../db/store";
import { BadRequest, HttpError, parseWithOwnMessages } from "../parse";
import type { Services } from "../services";

type IdParams = { Params: { id: string } };

const fieldError = (path: string, message: string): BadRequest => new BadRequest([{ path, message }]);

const EMAIL_TAKEN = "An account with this email address already exists: change that account instead";
const PRACTICE_TAKEN = "A practice with this name already exists";
const NO_SUCH_PRACTICE = "Practice must be chosen from the list of practices";
const HISTORY_LENGTH = 50;
const staleAccount = () =>
  new HttpError(409, "Someone else changed this account meanwhile. Reload it to see the change; nothing was saved.");
// The admin's session was valid when the call arrived, but the account was deactivated or moved
// out of the admin role before the change was written (checked inside the change's transaction).
const notAdminNow = () => new HttpError(403, "Your account is no longer an active administrator; nothing was saved");

function idOf(raw: string, what: string): number {
  const id = /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw new HttpError(404, `No ${what} with that id`);
  return id;
}

export function adminRoutes(app: FastifyInstance, { store, sessions, signInLimits, now }: Services): void {
  const admin = (request: Parameters<typeof requireUser>[1], reply: Parameters<typeof requireUser>[2]) =>
    requireUser(sessions, request, reply, ["admin"]);

  app.get("/api/admin/users", async (request, reply): Promise<UserList> => {
    await admin(request, reply);
    return { users: await store.listUsers() };
  });

  app.get<IdParams>("/api/admin/users/:id", async (request, reply): Promise<AdminUserDetail> => {
    await admin(request, reply);
    const account = await store.findAccount(idOf(request.params.id, "account"));
    if (account === undefined) throw new HttpError(404, "No account with that id");
    return {
      ...account,
      history: await store.accountHistory(account.id, HISTORY_LENGTH),
      lastSignedInAt: await store.lastSignIn(account.id),
    };
  });

  app.post("/api/admin/users", async (request, reply) => {
    const auth = await admin(request, reply);
    const { currentPassword, ...body } = parseWithOwnMessages(newUserSchema, request.body);
    if (needsOwnPassword({ roleBefore: null, roleAfter: body.role, settingPassword: true }))
      await confirmOwnPassword(auth.user.email, currentPassword, request.ip);
    if (body.practiceId !== null && (await store.findPractice(body.practiceId)) === undefined)
      throw fieldError("practiceId", NO_SUCH_PRACTICE);
    if ((await store.findUserByEmail(body.email)) !== undefined) throw fieldError("email", EMAIL_TAKEN);
    const passwordHash = await hashPassword(body.password);
    // The insert itself refuses a duplicate too: another admin may have added the address meanwhile.
    const created = await store.addUser({ ...body, passwordHash }, { adminId: auth.user.id, now: now() });
    if (created === "email_taken") throw fieldError("email", EMAIL_TAKEN);
    if (created === "not_admin") throw notAdminNow();
    return reply.code(201).send(created);
  });

  app.patch<IdParams>("/api/admin/users/:id", async (request, reply): Promise<AdminUser> => {
    const auth = await admin(request, reply);
    const id = idOf(request.params.id, "account");
    const account = await store.findAccount(id);
    if (account === undefined) throw new HttpError(404, "No account with that id");
    const { expectedRowVersion, currentPassword, ...change } = parseWithOwnMessages(userChangeSchema, request.body);
    // The version the admin saw, or (from a script that sent none) the one read just now: either
    // way a change made meanwhile by someone else is refused below, never merged with this one.
    const basis = expectedRowVersion ?? account.rowVersion;
    if (basis !== account.rowVersion) throw staleAccount();
    const self = id === auth.user.id;
    const errors: FieldError[] = [];
    if (self && change.active === false)
      errors.push({ path: "active", message: "You cannot deactivate your own account: ask another administrator" });
    if (self && change.role !== undefined && change.role !== "admin")
      errors.push({ path: "role", message: "You cannot change your own role: ask another administrator" });

    const role = change.role ?? account.role;
    // Moving someone out of office staff takes them out of their practice unless the change says otherwise.
    const practiceId =
      change.practiceId !== undefined ? change.practiceId : role === "staff" ? account.practiceId : null;
    if ((role === "staff") !== (practiceId !== null))
      errors.push({ path: "practiceId", message: practiceRuleMessage(role) });
    else if (practiceId !== null && (await store.findPractice(practiceId)) === undefined)
      errors.push({ path: "practiceId", message: NO_SUCH_PRACTICE });
    if (errors.length > 0) throw new BadRequest(errors);
    // A stolen admin session must not be able to give anyone a way in or more reach.
    if (
      needsOwnPassword({
        roleBefore: account.role,
        roleAfter: role,
        settingPassword: change.password !== undefined,
        reactivating: change.active === true && !account.active,
        practiceChanges: practiceId !== account.practiceId,
      })
    )
      await confirmOwnPassword(auth.user.email, currentPassword, request.ip);

    const update: UserUpdate = {};
    const changed: string[] = [];
    if (change.name !== undefined && change.name !== account.name) {
      update.name = change.name;
      changed.push("name");
    }
    if (role !== account.role) {
      update.role = role;
      changed.push(`role ${ROLE_LABELS[account.role]} → ${ROLE_LABELS[role]}`);
    }
    if (practiceId !== account.practiceId) {
      update.practiceId = practiceId;
      const to = practiceId === null ? "none" : ((await store.findPractice(practiceId))?.name ?? "none");
      changed.push(`practice ${account.practiceName ?? "none"} → ${to}`);
    }
    if (change.password !== undefined) {
      update.passwordHash = await hashPassword(change.password);
      changed.push("password set");
    }
    if (change.active !== undefined && change.active !== account.active) {
      update.active = change.active;
      changed.push(change.active ? "reactivated" : "deactivated");
    }
    // Whoever held the account's sessions signs in again under the new terms (the admin's own stays).
    const endSessions =
      update.active === false ||
      update.passwordHash !== undefined ||
      update.role !== undefined ||
      update.practiceId !== undefined;
    const updated = await store.updateUser(
      id,
      basis,
      update,
      { endSessions, keepSession: self ? auth.idHash : null, detail: changed.join(", ") },
      { adminId: auth.user.id, now: now() },
    );
    if (updated === "not_found") throw new HttpError(404, "No account with that id");
    if (updated === "stale") throw staleAccount();
    if (updated === "not_admin") throw notAdminNow();
    return updated;
  });

  /** The acting admin's own password, counted against the same limits as sign-in. */
  async function confirmOwnPassword(email: string, password: string | undefined, address: string): Promise<void> {
    if (password === undefined || password === "") throw fieldError("currentPassword", NEEDS_OWN_PASSWORD);
    const wait = await signInLimits.begin(email, address);
    if (wait > 0) throw new HttpError(429, `Too many wrong passwords. Try again in ${waitInWords(wait)}.`);
    const own = await store.findUserByEmail(email);
    if (own === undefined || !(await verifyPassword(password, own.passwordHash)))
      throw fieldError("currentPassword", "Your current password is not right");
    await signInLimits.succeeded(email, address);
  }

  app.get("/api/admin/practices", async (request, reply): Promise<PracticeList> => {
    await admin(request, reply);
    return { practices: await store.listPractices() };
  });

  app.get<IdParams>("/api/admin/practices/:id", async (request, reply): Promise<AdminPracticeDetail> => {
    await admin(request, reply);
    const practice = await store.findPractice(idOf(request.params.id, "practice"));
    if (practice === undefined) throw new HttpError(404, "No practice with that id");
    return { ...practice, history: await store.practiceHistory(practice.id, HISTORY_LENGTH) };
  });

  app.post("/api/admin/practices", async (request, reply) => {
    const auth = await admin(request, reply);
    const { name } = parseWithOwnMessages(practiceSchema, request.body);
    const created = await store.addPractice(name, { adminId: auth.user.id, now: now() });
    if (created === "name_taken") throw fieldError("name", PRACTICE_TAKEN);
    if (created === "not_admin") throw notAdminNow();
    return reply.code(201).send(created);
  });

  app.patch<IdParams>("/api/admin/practices/:id", async (request, reply): Promise<AdminPractice> => {
    const auth = await admin(request, reply);
    const id = idOf(request.params.id, "practice");
    if ((await store.findPractice(id)) === undefined) throw new HttpError(404, "No practice with that id");
    const { name } = parseWithOwnMessages(practiceSchema, request.body);
    const renamed = await store.renamePractice(id, name, { adminId: auth.user.id, now: now() });
    if (renamed === "not_found") throw new HttpError(404, "No practice with that id");
    if (renamed === "name_taken") throw fieldError("name", PRACTICE_TAKEN);
    if (renamed === "not_admin") throw notAdminNow();
    return renamed;
  });
}
