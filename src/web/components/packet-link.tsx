/**
 * "Download the submission packet": one PDF of the request's cover (member, outcome, every
 * criterion's status, missing documents, an index) and every document of its current version, to
 * fax or upload to a payer portal. A plain download link: the server builds it and names the file.
 */
export function PacketLink({ reference }: { reference: string }) {
  return (
    <p className="mb-6 print:hidden">
      <a href={`/api/requests/${encodeURIComponent(reference)}/packet`} download className="font-bold underline">
        Download the submission packet
      </a>{" "}
      <span className="text-slate-700">(one PDF: a cover with every criterion, then every document)</span>
    </p>
  );
}
