/**
 * The record import's local codes (admins): the codes this installation's labs give the AAV5
 * antibody test, which no LOINC code identifies. Listed, added (checked with the shared schema,
 * the server's refusals on their fields), removed once confirmed; every change in the history below.
 */
import { useEffect, useRef, useState } from "react";
import { localCodeSchema, MAX_LOCAL_CODES, type ConfiguredLocalCode, type LocalCodeInput } from "@/contract";
import { AuditTable } from "@/web/components/audit-table";
import { Button } from "@/web/components/buttons";
import { TextField } from "@/web/components/form-fields";
import { focusWithoutTabStop } from "@/web/lib/focus-after-navigation";
import { Empty, LoadError, Loading } from "@/web/components/query-state";
import { useAddLocalCode, useAdminRecordImport, useRemoveLocalCode } from "../api/admin-record-import";
import { AdminForm, useAdminForm } from "../admin-form";
import { setFlash } from "../flash";
import { AdminNav, FlashBanner } from "./admin-chrome";

interface CodeValues {
  system: string;
  code: string;
  display: string;
}
const EMPTY: CodeValues = { system: "", code: "", display: "" };
const toBody = (values: CodeValues): LocalCodeInput => values;

const codeText = (code: { system: string; code: string }) => `${code.system}|${code.code}`;

/**
 * Why a removal was refused, focused when it appears: the Remove button pressed may be gone with the
 * list read again (another admin removed the code), and focus must not fall back to the page's top.
 */
function Refusal({ message }: { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="mb-6 border-4 border-red-700 p-4 focus:outline-none focus-visible:outline-3 focus-visible:outline-yellow-400"
    >
      <p className="font-bold">Nothing was removed: {message}</p>
    </div>
  );
}

interface ChangeEvents {
  /** A change is asked for: the banner of the one before goes (it must not stand beside a refusal). */
  onAttempt: () => void;
  /** The change was made (its banner is set). */
  onChanged: () => void;
}

/**
 * "Remove this code?", asked above the list (a phone's table row has no room for it), and brought
 * into view with the focus (the Remove pressed may be far down a long list). Escape keeps the code.
 * Removing is audited and can be undone by adding the code again, but until then the lab's AAV5
 * results are skipped in every practice: worth one question.
 */
function askOnMount(heading: HTMLElement | null): void {
  if (heading === null) return;
  focusWithoutTabStop(heading);
  heading.closest("[role=alertdialog]")?.scrollIntoView?.({ block: "nearest" });
}

function ConfirmRemoval({
  code,
  pending,
  onRemove,
  onKeep,
}: {
  code: ConfiguredLocalCode;
  pending: boolean;
  onRemove: () => void;
  onKeep: () => void;
}) {
  return (
    <div
      role="alertdialog"
      aria-labelledby="remove-code-title"
      aria-describedby="remove-code-effect"
      className="mb-6 max-w-2xl border-4 border-red-700 p-4 wrap-anywhere"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !pending) onKeep();
      }}
    >
      <h3 id="remove-code-title" ref={askOnMount} tabIndex={-1} className="text-xl font-bold focus:outline-none">
        Remove {codeText(code)}?
      </h3>
      <p id="remove-code-effect" className="mt-2">
        Records&apos; results with this code will no longer fill the AAV5 antibody answers, in any practice: they will
        be listed as skipped. You can add the code again.
      </p>
      <div className="mt-4 flex flex-wrap gap-4">
        <Button variant="warning" disabled={pending} onClick={onRemove}>
          {pending ? "Removing…" : "Yes, remove it"}
        </Button>
        <Button variant="secondary" disabled={pending} onClick={onKeep}>
          No, keep it
        </Button>
      </div>
    </div>
  );
}

function CodeTable({ codes, onAttempt, onChanged }: { codes: readonly ConfiguredLocalCode[] } & ChangeEvents) {
  const remove = useRemoveLocalCode();
  const [failure, setFailure] = useState<{ message: string; attempt: number } | undefined>();
  // The code asked about, by id: read from the list each time, so a code gone from it (another
  // admin removed it) is asked about no more.
  const [askingId, setAskingId] = useState<number | undefined>();
  const asking = codes.find((code) => code.id === askingId);
  // "No, keep it" gives the focus back to the Remove button that asked.
  const removeButtons = useRef(new Map<number, HTMLButtonElement>());
  const confirmRemoval = (code: ConfiguredLocalCode) => {
    setFailure(undefined);
    onAttempt();
    remove.mutate(code.id, {
      onSuccess: () => {
        setAskingId(undefined);
        setFlash(`${codeText(code)} removed. Results with this code are no longer read as AAV5 antibodies.`);
        onChanged();
      },
      onError: (error) => {
        setAskingId(undefined);
        setFailure({ message: error.message, attempt: Date.now() });
      },
    });
  };
  const keep = (code: ConfiguredLocalCode) => {
    setAskingId(undefined);
    removeButtons.current.get(code.id)?.focus();
  };
  // Shown above the list as it is read again, even when that list is now empty.
  const refusal = failure !== undefined && <Refusal key={failure.attempt} message={failure.message} />;
  const question = asking !== undefined && (
    <ConfirmRemoval
      key={asking.id}
      code={asking}
      pending={remove.isPending}
      onRemove={() => confirmRemoval(asking)}
      onKeep={() => keep(asking)}
    />
  );
  if (codes.length === 0)
    return (
      <>
        {refusal}
        <Empty>
          No codes configured: AAV5 antibody results are not read from records. Add your lab&apos;s code below.
        </Empty>
      </>
    );
  return (
    <div className="mb-10 overflow-x-auto">
      {refusal}
      {question}
      <table className="w-full text-left">
        <caption className="sr-only">AAV5 antibody codes</caption>
        <thead>
          <tr className="border-b-2 border-slate-900">
            <th scope="col" className="py-2 pr-2 sm:pr-4">
              Code system
            </th>
            <th scope="col" className="py-2 pr-2 sm:pr-4">
              Code
            </th>
            <th scope="col" className="py-2 pr-2 sm:pr-4">
              Display text
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {codes.map((code) => (
            <tr key={code.id} className="border-b border-slate-300 align-top">
              <td className="py-2 pr-2 wrap-anywhere sm:pr-4">{code.system}</td>
              <td className="py-2 pr-2 wrap-anywhere sm:pr-4">{code.code}</td>
              {/* Any text may be long and unbroken: every cell wraps anywhere, so a phone never scrolls sideways. */}
              <td className="py-2 pr-2 wrap-anywhere sm:pr-4">
                {code.display === "" ? <span className="text-slate-600">None</span> : code.display}
              </td>
              <td className="py-2 text-right">
                <Button
                  ref={(button) => {
                    if (button === null) removeButtons.current.delete(code.id);
                    else removeButtons.current.set(code.id, button);
                  }}
                  variant="secondary"
                  disabled={remove.isPending}
                  onClick={() => {
                    setFailure(undefined);
                    setAskingId(code.id);
                  }}
                >
                  Remove<span className="sr-only"> {codeText(code)}</span>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddCodeForm({ onAttempt, onChanged }: ChangeEvents) {
  const add = useAddLocalCode();
  const form = useAdminForm<CodeValues, LocalCodeInput>({ schema: localCodeSchema, defaultValues: EMPTY, toBody });
  return (
    <section aria-labelledby="add-code-title" className="mb-10 max-w-2xl" onSubmitCapture={onAttempt}>
      <AdminForm
        form={form}
        toBody={toBody}
        title="Record import"
        submitLabel="Add code"
        pendingLabel="Adding…"
        labelledBy="add-code-title"
        send={async (body) => {
          const added = await add.mutateAsync(body);
          form.reset(EMPTY);
          setFlash(`${codeText(added)} added. Records' results with this code are now read as AAV5 antibodies.`);
          onChanged();
        }}
      >
        <h2 id="add-code-title" className="mb-4 text-2xl font-bold">
          Add an AAV5 antibody code
        </h2>
        <TextField
          name="system"
          label="Code system"
          hint="The URI the lab's results name their codes by, starting http://, https:// or urn:, like https://lab.example.org/codes"
        />
        <TextField
          name="code"
          label="Code"
          width="w-48"
          hint="Exactly as the lab's results carry it (capitals count), like AAV5-NAB"
        />
        <TextField name="display" label="Display text (optional)" hint="What the lab calls the test" />
      </AdminForm>
    </section>
  );
}

export function RecordImportSettingsPage() {
  const settings = useAdminRecordImport();
  // A new banner (re-mounted, so it is announced and focused) after each change made here.
  const [changes, setChanges] = useState(0);
  // Re-mounted when a change is asked for too: with no new message set, the old banner goes.
  const changed = () => setChanges((n) => n + 1);
  return (
    <div>
      <AdminNav current="recordImport" />
      {/* The banner names the code: a URI and a code have no spaces to wrap at, and a long one would push the page sideways on a phone. */}
      <div className="wrap-anywhere">
        <FlashBanner key={changes} />
      </div>
      <h1 className="mb-4 text-3xl font-bold">Record import</h1>
      <p className="mb-8 max-w-2xl text-lg">
        Settings for &ldquo;Fill from the patient&apos;s record&rdquo;, for every practice and the self-check on this
        installation.
      </p>
      <section aria-labelledby="aav5-codes-title">
        <h2 id="aav5-codes-title" className="mb-2 text-2xl font-bold">
          AAV5 antibody codes
        </h2>
        <p className="mb-4 max-w-2xl">
          LOINC has no code for the AAV5 antibody test, so labs use their own. A record&apos;s result with one of these
          codes fills the AAV5 antibody answers; without them it is listed as skipped. Up to {MAX_LOCAL_CODES} codes.
        </p>
        {settings.isPending ? (
          <Loading what="the codes" />
        ) : settings.isError ? (
          <LoadError error={settings.error} retry={() => void settings.refetch()} />
        ) : (
          <CodeTable codes={settings.data.aav5Antibody} onAttempt={changed} onChanged={changed} />
        )}
      </section>
      <AddCodeForm onAttempt={changed} onChanged={changed} />
      <section aria-labelledby="record-import-history-title">
        <h2 id="record-import-history-title" className="mb-2 text-2xl font-bold">
          History
        </h2>
        {settings.isSuccess && settings.data.history.length > 0 ? (
          <AuditTable events={settings.data.history} caption="Changes to the record import's settings, newest first" />
        ) : (
          <p>Nothing recorded yet.</p>
        )}
      </section>
    </div>
  );
}
