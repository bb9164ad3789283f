/**
 * The supporting documents a wizard page feeds (#11). Signed-in office staff attach them here;
 * anyone else (the self-check) sees what they will need. Loaded on demand with the server state.
 */
import type { ChecklistItem } from "@/criteria";
import { useDraftEvidence } from "@/web/api/draft-evidence";
import { useSession } from "@/web/api/session";
import { AppLink } from "@/web/components/app-link";
import { LoadError } from "@/web/components/query-state";
import { paths } from "@/web/lib/paths";
import { useChecklist } from "../../hooks/use-checklist";
import { itemsOfStep } from "../../step-documents";
import { STEP_IDS, type StepId } from "../../steps";
import { ItemDocuments } from "./item-documents";

export function WhatYouWillNeed({
  items,
  headingLevel = 2,
}: {
  items: readonly ChecklistItem[];
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    // Printed as compactly as the list it replaced, so the summary stays on two Letter pages.
    <section
      aria-labelledby="what-you-will-need"
      className="mb-6 border-l-4 border-slate-300 pl-4 print:mt-4 print:mb-0 print:border-0 print:pl-0"
    >
      <Heading id="what-you-will-need" className="text-xl font-bold print:text-base">
        What you will need
      </Heading>
      <p className="text-slate-700 print:hidden">Documents to attach when office staff submit this request:</p>
      <ul className="list-disc pl-6">
        {items.map((item) => (
          <li key={item.id}>
            {item.title} <span className="text-slate-700">({item.criteria.join(", ")})</span>
            {!item.required && <span className="text-slate-700">, if it applies</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function StaffDocuments({
  items,
  checklist,
}: {
  items: readonly ChecklistItem[];
  checklist: readonly ChecklistItem[];
}) {
  const evidence = useDraftEvidence(true);
  return (
    <section aria-labelledby="step-documents-title" className="mb-6">
      <h2 id="step-documents-title" className="mb-2 text-2xl font-bold">
        Supporting documents
      </h2>
      {evidence.error !== null && <LoadError error={evidence.error} retry={evidence.retry} />}
      {evidence.isPending ? (
        <p role="status">Loading the documents attached so far…</p>
      ) : (
        items.map((item) => (
          <ItemDocuments
            key={item.id}
            item={item}
            checklist={checklist}
            documents={evidence.documents}
            kept={evidence.kept}
            amends={evidence.amends}
          />
        ))
      )}
    </section>
  );
}

/** Pages that ask for evidence (the request and member pages never do). */
const EVIDENCE_STEPS: ReadonlySet<StepId> = new Set(STEP_IDS.filter((id) => id !== "request" && id !== "member"));

export function StepDocuments({ step }: { step: StepId }) {
  const session = useSession();
  const checklist = useChecklist();
  const items = itemsOfStep(checklist, step);
  if (session.isPending) return null;
  // The checklist needs the request page's answers: say so instead of showing nothing.
  if (checklist.length === 0 && EVIDENCE_STEPS.has(step) && session.data?.user.role === "staff")
    return (
      <p className="mb-6 border-l-4 border-slate-300 pl-4">
        To attach documents on this page, first answer the request type, request date and line of business on the{" "}
        <AppLink to={paths.step("request")}>Request page</AppLink>.
      </p>
    );
  if (items.length === 0) return null;
  if (session.data?.user.role !== "staff") return <WhatYouWillNeed items={items} />;
  return <StaffDocuments items={items} checklist={checklist} />;
}
