/**
 * The admin API (users and practices), shared by the admin screens and the server. Every check
 * carries its own sentence, naming the field and what is accepted, so the form can show the
 * server's words beside the field and the server never answers with zod's defaults.
 */
import { z } from "zod/mini";
import { ROLES, type AuditRecord, type Role, type SessionUser } from "./api";

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 200;
const MAX_NAME_LENGTH = 100;
const MAX_EMAIL_LENGTH = 200;
const MAX_PRACTICE_NAME_LENGTH = 120;

// Deliberately loose (one @, a dot in the domain, no spaces): the real check is that mail arrives.
const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
// Control characters in a name only ever come from a paste gone wrong; they break tables and notices.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  staff: "Office staff",
  reviewer: "Medical-director reviewer",
  admin: "Administrator",
};

const personName = z.string("Full name must be text").check(
  z.trim(),
  z.refine((v) => v.length > 0, "Enter the person's full name"),
  z.refine((v) => v.length <= MAX_NAME_LENGTH, `Full name must be ${MAX_NAME_LENGTH} characters or fewer`),
  z.refine((v) => !CONTROL.test(v), "Full name must not contain control characters"),
);

const email = z.string("Email address must be text").check(
  z.trim(),
  z.toLowerCase(),
  z.refine((v) => v.length > 0, "Enter the email address"),
  z.refine((v) => v.length <= MAX_EMAIL_LENGTH, `Email address must be ${MAX_EMAIL_LENGTH} characters or fewer`),
  z.refine((v) => EMAIL_SHAPE.test(v), "Enter an email address in the correct format, like name@example.org"),
);

const role = z.enum(ROLES, "Choose a role: staff, reviewer or admin");

const practiceId = z.nullable(
  z
    .int("Practice must be chosen from the list of practices")
    .check(z.refine((v) => v >= 1, "Practice must be chosen from the list of practices")),
);

const password = z.string("Password must be text").check(
  z.refine(
    (v) => v.length >= MIN_PASSWORD_LENGTH,
    `Password must be at least ${MIN_PASSWORD_LENGTH} characters (a few unrelated words make a good one)`,
  ),
  z.refine((v) => v.length <= MAX_PASSWORD_LENGTH, `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`),
);

/** Staff belong to exactly one practice; reviewers and admins to none. */
export const practiceRuleMessage = (value: Role): string =>
  value === "staff" ? "Choose the practice this person works for" : "Only office staff belong to a practice";
const practiceFitsRole = (user: { role: Role; practiceId: number | null }): boolean =>
  (user.role === "staff") === (user.practiceId !== null);

/** What the server says when a change needs the acting admin's own password (see `needsOwnPassword`). */
export const NEEDS_OWN_PASSWORD =
  "Enter your own current password: adding an account, changing a role or practice, setting a password or reactivating an account needs it";

/** The acting admin's own password: always for a new account; for a change, when `needsOwnPassword` says. */
const ownPassword = z
  .string({ error: (issue) => (issue.input === undefined ? NEEDS_OWN_PASSWORD : "Your current password must be text") })
  .check(z.refine((v) => v.length <= MAX_PASSWORD_LENGTH, "Your current password is not right"));
const currentPassword = z.optional(ownPassword);

const accountFields = { name: personName, email, role, practiceId: z._default(practiceId, null), password };
const practiceFits = <T extends { role: Role; practiceId: number | null }>() =>
  z.superRefine<T>((user, ctx) => {
    if (!practiceFitsRole(user))
      ctx.issues.push({ code: "custom", path: ["practiceId"], message: practiceRuleMessage(user.role), input: user });
  });

/** A new account as the operator's `npm run user:add` makes it: on the server's own machine, no admin acting. */
export const newAccountSchema = z.object(accountFields, "The body must be a JSON object").check(practiceFits());

/** POST /api/admin/users: a new account, confirmed with the acting admin's own password. */
export const newUserSchema = z
  .object(
    { ...accountFields, currentPassword: ownPassword.check(z.refine((v) => v !== "", NEEDS_OWN_PASSWORD)) },
    "The body must be a JSON object",
  )
  .check(practiceFits());
export type NewUserInput = z.infer<typeof newUserSchema>;

/**
 * Whether a change needs the acting admin's own current password: anything that gives someone a
 * way in or other reach: adding an account (`roleBefore` null), changing a role, setting a password
 * (anyone's), reactivating an account, moving office staff to another practice (its patients). A
 * stolen or unattended admin session alone then cannot mint an account, take one over, bring a
 * departed one back, or point one at other patients. Renaming and deactivating do not
 * (deactivating only ever takes access away).
 */
export function needsOwnPassword(change: {
  roleBefore: Role | null;
  roleAfter: Role;
  settingPassword: boolean;
  reactivating?: boolean;
  practiceChanges?: boolean;
}): boolean {
  const adding = change.roleBefore === null;
  const roleChanges = change.roleBefore !== null && change.roleAfter !== change.roleBefore;
  return (
    adding || roleChanges || change.settingPassword || change.reactivating === true || change.practiceChanges === true
  );
}

/**
 * A change to an account: any of its parts. Role and practice are checked together on the
 * server against the stored account, since either may be left out.
 */
export const userChangeSchema = z
  .object(
    {
      name: z.optional(personName),
      role: z.optional(role),
      practiceId: z.optional(practiceId),
      password: z.optional(password),
      active: z.optional(z.boolean("Active must be true or false")),
      currentPassword,
      expectedRowVersion: z.optional(
        z
          .int("expectedRowVersion must be the account's rowVersion, a whole number")
          .check(z.refine((v) => v >= 1, "expectedRowVersion must be the account's rowVersion, 1 or more")),
      ),
    },
    "The body must be a JSON object",
  )
  .check(
    z.refine(
      ({ expectedRowVersion: _version, currentPassword: _current, ...change }) =>
        Object.values(change).some((v) => v !== undefined),
      "Say what to change: name, role, practiceId, password or active",
    ),
  );
export type UserChange = z.infer<typeof userChangeSchema>;

export const practiceSchema = z.object(
  {
    name: z.string("Practice name must be text").check(
      z.trim(),
      z.refine((v) => v.length > 0, "Enter the practice's name"),
      z.refine(
        (v) => v.length <= MAX_PRACTICE_NAME_LENGTH,
        `Practice name must be ${MAX_PRACTICE_NAME_LENGTH} characters or fewer`,
      ),
      z.refine((v) => !CONTROL.test(v), "Practice name must not contain control characters"),
    ),
  },
  "The body must be a JSON object",
);

export type PracticeInput = z.infer<typeof practiceSchema>;

/** An account as admins see it: what a session knows of its user, and whether it may sign in. */
export interface AdminUser extends SessionUser {
  active: boolean;
  createdAt: string;
  /** Sent back with a change: a change to an account someone else has just changed is refused. */
  rowVersion: number;
}

/** One account as its page shows it: its latest changes (newest first) and its last sign-in. */
export interface AdminUserDetail extends AdminUser {
  history: AuditRecord[];
  lastSignedInAt: string | null;
}

export interface AdminPractice {
  id: number;
  name: string;
  /** Active accounts of the practice. */
  users: number;
  requests: number;
}

/** One practice as its page shows it: with its history (added, renamed), newest first. */
export interface AdminPracticeDetail extends AdminPractice {
  history: AuditRecord[];
}

/** GET /api/admin/users. */
export interface UserList {
  users: AdminUser[];
}

/** GET /api/admin/practices. */
export interface PracticeList {
  practices: AdminPractice[];
}
