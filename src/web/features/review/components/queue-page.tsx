/**
 * The reviewers' queue: filter by status and outcome, sort by received or due date, search by
 * reference or member ID, paginated on the server. Overdue requests stand out. The search text
 * stays in the page, never in the URL (a member ID is patient data).
 */
import { useState, type SyntheticEvent } from "react";
import {
  OUTCOME_LABELS,
  REQUEST_STATUSES,
  REQUEST_STATUS_LABELS,
  type Outcome,
  type QueueQuery,
  type RequestStatus,
} from "@/criteria";
import { useRequestList } from "@/web/api/request-list";
import { Button } from "@/web/components/buttons";
import { Empty, LoadError, Loading } from "@/web/components/query-state";
import { RequestTable } from "@/web/components/request-table";
import { useDocumentTitle } from "@/web/components/use-document-title";

const OUTCOMES = Object.keys(OUTCOME_LABELS) as Outcome[];
const selectClass = "block border-2 border-slate-900 bg-white px-2 py-1.5 text-lg";

export function QueuePage() {
  useDocumentTitle("Review queue");
  const [query, setQuery] = useState<QueueQuery>({ page: 1, pageSize: 25, sort: "due" });
  const [search, setSearch] = useState("");
  const list = useRequestList(query);
  const update = (change: Partial<QueueQuery>) => setQuery((q) => ({ ...q, ...change, page: change.page ?? 1 }));
  const onSearch = (event: SyntheticEvent) => {
    event.preventDefault();
    update({ q: search.trim() === "" ? undefined : search.trim() });
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
          linkTo={(ref) => `/review/${ref}`}
          onPage={(page) => update({ page })}
        />
      )}
    </div>
  );
}
