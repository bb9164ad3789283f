/**
 * The reviewers' queue: filter by status and outcome, sort by received or due date, search by
 * reference or member ID, paginated on the server by cursor. Overdue requests stand out. Filters,
 * sort and page live in the address (so Back and a reload keep them); the search text stays in
 * the page, never in the URL (a member ID is patient data).
 */
import { useState, type SyntheticEvent } from "react";
import { OUTCOMES, OUTCOME_LABELS, type Outcome } from "@/criteria";
import {
  REQUEST_STATUSES,
  REQUEST_STATUS_LABELS,
  queueQuerySchema,
  type QueueQuery,
  type RequestStatus,
} from "@/contract";
import { paths } from "@/web/lib/paths";
import { navigate } from "@/web/lib/router";
import { useRefusedCursorRestarts, useRequestList } from "@/web/api/request-list";
import { Button } from "@/web/components/buttons";
import { Empty, LoadError, Loading } from "@/web/components/query-state";
import { RequestTable } from "@/web/components/request-table";
import { useDocumentTitle } from "@/web/components/use-document-title";

const selectClass = "block border-2 border-slate-900 bg-white px-2 py-1.5 text-lg";

type AddressQuery = Pick<QueueQuery, "status" | "outcome" | "sort" | "cursor">;

/** What the address asks for; anything the API would refuse (an edited address) is left out. */
function addressQuery(params: URLSearchParams): AddressQuery {
  const pick: Record<string, string> = {};
  for (const key of ["status", "outcome", "sort", "cursor"] as const) {
    const value = params.get(key);
    if (value !== null) pick[key] = value;
  }
  const parse = (input: Record<string, string>) => queueQuerySchema.safeParse({ sort: "due", ...input });
  const { cursor, ...rest } = pick;
  const parsed = parse(pick);
  const fallback = parsed.success ? parsed : parse(rest);
  if (!fallback.success) return { sort: "due" };
  const { status, outcome, sort, cursor: valid } = fallback.data;
  return { status, outcome, sort, cursor: cursor === undefined ? undefined : valid };
}

/** `query`: the address's query (the route's). */
export function QueuePage({ query: params }: { query: URLSearchParams }) {
  useDocumentTitle("Review queue");
  const address = addressQuery(params);
  const [q, setQ] = useState<string | undefined>(undefined);
  const [search, setSearch] = useState("");
  const query: QueueQuery = { ...address, q, pageSize: 25 };
  const list = useRequestList(query);
  // A cursor the server refuses (edited, or made under other filters) starts again at the first page.
  useRefusedCursorRestarts(list.error, address.cursor, paths.queue({ ...address, cursor: undefined }));
  /** A new filter or sort starts again at the first page. */
  const update = (change: Partial<Omit<QueueQuery, "q">>) =>
    navigate(paths.queue({ ...address, ...change, cursor: undefined }));
  const onSearch = (event: SyntheticEvent) => {
    event.preventDefault();
    setQ(search.trim() === "" ? undefined : search.trim());
    navigate(paths.queue({ ...address, cursor: undefined }));
  };

  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">Review queue</h1>
      <div className="mb-6 flex flex-wrap items-end gap-6">
        <div>
          <label htmlFor="queue-status" className="mb-1 block font-bold">
            Status
          </label>
          <select
            id="queue-status"
            className={selectClass}
            value={query.status ?? ""}
            onChange={(e) => update({ status: (e.target.value || undefined) as RequestStatus | undefined })}
          >
            <option value="">Any status</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {REQUEST_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="queue-outcome" className="mb-1 block font-bold">
            Outcome
          </label>
          <select
            id="queue-outcome"
            className={selectClass}
            value={query.outcome ?? ""}
            onChange={(e) => update({ outcome: (e.target.value || undefined) as Outcome | undefined })}
          >
            <option value="">Any outcome</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o].split(" — ")[0]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="queue-sort" className="mb-1 block font-bold">
            Sort by
          </label>
          <select
            id="queue-sort"
            className={selectClass}
            value={query.sort ?? "due"}
            onChange={(e) => update({ sort: e.target.value === "received" ? "received" : "due" })}
          >
            <option value="due">Due date, soonest first</option>
            <option value="received">Received, newest first</option>
          </select>
        </div>
        <form role="search" onSubmit={onSearch} className="flex items-end gap-2">
          <div>
            <label htmlFor="queue-search" className="mb-1 block font-bold">
              Reference or member ID
            </label>
            <input
              id="queue-search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              className="block border-2 border-slate-900 px-2 py-1.5 text-lg"
            />
          </div>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
      </div>
      {list.isPending ? (
        <Loading what="the queue" />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : list.data.total === 0 ? (
        <Empty>No requests match.</Empty>
      ) : (
        <RequestTable
          page={list.data}
          caption="Requests to review"
          linkTo={paths.review}
          pageHref={(cursor) => paths.queue({ ...address, cursor })}
        />
      )}
    </div>
  );
}
