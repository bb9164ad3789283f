/**
 * "Fill from the patient's record": choose a FHIR R4 Bundle file or connect to a FHIR server
 * (SMART standalone launch; an EHR launch arrives at /record/launch), then review every answer the
 * record would fill before anything changes. Loaded on demand (with fhirclient and the mapping):
 * the first bundle does not carry it. A failure at any point says what happened and what to do,
 * and leaves the current request as it was.
 */
import { useEffect, useRef, useState, type ChangeEvent, type SyntheticEvent } from "react";
import { documentationChecklist, evaluatePartial, type ChecklistItem, type RequestDocument } from "@/criteria";
import {
  applyAnswers,
  mapRecord,
  readRecordBundle,
  recordAttachments,
  type RecordAttachment,
  type RecordImport,
} from "@/fhir";
import { sessionQuery } from "@/web/api/session";
import { AppLink } from "@/web/components/app-link";
import { BackLink, Button } from "@/web/components/buttons";
import { useDocumentTitle } from "@/web/components/use-document-title";
import { matchRoute, paths } from "@/web/lib/paths";
import { addRecordMarks, type RecordTarget } from "@/web/lib/record-provenance";
import { queryClient } from "@/web/lib/query-client";
import { useLocation } from "@/web/lib/router";
import { attachTakenDocuments, type DocumentProgress } from "./attach-documents";
import { DocumentsProgress } from "./documents-progress";
import { failure, type ReadFailure } from "./failures";
import { readPatientRecord } from "./read-server";
import { configuredLocalCodes } from "./record-import-settings";
import { ReviewScreen, type TakenDocument } from "./review-screen";
import { chosenAnswers, reviewAnswers, type Choice, type ReviewItem } from "./review";
import {
  finishLaunch,
  forgetSmartSession,
  isLaunchAnswer,
  startEhrLaunch,
  startStandaloneLaunch,
  type Connection,
} from "./smart-launch";

type Phase =
  | { kind: "choose"; failure?: ReadFailure }
  | { kind: "busy"; what: string }
  | {
      kind: "review";
      from: string;
      result: RecordImport;
      items: ReviewItem[];
      attachments: RecordAttachment[];
      /** The installation's local codes could not be read: AAV5 antibody results were not read by them. */
      localCodesUnavailable: boolean;
    }
  | { kind: "filled"; count: number; from: string; documents: DocumentProgress[] };

/** The problems that leave nothing to review: the record is not one patient's FHIR R4 record. */
const BLOCKING = new Set(["not-json", "not-bundle", "not-r4", "bundle-type", "no-patient", "several-patients"]);

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The checklist of `document` once filled. Before the request's first page is answered, it is
 * read as an initial request of today (the only kind with a checklist), for the checklist only.
 */
function checklistOf(document: Record<string, unknown>): readonly ChecklistItem[] {
  const complete = {
    schemaVersion: 1,
    requestType: "initial",
    requestDate: localToday(),
    lineOfBusiness: "commercial",
    ...document,
  };
  const { evaluation } = evaluatePartial(complete);
  return evaluation === undefined ? [] : documentationChecklist(complete as RequestDocument, evaluation);
}

export default function RecordImportPage({ target }: { target: RecordTarget }) {
  const location = useLocation();
  const route = matchRoute(location);
  const [phase, setPhase] = useState<Phase>(() => {
    if (route.name === "recordLaunch" && (route.query.get("iss") === null || route.query.get("launch") === null))
      return {
        kind: "choose",
        failure: failure("launch", { message: "The EHR did not say which server and launch (iss and launch)" }),
      };
    return route.name === "recordLaunch" || isLaunchAnswer(route.query)
      ? { kind: "busy", what: "Connecting to the FHIR server…" }
      : { kind: "choose" };
  });
  const started = useRef(false);
  // The SMART connection (its token with it) in memory only, while its documents may be fetched.
  const connection = useRef<Connection | undefined>(undefined);
  const [staff, setStaff] = useState(false);
  useEffect(() => {
    // Only signed-in office staff attach documents; the self-check's record stays in the browser.
    void queryClient.query(sessionQuery).then(
      (session) => setStaff(session?.user.role === "staff"),
      () => setStaff(false),
    );
  }, []);
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(
    phase.kind === "review" ? "Check what the record would fill" : "Fill from the patient's record",
    phase.kind === "choose" && phase.failure !== undefined,
  );

  // A new phase is a new page to the person: its heading takes focus.
  useEffect(() => {
    heading.current?.focus();
  }, [phase.kind]);

  /**
   * The record (a Bundle, parsed or not) mapped with the installation's local codes and compared
   * with the answers, or why not. Without the local codes (not readable now) it is mapped all the same.
   */
  const review = async (
    input: unknown,
    from: string,
    onFailure: (message: string) => ReadFailure,
    serverBase?: string,
  ): Promise<void> => {
    const read = readRecordBundle(input);
    if (!read.ok) {
      setPhase({ kind: "choose", failure: onFailure(read.problem.message) });
      return;
    }
    const localCodes = await configuredLocalCodes();
    const current = target.currentDocument();
    const requestDate = typeof current.requestDate === "string" ? current.requestDate : localToday();
    const result = mapRecord(read.resources, localCodes === undefined ? { requestDate } : { requestDate, localCodes });
    const blocking = result.problems.find((p) => BLOCKING.has(p.code));
    if (result.patient === null || blocking !== undefined) {
      setPhase({ kind: "choose", failure: onFailure(blocking?.message ?? "it holds no patient") });
      return;
    }
    setPhase({
      kind: "review",
      from,
      result,
      items: reviewAnswers(result.answers, current),
      attachments: recordAttachments(read.resources, serverBase === undefined ? {} : { serverBase }),
      localCodesUnavailable: localCodes === undefined,
    });
  };

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (route.name === "recordLaunch") {
      const iss = route.query.get("iss");
      const launch = route.query.get("launch");
      if (iss === null || launch === null) return;
      // The EHR says where its FHIR server is: only an http(s) address is one.
      const valid = isServerAddress(iss);
      (valid ? startEhrLaunch(iss, launch) : Promise.reject(new Error("not a FHIR server address"))).catch(() => {
        if (!valid) {
          setPhase({ kind: "choose", failure: failure("address") });
          return;
        }
        setPhase({ kind: "choose", failure: failure("unreachable", { origin: safeOrigin(iss) }) });
      });
      return;
    }
    if (!isLaunchAnswer(route.query)) return;
    const controller = new AbortController();
    void (async () => {
      let connected: Connection;
      try {
        connected = await finishLaunch();
      } catch {
        forgetSmartSession();
        setPhase({ kind: "choose", failure: failure("launch") });
        return;
      }
      const from = `the FHIR server at ${safeOrigin(connected.serverUrl)}`;
      setPhase({ kind: "busy", what: `Reading the patient's record from ${from}…` });
      const read = await readPatientRecord(connected, controller.signal).catch(() => ({
        ok: false as const,
        failure: failure("unreachable", { origin: safeOrigin(connected.serverUrl) }),
      }));
      // The token is not kept in storage; in memory only until the documents chosen are fetched.
      forgetSmartSession();
      if (!read.ok) setPhase({ kind: "choose", failure: read.failure });
      else {
        connection.current = connected;
        await review(
          read.bundle,
          from,
          (message) => ({
            ...failure("outcome"),
            title: `The record from ${from} was not used: ${message}`,
            advice: "Check in the EHR that this is one patient's record, then connect again.",
          }),
          connected.serverUrl,
        );
      }
    })();
    // Reading goes on if the page re-renders; a person leaving ends it with the page.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file === undefined) return;
    if (file.size > MAX_BUNDLE_FILE_BYTES) {
      const message = `it is ${Math.ceil(file.size / 1024 / 1024)} MB; a record of up to ${MAX_BUNDLE_FILE_BYTES / 1024 / 1024} MB is read here (export only this patient, or the last 2 years)`;
      setPhase({ kind: "choose", failure: failure("file", { fileName: file.name, message }) });
      return;
    }
    setPhase({ kind: "busy", what: `Reading ${file.name}…` });
    void file.text().then(
      (text) => review(text, `the file ${file.name}`, (message) => failure("file", { fileName: file.name, message })),
      () =>
        setPhase({
          kind: "choose",
          failure: failure("file", { fileName: file.name, message: "the file could not be opened" }),
        }),
    );
  };

  const onConnect = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const entered = new FormData(event.currentTarget).get("iss");
    const address = typeof entered === "string" ? entered.trim() : "";
    if (!isServerAddress(address)) {
      setPhase({ kind: "choose", failure: failure("address") });
      return;
    }
    setPhase({ kind: "busy", what: `Connecting to ${safeOrigin(address)}…` });
    startStandaloneLaunch(address.replace(/\/$/, "")).catch(() => {
      setPhase({ kind: "choose", failure: failure("unreachable", { origin: safeOrigin(address) }) });
    });
  };

  const onFill = (
    items: readonly ReviewItem[],
    choices: Readonly<Record<string, Choice>>,
    documents: readonly TakenDocument[],
  ) => {
    if (phase.kind !== "review") return;
    const answers = chosenAnswers(items, choices);
    const applied = target.fill(answers.map(({ path, value }) => ({ path, value })));
    addRecordMarks(
      answers
        .filter((a) => applied[a.path] !== undefined)
        .map((a) => ({
          path: a.path,
          label: a.label,
          display: a.display,
          source: a.source,
          applied: applied[a.path] ?? "",
        })),
    );
    setPhase({
      kind: "filled",
      count: Object.keys(applied).length,
      from: phase.from,
      documents: documents.map(({ attachment, item }) => ({
        key: attachment.key,
        title: attachment.title,
        itemTitle: item.title,
        state: "waiting",
      })),
    });
    // The answers are filled; the documents are a second step, each reported on its own.
    const reading = connection.current;
    void attachTakenDocuments(documents, reading, (key, progress) =>
      setPhase((p) =>
        p.kind === "filled"
          ? { ...p, documents: p.documents.map((d) => (d.key === key ? { ...d, ...progress } : d)) }
          : p,
      ),
    ).finally(() => {
      if (connection.current === reading) connection.current = undefined;
    });
  };

  const checklistFor = (items: readonly ReviewItem[], choices: Readonly<Record<string, Choice>>) =>
    checklistOf(
      applyAnswers(
        target.currentDocument() as unknown as RequestDocument,
        chosenAnswers(items, choices).map(({ path, value }) => ({ path, value })),
      ),
    );

  const h1 = "mb-6 text-3xl font-bold focus:outline-none";
  switch (phase.kind) {
    case "busy":
      return (
        <div>
          <h1 ref={heading} tabIndex={-1} className={h1}>
            Fill from the patient&apos;s record
          </h1>
          <p role="status" className="text-lg">
            {phase.what}
          </p>
        </div>
      );
    case "review":
      return (
        <ReviewScreen
          headingRef={heading}
          from={phase.from}
          result={phase.result}
          items={phase.items}
          onFill={onFill}
          onCancel={() => {
            connection.current = undefined;
            setPhase({ kind: "choose" });
          }}
          attachments={phase.attachments}
          staff={staff}
          checklistFor={checklistFor}
          localCodesUnavailable={phase.localCodesUnavailable}
        />
      );
    case "filled":
      return (
        <div>
          <div className="mb-6 bg-green-800 p-6 text-white">
            <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold focus:outline-none">
              {phase.count === 1 ? "1 answer" : `${phase.count} answers`} filled from the patient&apos;s record
            </h1>
            <p className="mt-2 text-lg">
              From {phase.from}. Each is marked &ldquo;From the patient&apos;s record&rdquo; until you change it.
            </p>
          </div>
          <DocumentsProgress documents={phase.documents} />
          <p className="text-lg">
            <AppLink to={paths.check()} className="underline">
              Check your answers
            </AppLink>
          </p>
        </div>
      );
    case "choose":
      return (
        <div>
          <BackLink href={paths.start()} />
          {phase.failure !== undefined && <FailureBox failure={phase.failure} />}
          <h1 ref={heading} tabIndex={-1} className={h1}>
            Fill from the patient&apos;s record
          </h1>
          <p className="mb-6 max-w-2xl text-lg">
            Read the patient&apos;s record from the EHR, then check every answer it would fill before anything changes.
            Nothing typed is replaced unless you choose so. The record is read in this browser and sent nowhere.
          </p>
          <section aria-labelledby="record-file-title" className="mb-8">
            <h2 id="record-file-title" className="mb-2 text-2xl font-bold">
              From a file
            </h2>
            <label htmlFor="record-file" className="mb-1 block text-lg font-bold">
              A patient&apos;s record as a FHIR R4 Bundle (JSON)
            </label>
            <p id="record-file-hint" className="mb-2 text-slate-600">
              As exported by an EHR or a patient-access app: a collection, searchset, document or transaction Bundle.
            </p>
            <input
              id="record-file"
              type="file"
              accept="application/json,application/fhir+json,.json"
              aria-describedby="record-file-hint"
              onChange={onFile}
              className="text-base"
            />
          </section>
          <section aria-labelledby="record-server-title" className="mb-8">
            <h2 id="record-server-title" className="mb-2 text-2xl font-bold">
              From the EHR&apos;s FHIR server
            </h2>
            <form onSubmit={onConnect} noValidate>
              <label htmlFor="record-iss" className="mb-1 block text-lg font-bold">
                FHIR server address (base URL)
              </label>
              <p id="record-iss-hint" className="mb-2 text-slate-600">
                For example, https://ehr.example.org/fhir. You sign in there and choose the patient (SMART on FHIR).
              </p>
              <input
                id="record-iss"
                name="iss"
                type="url"
                autoComplete="url"
                spellCheck={false}
                aria-describedby="record-iss-hint"
                className="mb-4 block w-full max-w-xl rounded-none border-2 border-slate-900 px-2 py-1.5 text-lg"
              />
              <Button type="submit">Connect to the server</Button>
            </form>
          </section>
        </div>
      );
  }
}

function FailureBox({ failure: f }: { failure: ReadFailure }) {
  return (
    <div role="alert" className="mb-8 border-4 border-red-700 p-4">
      <h2 className="text-2xl font-bold">{f.title}</h2>
      {f.serverSays !== undefined && <p className="mt-2">The server said: &ldquo;{f.serverSays}&rdquo;</p>}
      <p className="mt-2">{f.advice}</p>
      <p className="mt-2 font-bold">Nothing in the current request was changed.</p>
    </div>
  );
}

/** A bigger file would hold the browser for tens of seconds; one patient's record for this request is far smaller. */
const MAX_BUNDLE_FILE_BYTES = 20 * 1024 * 1024;

const isServerAddress = (address: string): boolean => /^https?:\/\/[^\s/]+/.test(address) && URL.canParse(address);

/** Only the origin is ever shown (it names no patient); an address without one is "that address". */
function safeOrigin(address: string): string {
  const origin = URL.canParse(address) ? new URL(address).origin : "null";
  return origin === "null" ? "that address" : origin;
}
