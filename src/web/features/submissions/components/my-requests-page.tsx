/** "My requests": the practice's submitted requests with their status and dates. */
import { useState } from "react";
import { useRequestList } from "@/web/api/request-list";
import { Empty, LoadError, Loading } from "@/web/components/query-state";
import { RequestTable } from "@/web/components/request-table";
import { useDocumentTitle } from "@/web/components/use-document-title";

export function MyRequestsPage() {
  useDocumentTitle("My requests");
  const [page, setPage] = useState(1);
  const list = useRequestList({ page, pageSize: 20, sort: "received" });
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">My requests</h1>
      {list.isPending ? (
        <Loading what="your requests" />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : list.data.total === 0 ? (
        <Empty>No requests submitted yet. Fill in a request and submit it from its summary.</Empty>
      ) : (
        <RequestTable
          page={list.data}
          caption="Your practice's requests"
          linkTo={(ref) => `/requests/${ref}`}
          onPage={setPage}
        />
      )}
    </div>
  );
}
