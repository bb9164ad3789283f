/** The questions about an account, shared by "add an account" and "change details". */
import { useFormContext, useWatch } from "react-hook-form";
import { ROLE_LABELS, ROLES, needsOwnPassword, type AdminPractice, type Role } from "@/contract";
import { Radios, Select, TextField } from "@/web/components/form-fields";

const ROLE_HINTS: Readonly<Record<Role, string>> = {
  staff: "Fills out and submits requests for one practice",
  reviewer: "Reviews every practice's requests and records decisions",
  admin: "Manages accounts and practices, and can read every request",
};

export interface AccountValues {
  name: string;
  role: Role | "";
  practiceId: string;
  /** The acting admin's own password: asked when adding an account or changing a role. */
  currentPassword: string;
}

/** The practice only matters (and is only sent) for office staff. */
export const practiceOf = (values: Pick<AccountValues, "role" | "practiceId">): number | null =>
  values.role === "staff" && values.practiceId !== "" ? Number(values.practiceId) : null;

/** The account as it is now, against which the answers are a change. */
export interface AccountNow {
  role: Role;
  practiceId: number | null;
}

/** Whether these answers change the account's reach (role or practice), which needs the acting admin's own password. */
const asksOwnPassword = (values: Pick<AccountValues, "role" | "practiceId">, now: AccountNow): boolean =>
  values.role !== "" &&
  needsOwnPassword({
    roleBefore: now.role,
    roleAfter: values.role,
    settingPassword: false,
    practiceChanges: practiceOf(values) !== now.practiceId,
  });

/** The confirmation the server asks for when a change gives the account another role or practice. */
export const ownPasswordIfReachChanges = (values: AccountValues, now: AccountNow): { currentPassword?: string } =>
  asksOwnPassword(values, now) ? { currentPassword: values.currentPassword } : {};

/** The acting admin's own password, last on the page: `why` says what it protects against. */
export function OwnPasswordField({ why }: { why: string }) {
  return (
    <TextField
      name="currentPassword"
      type="password"
      label="Your current password"
      hint={why}
      autoComplete="current-password"
    />
  );
}

export function AccountFields({
  practices,
  roleLocked = false,
}: {
  practices: readonly AdminPractice[];
  /** An admin's own role: shown, not changeable (they would lock themselves out). */
  roleLocked?: boolean;
}) {
  const { control } = useFormContext<AccountValues>();
  const role = useWatch({ control, name: "role" });
  return (
    <>
      <TextField name="name" label="Full name" autoComplete="off" />
      {roleLocked ? (
        <p className="mb-6">
          <span className="block text-lg font-bold">Role</span>
          {ROLE_LABELS.admin}. You cannot change your own role; another administrator can.
        </p>
      ) : (
        <Radios
          name="role"
          legend="Role"
          options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value], hint: ROLE_HINTS[value] }))}
        />
      )}
      {role === "staff" && (
        <Select
          name="practiceId"
          label="Practice"
          hint="Office staff see only their practice's requests. Not listed? Add it under Practices first."
          options={practices.map((p) => ({ value: String(p.id), label: p.name }))}
        />
      )}
    </>
  );
}

/** The acting admin's own password when the answers change the account's role or practice. */
export function OwnPasswordIfReachChanges({ now }: { now: AccountNow }) {
  const { control } = useFormContext<AccountValues>();
  const [role, practiceId] = useWatch({ control, name: ["role", "practiceId"] });
  return asksOwnPassword({ role, practiceId }, now) ? (
    <OwnPasswordField why="Changing someone's role or practice needs your own password, so a session left open cannot be used to give anyone other patients' records." />
  ) : null;
}
