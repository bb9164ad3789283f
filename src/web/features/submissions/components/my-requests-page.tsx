/** "My requests": the practice's submitted requests with their status and dates, newest first. */
import { useRefusedCursorRestarts, useRequestList } from "@/web/api/request-list";
import { AppLink } from "@/web/components/app-link";
import { Empty, LoadError, Loading } from "@/web/components/query-state";
import { RequestTable } from "@/web/components/request-table";
import { useDocumentTitle } from "@/web/components/use-document-title";
import { paths } from "@/web/lib/paths";

/** `cursor`: the page, from the address (dates and an internal id, no patient data), so Back works. */
export function MyRequestsPage({ cursor: given }: { cursor: string | undefined }) {
  useDocumentTitle("My requests");
  const list = useRequestList({ cursor: given, pageSize: 20, sort: "received" });
  // An edited or foreign cursor (the server refuses it) starts again at the first page.
  useRefusedCursorRestarts(list.error, given, paths.myRequests());
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">My requests</h1>
      {list.isPending ? (
        <Loading what="your requests" />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : list.data.total === 0 ? (
        <>
          <Empty>No requests submitted yet. Fill in a request and submit it from its summary.</Empty>
          {/* A link that looks like GOV.UK's start button: it goes to the start page, a place to go to. */}
          <p className="mt-6">
            <AppLink
              to={paths.start()}
              className="inline-block border-b-4 border-slate-900/40 bg-green-800 px-4 py-2 text-lg font-bold text-white hover:bg-green-900"
            >
              Start a request
            </AppLink>
          </p>
        </>
      ) : (
        <RequestTable
          page={list.data}
          caption="Your practice's requests"
          linkTo={paths.request}
          pageHref={paths.myRequests}
        />
      )}
    </div>
  );
}
