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
export const practiceOf = (values: AccountValues): number | null =>
  values.role === "staff" && values.practiceId !== "" ? Number(values.practiceId) : null;

/** Whether changing an account from role `from` to these answers needs the acting admin's own password. */
const asksOwnPassword = (role: Role | "", from: Role): boolean =>
  role !== "" && needsOwnPassword({ roleBefore: from, roleAfter: role, settingPassword: false });

/** The confirmation the server asks for when a change gives the account another role. */
export const ownPasswordIfRoleChanges = (values: AccountValues, from: Role): { currentPassword?: string } =>
  asksOwnPassword(values.role, from) ? { currentPassword: values.currentPassword } : {};

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

/** The acting admin's own password when the answers change the account's role (`from`: the role now). */
export function OwnPasswordIfRoleChanges({ from }: { from: Role }) {
  const { control } = useFormContext<AccountValues>();
  const role = useWatch({ control, name: "role" });
  return asksOwnPassword(role, from) ? (
    <OwnPasswordField why="Changing someone's role needs your own password, so a session left open cannot be used to widen anyone's access." />
  ) : null;
}
