/**
 * One checklist item on a wizard page (#11): the documents attached to it, and a control to attach
 * more: choose or drop several files, each sent on its own with a progress bar and a Cancel button,
 * each refused one named with what is accepted. A document not yet filed can be removed, and what
 * it supports changed; the request's earlier documents (an amendment) are kept and shown as such.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useId, useReducer, useRef, useState, type DragEvent } from "react";
import { ACCEPTED_DOCUMENTS, type DocumentInfo } from "@/contract";
import type { ChecklistItem } from "@/criteria";
import { draftDocumentsQuery, uploadDocument, useRemoveDraftDocument, type Upload } from "@/web/api/draft-documents";
import { documentFacts, documentsOf } from "@/web/lib/document-list";
import { SupportsEditor } from "./supports-editor";

/** What the file chooser offers; the server decides by content whatever it is given. */
const ACCEPT = ".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff";

interface Sending {
  key: number;
  fileName: string;
  sent: number;
  total: number;
  state: "sending" | "refused" | "failed";
  messages: string[];
}

type Action =
  | { type: "start"; key: number; fileName: string; total: number }
  | { type: "progress"; key: number; sent: number; total: number }
  | { type: "refused" | "failed"; key: number; messages: string[] }
  | { type: "drop"; key: number };

function sendingReducer(list: Sending[], action: Action): Sending[] {
  switch (action.type) {
    case "start":
      return [
        ...list,
        { key: action.key, fileName: action.fileName, sent: 0, total: action.total, state: "sending", messages: [] },
      ];
    case "progress":
      return list.map((s) => (s.key === action.key ? { ...s, sent: action.sent, total: action.total } : s));
    case "refused":
    case "failed":
      return list.map((s) => (s.key === action.key ? { ...s, state: action.type, messages: action.messages } : s));
    case "drop":
      return list.filter((s) => s.key !== action.key);
  }
}

/** A key per file sent (an event handler's, never render's). */
const newKey = (() => {
  let last = 0;
  return () => (last += 1);
})();

const percent = (s: Sending): number => (s.total === 0 ? 0 : Math.min(100, Math.round((s.sent / s.total) * 100)));

export function ItemDocuments({
  item,
  checklist,
  documents,
  kept,
  amends,
}: {
  item: ChecklistItem;
  /** Every item of the request: what a document may be said to support. */
  checklist: readonly ChecklistItem[];
  /** This draft's documents (removable). */
  documents: readonly DocumentInfo[];
  /** The amended request's filed documents (kept, not removable). */
  kept: readonly DocumentInfo[];
  amends: string | undefined;
}) {
  const client = useQueryClient();
  const remove = useRemoveDraftDocument();
  const [sending, dispatch] = useReducer(sendingReducer, []);
  const [announcement, setAnnouncement] = useState("");
  const [dragging, setDragging] = useState(false);
  const uploads = useRef(new Map<number, Upload>());
  const inputId = `attach-${item.id}`;
  const hintId = useId();

  const send = (files: readonly File[]) => {
    for (const file of files) {
      const key = newKey();
      dispatch({ type: "start", key, fileName: file.name, total: file.size });
      const upload = uploadDocument(file, [item.id], amends, (sent, total) =>
        dispatch({ type: "progress", key, sent, total }),
      );
      uploads.current.set(key, upload);
      void upload.done.then(async (outcome) => {
        uploads.current.delete(key);
        switch (outcome.kind) {
          case "stored":
            // The list shows it once read again; the bar goes then, so nothing flickers away.
            await client.invalidateQueries({ queryKey: draftDocumentsQuery.queryKey });
            dispatch({ type: "drop", key });
            setAnnouncement(`${file.name} attached`);
            return;
          case "refused":
            dispatch({ type: "refused", key, messages: outcome.refused.map((r) => r.message) });
            setAnnouncement(`${file.name} was not attached`);
            return;
          case "failed":
            dispatch({ type: "failed", key, messages: [outcome.message] });
            setAnnouncement(`${file.name} was not attached`);
            return;
          case "cancelled":
            dispatch({ type: "drop", key });
            setAnnouncement(`Upload of ${file.name} cancelled`);
            return;
        }
      });
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    send([...event.dataTransfer.files]);
  };

  const attached = [...documentsOf(item, kept), ...documentsOf(item, documents)];
  const problems = sending.filter((s) => s.state !== "sending");

  return (
    <div className="mb-6 border-l-4 border-slate-300 pl-4" data-testid={`documents-${item.id}`}>
      <h3 className="text-xl font-bold">{item.title}</h3>
      <p id={hintId} className="text-slate-700">
        Supports {item.criteria.join(", ")}.{" "}
        {item.required ? "Required for this request." : "Needed only if it applies."} Attach {ACCEPTED_DOCUMENTS}.
      </p>

      {attached.length > 0 && (
        <ul className="mt-2 divide-y divide-slate-200 border-y border-slate-200" aria-label={`Attached: ${item.title}`}>
          {attached.map((doc) => (
            <li key={doc.id} className="py-2">
              <p>
                <span className="font-bold break-all">{doc.fileName}</span>{" "}
                <span className="text-slate-700">({documentFacts(doc)})</span>
                {doc.state === "filed" && (
                  <span className="ml-2 text-slate-700">Kept from version {doc.version ?? 1}: cannot be removed</span>
                )}
              </p>
              {doc.state === "draft" && (
                <div className="mt-1 flex flex-wrap items-start gap-4">
                  <SupportsEditor document={doc} checklist={checklist} />
                  <button
                    type="button"
                    className="text-base text-red-700 underline"
                    disabled={remove.isPending && remove.variables === doc.id}
                    onClick={() =>
                      remove.mutate(doc.id, { onSuccess: () => setAnnouncement(`${doc.fileName} removed`) })
                    }
                  >
                    Remove <span className="sr-only">{doc.fileName}</span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.isError && (
        <p className="mt-2 font-bold text-red-700" role="alert">
          <span className="sr-only">Error:</span> {remove.error.message}
        </p>
      )}

      {sending.some((s) => s.state === "sending") && (
        <ul className="mt-2 space-y-2" aria-label={`Uploading: ${item.title}`}>
          {sending
            .filter((s) => s.state === "sending")
            .map((s) => (
              <li key={s.key} className="flex flex-wrap items-center gap-3">
                <span className="break-all">{s.fileName}</span>
                <progress
                  className="h-3 w-40"
                  max={100}
                  value={percent(s)}
                  aria-label={`Uploading ${s.fileName}`}
                  aria-valuetext={`${percent(s)}%`}
                />
                <span aria-hidden="true">{percent(s)}%</span>
                <button
                  type="button"
                  className="text-base underline"
                  onClick={() => uploads.current.get(s.key)?.cancel()}
                >
                  Cancel <span className="sr-only">upload of {s.fileName}</span>
                </button>
              </li>
            ))}
        </ul>
      )}

      <div
        className={`mt-3 ${problems.length > 0 ? "border-l-4 border-red-700 pl-4" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {problems.map((s) => (
          <div key={s.key} className="mb-2" data-testid="refused-file">
            {s.messages.map((message) => (
              <p key={message} className="font-bold text-red-700">
                <span className="sr-only">Error:</span> {message}
              </p>
            ))}
            <button
              type="button"
              className="text-base underline"
              onClick={() => dispatch({ type: "drop", key: s.key })}
            >
              Dismiss <span className="sr-only">the message about {s.fileName}</span>
            </button>
          </div>
        ))}
        <div className={`border-2 border-dashed p-3 ${dragging ? "border-blue-700 bg-blue-50" : "border-slate-400"}`}>
          <label htmlFor={inputId} className="block font-bold">
            Attach files <span className="sr-only">for {item.title}</span>
          </label>
          <p className="text-slate-700">Choose one or more files, or drop them here.</p>
          <input
            id={inputId}
            type="file"
            multiple
            accept={ACCEPT}
            aria-describedby={hintId}
            className="mt-2 block max-w-full text-base file:mr-3 file:border-0 file:border-b-4 file:border-slate-900/40 file:bg-slate-200 file:px-3 file:py-1 file:font-bold"
            onChange={(event) => {
              send([...(event.target.files ?? [])]);
              // The same file can be chosen again (after a refusal, or a removal).
              event.target.value = "";
            }}
          />
        </div>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
