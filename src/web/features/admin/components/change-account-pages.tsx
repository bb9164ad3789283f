/**
 * The pages that change an account, one question page each: details (name, role, practice),
 * a new password, deactivate or reactivate. Each returns to the account with a confirmation.
 */
import { MIN_PASSWORD_LENGTH, userChangeSchema, type AdminUser, type Role, type UserChange } from "@/contract";
import { navigate } from "@/web/lib/router";
import { BackTo } from "@/web/components/app-link";
import { useSession } from "@/web/api/session";
import { TextField } from "@/web/components/form-fields";
import { Loading } from "@/web/components/query-state";
import { useDocumentTitle } from "@/web/components/use-document-title";
import { paths } from "@/web/lib/paths";
import { useChangeUser } from "../api/admin-user";
import { AdminForm, useAdminForm } from "../admin-form";
import { setFlash } from "../flash";
import {
  AccountFields,
  OwnPasswordField,
  OwnPasswordIfReachChanges,
  ownPasswordIfReachChanges,
  practiceOf,
  type AccountValues,
} from "./account-fields";
import { WithAccount, WithPractices } from "./with-data";

function useSaveAndReturn(account: AdminUser) {
  const change = useChangeUser(account.id);
  return async (body: UserChange, done: (updated: AdminUser) => string) => {
    // The version this page was read at: a change someone else made meanwhile is refused (409), not merged.
    const updated = await change.mutateAsync({ ...body, expectedRowVersion: account.rowVersion });
    setFlash(done(updated));
    navigate(paths.account(account.id));
  };
}

const back = (account: AdminUser) => <BackTo to={paths.account(account.id)}>{account.name}</BackTo>;

function DetailsForm({ account, self }: { account: AdminUser; self: boolean }) {
  const save = useSaveAndReturn(account);
  const toBody = (values: AccountValues): UserChange => ({
    name: values.name,
    ...(!self && {
      role: values.role as Role,
      practiceId: practiceOf(values),
      ...ownPasswordIfReachChanges(values, account),
    }),
  });
  const form = useAdminForm<AccountValues, UserChange>({
    schema: userChangeSchema,
    defaultValues: {
      name: account.name,
      role: account.role,
      practiceId: account.practiceId === null ? "" : String(account.practiceId),
      currentPassword: "",
    },
    toBody,
  });
  return (
    <WithPractices>
      {(practices) => (
        <AdminForm
          form={form}
          toBody={toBody}
          title={`Change details: ${account.name}`}
          submitLabel="Save changes"
          pendingLabel="Saving…"
          send={(body) =>
            save(body, (updated) =>
              updated.role !== account.role || updated.practiceId !== account.practiceId
                ? `Details saved. ${updated.name} was signed out and signs in again under the new role or practice.`
                : "Details saved.",
            )
          }
        >
          <h1 className="mb-6 text-3xl font-bold">Change details</h1>
          <AccountFields practices={practices} roleLocked={self} />
          {!self && <OwnPasswordIfReachChanges now={account} />}
        </AdminForm>
      )}
    </WithPractices>
  );
}

interface PasswordValues {
  password: string;
  currentPassword: string;
}

function PasswordForm({ account, self }: { account: AdminUser; self: boolean }) {
  const save = useSaveAndReturn(account);
  // Setting anyone's password needs the acting admin's own (server rule: needsOwnPassword).
  const toBody = (values: PasswordValues): UserChange => ({
    password: values.password,
    currentPassword: values.currentPassword,
  });
  const form = useAdminForm<PasswordValues, UserChange>({
    schema: userChangeSchema,
    defaultValues: { password: "", currentPassword: "" },
    toBody,
  });
  const hint = `At least ${MIN_PASSWORD_LENGTH} characters. Every session of this account ends${self ? " except this one" : ""}.`;
  return (
    <AdminForm
      form={form}
      toBody={toBody}
      title={`Set a new password: ${account.name}`}
      submitLabel="Set password"
      pendingLabel="Setting…"
      send={(body) =>
        save(body, () =>
          self
            ? "Password set. You stay signed in here; any other session of yours was signed out."
            : `Password set. ${account.name} was signed out everywhere and signs in with the new password.`,
        )
      }
    >
      <h1 className="mb-6 text-3xl font-bold">Set a new password for {account.name}</h1>
      <TextField name="password" type="password" label="New password" hint={hint} autoComplete="new-password" />
      <OwnPasswordField why="Setting a password needs your own, so a session left open cannot be used to take an account over." />
    </AdminForm>
  );
}

function StatusForm({ account }: { account: AdminUser }) {
  const save = useSaveAndReturn(account);
  const deactivating = account.active;
  // Deactivating only takes access away; bringing an account back needs the acting admin's own password.
  const toBody = (values: { currentPassword: string }): UserChange =>
    deactivating ? { active: false } : { active: true, currentPassword: values.currentPassword };
  const form = useAdminForm<{ currentPassword: string }, UserChange>({
    schema: userChangeSchema,
    defaultValues: { currentPassword: "" },
    toBody,
  });
  const title = deactivating ? `Deactivate ${account.name}'s account?` : `Reactivate ${account.name}'s account?`;
  return (
    <AdminForm
      form={form}
      toBody={toBody}
      title={title}
      variant={deactivating ? "warning" : "primary"}
      submitLabel={deactivating ? "Deactivate account" : "Reactivate account"}
      pendingLabel={deactivating ? "Deactivating…" : "Reactivating…"}
      send={(body) =>
        save(body, () =>
          deactivating
            ? `${account.name}'s account is deactivated. They were signed out and cannot sign in.`
            : `${account.name}'s account is active again. They can sign in with their password.`,
        )
      }
    >
      <h1 className="mb-6 text-3xl font-bold">{title}</h1>
      {deactivating ? (
        <div className="mb-6 flex gap-4 text-lg">
          <span
            aria-hidden="true"
            className="flex size-9 shrink-0 items-center justify-center rounded-full bg-slate-900 font-bold text-white"
          >
            !
          </span>
          <p>
            <strong>
              <span className="sr-only">Warning: </span>
              They are signed out at once and cannot sign in until an administrator reactivates the account.
            </strong>{" "}
            Their requests, drafts and decisions are kept.
          </p>
        </div>
      ) : (
        <>
          <p className="mb-6 text-lg">They can sign in again with their current password.</p>
          <OwnPasswordField why="Reactivating an account needs your own password, so a session left open cannot be used to bring a departed account back." />
        </>
      )}
    </AdminForm>
  );
}

function OwnStatus() {
  useDocumentTitle("Your account's status");
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">Your account&apos;s status</h1>
      <p className="text-lg">You cannot deactivate your own account: ask another administrator.</p>
    </>
  );
}

type Which = "details" | "password" | "status";

export function ChangeAccountPage({ id, which }: { id: number; which: Which }) {
  const session = useSession();
  // Whose account it is decides what is offered: wait to know who is signed in.
  if (session.isPending) return <Loading what="your account" />;
  const self = session.data?.user.id === id;
  return (
    <WithAccount id={id}>
      {(account) => (
        <div className="max-w-2xl">
          {back(account)}
          {which === "details" ? (
            <DetailsForm account={account} self={self} />
          ) : which === "password" ? (
            <PasswordForm account={account} self={self} />
          ) : self ? (
            <OwnStatus />
          ) : (
            <StatusForm account={account} />
          )}
        </div>
      )}
    </WithAccount>
  );
}
