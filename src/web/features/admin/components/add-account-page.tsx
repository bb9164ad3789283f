/** Add an account: who, which role, which practice for office staff, and a first password. */
import { MIN_PASSWORD_LENGTH, newUserSchema, type NewUserInput, type Role } from "@/contract";
import { navigate } from "@/web/lib/router";
import { BackTo } from "@/web/components/app-link";
import { TextField } from "@/web/components/form-fields";
import { LoadError, Loading } from "@/web/components/query-state";
import { paths } from "@/web/lib/paths";
import { useAddUser } from "../api/admin-users";
import { useAdminPractices } from "../api/admin-practices";
import { AdminForm, useAdminForm } from "../admin-form";
import { setFlash } from "../flash";
import { AccountFields, OwnPasswordField, practiceOf, type AccountValues } from "./account-fields";

interface NewAccountValues extends AccountValues {
  email: string;
  password: string;
}

const toBody = (values: NewAccountValues): NewUserInput => ({
  name: values.name,
  email: values.email,
  role: values.role as Role,
  practiceId: practiceOf(values),
  password: values.password,
  currentPassword: values.currentPassword,
});

export function AddAccountPage() {
  const practices = useAdminPractices();
  const addUser = useAddUser();
  const form = useAdminForm<NewAccountValues, NewUserInput>({
    schema: newUserSchema,
    defaultValues: { name: "", email: "", role: "", practiceId: "", password: "", currentPassword: "" },
    toBody,
  });

  return (
    <div className="max-w-2xl">
      <BackTo to={paths.accounts()}>Accounts</BackTo>
      {practices.isPending ? (
        <Loading what="the practices" />
      ) : practices.isError ? (
        <LoadError error={practices.error} retry={() => void practices.refetch()} />
      ) : (
        <AdminForm
          form={form}
          toBody={toBody}
          title="Add an account"
          submitLabel="Add account"
          pendingLabel="Adding…"
          send={async (body) => {
            const created = await addUser.mutateAsync(body);
            setFlash(`Account added for ${created.name}. They can sign in now with the password you set.`);
            navigate(paths.accounts());
          }}
        >
          <h1 className="mb-6 text-3xl font-bold">Add an account</h1>
          <AccountFields practices={practices.data.practices} />
          <TextField
            name="email"
            type="email"
            label="Email address"
            hint="They sign in with it. It cannot be changed later."
            autoComplete="off"
          />
          <TextField
            name="password"
            type="password"
            label="First password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters. Give it to them in person or by phone, not by email.`}
            autoComplete="new-password"
          />
          <OwnPasswordField why="Adding an account needs your own password, so a session left open cannot be used to give anyone a way in." />
        </AdminForm>
      )}
    </div>
  );
}
