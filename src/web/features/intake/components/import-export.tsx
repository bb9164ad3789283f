/**
 * Moves a request between the wizard, the command-line evaluator and other tools as the spec's
 * JSON. An import is validated first; a refused file changes nothing in the current request, and a
 * valid one replaces answers already typed only when the person says yes.
 */
import { useId, useRef, useState, type ChangeEvent } from "react";
import { useFormContext } from "react-hook-form";
import type { FieldError } from "@/criteria";
import { AppLink } from "@/web/components/app-link";
import { Button } from "@/web/components/buttons";
import { paths } from "@/web/lib/paths";
import { focusOnMount } from "@/web/lib/focus-after-navigation";
import { hasAnswers, toDocument, type Draft } from "../draft";
import { clearDraft } from "../draft-storage";

type ImportResult =
  | { kind: "idle" }
  | { kind: "imported"; file: string }
  /** A valid file, read while the request holds answers: replacing them needs a yes. */
  | { kind: "confirm"; file: string; draft: Draft }
  | { kind: "kept"; file: string }
  | { kind: "refused"; file: string; errors: FieldError[] }
  | { kind: "not-exported"; what: string; errors: FieldError[] };

/** Offers `json` as a downloaded file, made here: nothing is sent anywhere. */
function download(fileName: string, json: string, type = "application/json") {
  const url = URL.createObjectURL(new Blob([json], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

const FHIR_EXPORTS = [
  { kind: "questionnaire-response", label: "Export as FHIR QuestionnaireResponse", what: "The QuestionnaireResponse" },
  { kind: "claim-bundle", label: "Export as FHIR PAS claim Bundle", what: "The PAS claim Bundle" },
] as const;

export function ImportExport() {
  const { reset, getValues } = useFormContext<Draft>();
  const [result, setResult] = useState<ImportResult>({ kind: "idle" });
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);

  const replaceWith = (file: string, draft: Draft) => {
    clearDraft();
    reset(draft);
    setResult({ kind: "imported", file });
  };
  const keepAnswers = (file: string) => {
    setResult({ kind: "kept", file });
    input.current?.focus();
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file === undefined) return;
    // The schema loads with the first import, not with the start page.
    void import("../read-document")
      .then(({ readDocument }) => readDocument(file))
      .then((read) => {
        if (read.ok) {
          // Nothing typed is replaced without a yes.
          if (hasAnswers(getValues())) setResult({ kind: "confirm", file: file.name, draft: read.draft });
          else replaceWith(file.name, read.draft);
        } else {
          setResult({ kind: "refused", file: file.name, errors: read.errors });
        }
      });
  };

  const exportDocument = () => {
    download("hemgenix-request.json", `${JSON.stringify(toDocument(getValues()), null, 2)}\n`);
  };

  const exportFhir = ({ kind, what }: (typeof FHIR_EXPORTS)[number]) => {
    const candidate = toDocument(getValues());
    // The FHIR mapping (and the schema) load with the first FHIR export, not with the start page.
    void import("../fhir-export").then(({ fhirExport }) => {
      const made = fhirExport(candidate, kind);
      if (made.ok) {
        download(made.fileName, made.json, "application/fhir+json");
        setResult({ kind: "idle" });
      } else {
        setResult({ kind: "not-exported", what, errors: made.errors });
      }
    });
  };

  return (
    <section aria-labelledby={`${inputId}-title`} className="mt-8 border-t-2 border-slate-200 pt-6 print:hidden">
      <h2 id={`${inputId}-title`} className="text-2xl font-bold">
        Import or export a request document
      </h2>
      <p className="mt-2 max-w-2xl">
        A request document is the JSON file the command-line evaluator reads. Importing replaces the answers in this
        request (you are asked first when there are some); a file with problems is refused and changes nothing.
      </p>
      <div className="mt-4 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor={inputId} className="mb-1 block font-bold">
            Import a request document (JSON)
          </label>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept="application/json,.json"
            onChange={onFile}
            className="text-base"
          />
        </div>
        <Button variant="secondary" onClick={exportDocument}>
          Export this request as JSON
        </Button>
      </div>
      <p className="mt-4 text-lg">
        <AppLink to={paths.record()} className="font-bold underline">
          Fill from the patient&apos;s record
        </AppLink>{" "}
        (a FHIR file or the EHR&apos;s FHIR server; you check every answer first)
      </p>
      <h3 className="mt-6 text-xl font-bold">Export as FHIR</h3>
      <p className="mt-2 max-w-2xl">
        For an EHR or a payer&apos;s system: the answers as a FHIR R4 QuestionnaireResponse to the CP.PHAR.580
        Questionnaire, or as a Da Vinci PAS-style claim Bundle. The files are made in this browser; nothing is sent.
      </p>
      <div className="mt-4 flex flex-wrap gap-4">
        {FHIR_EXPORTS.map((entry) => (
          <Button key={entry.kind} variant="secondary" onClick={() => exportFhir(entry)}>
            {entry.label}
          </Button>
        ))}
      </div>
      {result.kind === "confirm" && (
        <div
          role="alertdialog"
          aria-labelledby={`${inputId}-replace`}
          className="mt-6 max-w-2xl border-4 border-red-700 p-4"
        >
          <h3
            id={`${inputId}-replace`}
            ref={focusOnMount}
            tabIndex={-1}
            className="text-xl font-bold focus:outline-none"
          >
            Replace the answers in this request with {result.file}?
          </h3>
          <p className="mt-2">
            Every answer here will be replaced by the file&apos;s. Export this request first to keep a copy.
          </p>
          <div className="mt-4 flex flex-wrap gap-4">
            <Button variant="warning" onClick={() => replaceWith(result.file, result.draft)}>
              Yes, replace them
            </Button>
            <Button variant="secondary" onClick={() => keepAnswers(result.file)}>
              No, keep my answers
            </Button>
          </div>
        </div>
      )}
      <div aria-live="polite">
        {result.kind === "imported" && <p className="mt-4 font-bold text-green-800">Imported {result.file}.</p>}
        {result.kind === "kept" && (
          <p className="mt-4 font-bold">{result.file} was not imported: your answers are as they were.</p>
        )}
        {(result.kind === "refused" || result.kind === "not-exported") && (
          <div className="mt-4 border-4 border-red-700 p-4">
            {result.kind === "refused" ? (
              <>
                <h3 className="text-xl font-bold">{result.file} was not imported</h3>
                <p>Nothing in the current request was changed. The file has these problems:</p>
              </>
            ) : (
              <>
                <h3 className="text-xl font-bold">{result.what} was not made</h3>
                <p>A FHIR export needs answers the request document accepts. Correct these first:</p>
              </>
            )}
            <ul className="mt-2 list-disc pl-6">
              {result.errors.map((error) => (
                <li key={`${error.path}:${error.message}`}>
                  {error.path !== "" && <code className="font-bold">{error.path}</code>}
                  {error.path !== "" && ": "}
                  {error.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
