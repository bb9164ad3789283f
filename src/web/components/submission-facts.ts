/** The facts a printed summary carries once a request is submitted, from the request's detail. */
import type { RequestDetail } from "@/contract";
import type { SubmissionFacts } from "./request-summary";

export function submissionFacts(request: RequestDetail): SubmissionFacts {
  const current = request.versions.find((v) => v.version === request.version) ?? request.versions.at(-1);
  return {
    reference: request.reference,
    practiceName: request.practiceName,
    receivedAt: request.receivedAt,
    version: request.version,
    submittedBy: current?.submittedBy ?? "",
    submittedAt: current?.submittedAt ?? request.receivedAt,
  };
}
