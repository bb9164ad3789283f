/** Every practice with its active accounts and requests; adding one; a practice's page: renaming it, its history. */
import { useState } from "react";
import { practiceSchema, type AdminPractice, type AdminPracticeDetail } from "@/contract";
import { navigate } from "@/web/lib/router";
import { AppLink, BackTo } from "@/web/components/app-link";
import { AuditTable } from "@/web/components/audit-table";
import { TextField } from "@/web/components/form-fields";
import { Empty, LoadError, Loading } from "@/web/components/query-state";
import { paths } from "@/web/lib/paths";
import { useAddPractice } from "../api/admin-practices";
import { useRenamePractice, useAdminPractice } from "../api/admin-practice";
import { AdminForm, useAdminForm } from "../admin-form";
import { setFlash } from "../flash";
import { AdminNav, FlashBanner } from "./admin-chrome";
import { WithPractices } from "./with-data";

interface NameValues {
  name: string;
}
const toBody = (values: NameValues) => ({ name: values.name });

function PracticeTable({ practices }: { practices: readonly AdminPractice[] }) {
  if (practices.length === 0) return <Empty>No practices yet. Add the first one below.</Empty>;
  return (
    <div className="mb-10 overflow-x-auto">
      <table className="w-full text-left">
        <caption className="sr-only">Practices</caption>
        <thead>
          <tr className="border-b-2 border-slate-900">
            <th scope="col" className="py-2 pr-4">
              Practice
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Active accounts
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Requests
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {practices.map((practice) => (
            <tr key={practice.id} className="border-b border-slate-300">
              <td className="py-2 pr-4">
                <AppLink to={paths.practice(practice.id)}>{practice.name}</AppLink>
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">{practice.users}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{practice.requests}</td>
              <td className="py-2 text-right">
                <AppLink to={paths.practice(practice.id)}>
                  Rename<span className="sr-only"> {practice.name}</span>
                </AppLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddPracticeForm({ onAdded }: { onAdded: (practice: AdminPractice) => void }) {
  const add = useAddPractice();
  const form = useAdminForm<NameValues, { name: string }>({
    schema: practiceSchema,
    defaultValues: { name: "" },
    toBody,
  });
  return (
    <section aria-labelledby="add-practice-title" className="max-w-2xl">
      <AdminForm
        form={form}
        toBody={toBody}
        title="Practices"
        submitLabel="Add practice"
        pendingLabel="Adding…"
        labelledBy="add-practice-title"
        send={async (body) => {
          const created = await add.mutateAsync(body);
          form.reset({ name: "" });
          onAdded(created);
        }}
      >
        <h2 id="add-practice-title" className="mb-4 text-2xl font-bold">
          Add a practice
        </h2>
        <TextField name="name" label="Practice name" hint="As the practice writes it on its letterhead" />
      </AdminForm>
    </section>
  );
}

export function PracticesPage() {
  // A new banner (re-mounted, so it is announced and focused) after each practice added here.
  const [added, setAdded] = useState(0);
  return (
    <div>
      <AdminNav current="practices" />
      <FlashBanner key={added} />
      <h1 className="mb-6 text-3xl font-bold">Practices</h1>
      <WithPractices>{(practices) => <PracticeTable practices={practices} />}</WithPractices>
      <AddPracticeForm
        onAdded={(practice) => {
          setFlash(`${practice.name} added. You can now add its office staff.`);
          setAdded((n) => n + 1);
        }}
      />
    </div>
  );
}

function RenameForm({ practice }: { practice: AdminPractice }) {
  const rename = useRenamePractice(practice.id);
  const form = useAdminForm<NameValues, { name: string }>({
    schema: practiceSchema,
    defaultValues: { name: practice.name },
    toBody,
  });
  return (
    <AdminForm
      form={form}
      toBody={toBody}
      title={`Rename ${practice.name}`}
      submitLabel="Save name"
      pendingLabel="Saving…"
      send={async (body) => {
        const renamed = await rename.mutateAsync(body);
        setFlash(`${practice.name} is now called ${renamed.name}.`);
        navigate(paths.practices());
      }}
    >
      <TextField
        name="name"
        labelSize="page"
        label={`Rename ${practice.name}`}
        hint="Its accounts and requests stay with it"
      />
    </AdminForm>
  );
}

export function RenamePracticePage({ id }: { id: number }) {
  const practice = useAdminPractice(id);
  return (
    <div className="max-w-2xl">
      <BackTo to={paths.practices()}>Practices</BackTo>
      {practice.isPending ? (
        <Loading what="the practice" />
      ) : practice.isError ? (
        <LoadError error={practice.error} retry={() => void practice.refetch()} />
      ) : (
        <>
          <RenameForm practice={practice.data} />
          <PracticeHistory practice={practice.data} />
        </>
      )}
    </div>
  );
}

/** Who added the practice and who renamed it (from what to what), newest first. */
function PracticeHistory({ practice }: { practice: AdminPracticeDetail }) {
  return (
    <section aria-labelledby="practice-history-title" className="mt-10">
      <h2 id="practice-history-title" className="mb-2 text-2xl font-bold">
        History
      </h2>
      {practice.history.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <AuditTable events={practice.history} caption="Changes to this practice, newest first" />
      )}
    </section>
  );
}
