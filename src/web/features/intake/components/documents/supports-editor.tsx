/**
 * "This file supports": the checklist items a draft document is attached to, shown in words and
 * changed in place (PATCH). At least one stays ticked: a document supports something.
 */
import { useState } from "react";
import type { DocumentInfo } from "@/contract";
import type { ChecklistItem } from "@/criteria";
import { useSetDocumentItems } from "@/web/api/draft-documents";
import { Button } from "@/web/components/buttons";

export function SupportsEditor({
  document: doc,
  checklist,
}: {
  document: DocumentInfo;
  checklist: readonly ChecklistItem[];
}) {
  const save = useSetDocumentItems();
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>(doc.items);
  const [empty, setEmpty] = useState(false);
  const titleOf = (id: string) => checklist.find((item) => item.id === id)?.title ?? id;
  const errorId = `supports-${doc.id}-error`;

  if (!editing) {
    return (
      <p>
        <span className="font-bold">This file supports:</span> {doc.items.map(titleOf).join("; ")}{" "}
        <button
          type="button"
          className="text-base underline"
          onClick={() => {
            setChosen(doc.items);
            setEmpty(false);
            setEditing(true);
          }}
        >
          Change <span className="sr-only">what {doc.fileName} supports</span>
        </button>
      </p>
    );
  }

  const submit = () => {
    if (chosen.length === 0) {
      setEmpty(true);
      return;
    }
    save.mutate({ id: doc.id, items: chosen }, { onSuccess: () => setEditing(false) });
  };

  return (
    <div className={`w-full ${empty || save.isError ? "border-l-4 border-red-700 pl-4" : ""}`}>
      <fieldset aria-describedby={empty ? errorId : undefined}>
        <legend className="font-bold">
          This file supports <span className="sr-only">({doc.fileName})</span>
        </legend>
        {empty && (
          <p id={errorId} className="font-bold text-red-700">
            <span className="sr-only">Error:</span> Select at least one item that {doc.fileName} supports
          </p>
        )}
        <div className="mt-1 space-y-1">
          {checklist.map((item) => {
            const id = `supports-${doc.id}-${item.id}`;
            return (
              <div key={item.id} className="flex items-start gap-2">
                <input
                  id={id}
                  type="checkbox"
                  className="mt-1 size-5 accent-slate-900"
                  checked={chosen.includes(item.id)}
                  onChange={(event) =>
                    setChosen((now) =>
                      event.target.checked ? [...now, item.id] : now.filter((chosenId) => chosenId !== item.id),
                    )
                  }
                />
                <label htmlFor={id}>{item.title}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
      {save.isError && (
        <p className="font-bold text-red-700" role="alert">
          <span className="sr-only">Error:</span> {save.error.message}
        </p>
      )}
      <div className="mt-2 flex gap-3">
        <Button onClick={submit} disabled={save.isPending}>
          Save <span className="sr-only">what {doc.fileName} supports</span>
        </Button>
        <Button variant="secondary" onClick={() => setEditing(false)}>
          Cancel <span className="sr-only">changing what {doc.fileName} supports</span>
        </Button>
      </div>
    </div>
  );
}
