/**
 * For signed-in staff, the draft is also kept on the server so it can be resumed on another
 * computer. The browser copy stays first (nothing is lost offline); the server copy follows a
 * moment after typing stops, and a server draft different from this browser's is offered, never
 * forced.
 */
import { useEffect, useRef, useState } from "react";
import { useFormContext } from "react-hook-form";
import { useServerDraft, useSaveServerDraft } from "@/web/api/draft";
import { useSession } from "@/web/api/session";
import { Button } from "@/web/components/buttons";
import { formatDateTime } from "@/web/components/request-status";
import { restoreDraft, type Draft } from "../draft";

const SAVE_AFTER_MS = 1500;

export function ServerDraftSync() {
  const { subscribe, getValues, reset } = useFormContext<Draft>();
  const session = useSession();
  const isStaff = session.data?.user.role === "staff";
  const server = useServerDraft(isStaff);
  const save = useSaveServerDraft();
  const [dismissed, setDismissed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { mutate } = save;

  useEffect(() => {
    if (!isStaff) return undefined;
    const unsubscribe = subscribe({
      formState: { values: true },
      callback: () => {
        clearTimeout(timer.current);
        timer.current = setTimeout(() => mutate(getValues()), SAVE_AFTER_MS);
      },
    });
    return () => {
      clearTimeout(timer.current);
      unsubscribe();
    };
  }, [isStaff, subscribe, getValues, mutate]);

  const offered = server.data;
  if (!isStaff || dismissed || offered === null || offered === undefined) return null;
  const current = getValues();
  const restored = restoreDraft(offered.draft, current);
  if (JSON.stringify(restored) === JSON.stringify(current)) return null;
  return (
    <div
      role="region"
      aria-label="Draft saved on the server"
      className="mb-6 border-l-8 border-blue-800 bg-blue-50 p-4 print:hidden"
    >
      <p>
        A draft of yours was saved on the server on {formatDateTime(offered.updatedAt)}. It differs from the answers in
        this browser.
      </p>
      <div className="mt-3 flex gap-4">
        <Button
          variant="secondary"
          onClick={() => {
            reset(restored);
            setDismissed(true);
          }}
        >
          Resume the server draft
        </Button>
        <Button variant="secondary" onClick={() => setDismissed(true)}>
          Keep this browser&apos;s answers
        </Button>
      </div>
    </div>
  );
}
