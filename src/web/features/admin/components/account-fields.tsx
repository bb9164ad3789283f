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
  /** The acting admin's own password: asked only when this makes someone an administrator. */
  currentPassword: string;
}

/** The practice only matters (and is only sent) for office staff. */
export const practiceOf = (values: AccountValues): number | null =>
  values.role === "staff" && values.practiceId !== "" ? Number(values.practiceId) : null;

/** The confirmation the server asks for when the answers make someone an administrator (`from`: their role now). */
export const ownPasswordIfMakingAdmin = (values: AccountValues, from: Role | null): { currentPassword?: string } =>
  needsOwnPassword({ self: false, roleBefore: from, roleAfter: values.role as Role, settingPassword: from === null })
    ? { currentPassword: values.currentPassword }
    : {};

export function AccountFields({
  practices,
  roleLocked = false,
  roleNow = null,
}: {
  practices: readonly AdminPractice[];
  /** An admin's own role: shown, not changeable (they would lock themselves out). */
  roleLocked?: boolean;
  /** The account's role now (null for a new account): choosing "admin" for anyone else asks for your password. */
  roleNow?: Role | null;
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
      {!roleLocked && role === "admin" && roleNow !== "admin" && (
        <TextField
          name="currentPassword"
          type="password"
          label="Your current password"
          hint="Making someone an administrator needs your own password, so a session left open cannot be used to create one."
          autoComplete="current-password"
        />
      )}
    </>
  );
}
