/**
 * The documents a reviewer asked the practice to add (checklist items ticked with "Request more
 * information"), titled as they were at the decision: shown on the practice's request page and
 * above the wizard while amending, so staff know exactly which ones to attach.
 */
import type { DocumentRequested } from "@/contract";

export function DocumentsRequested({
  documents,
  headingLevel = 3,
}: {
  documents: readonly DocumentRequested[];
  headingLevel?: 2 | 3;
}) {
  if (documents.length === 0) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="mt-3">
      <Heading className="font-bold">Documents to add (missing or unreadable)</Heading>
      <ul className="list-disc pl-6">
        {documents.map((doc) => (
          <li key={doc.id}>{doc.title}</li>
        ))}
      </ul>
    </div>
  );
}
