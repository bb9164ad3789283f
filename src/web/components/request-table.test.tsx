// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RequestPage, RequestSummaryRow } from "@/contract";
import { RequestTable } from "./request-table";

const row = (n: number): RequestSummaryRow => ({
  reference: `HGX-AAAA-BBB${n}`,
  status: "submitted",
  outcome: "meets_criteria",
  memberId: `M${n}`,
  memberName: `Member ${n}`,
  practiceName: "Practice A",
  expedited: false,
  receivedAt: "2026-11-27T10:00:00.000Z",
  dueAt: "2026-12-04T10:00:00.000Z",
  overdue: false,
  version: 1,
});

const pageOf = (change: Partial<RequestPage>): RequestPage => ({
  items: [row(1), row(2)],
  total: 7,
  page: 2,
  pageSize: 2,
  next: "NEXT_cursor",
  previous: "PREV_cursor",
  ...change,
});

const show = (page: RequestPage) =>
  render(
    <RequestTable
      page={page}
      caption="Requests"
      linkTo={(r) => `/review/${r}`}
      pageHref={(c) => `/review?cursor=${c}`}
    />,
  );

beforeEach(() => {
  window.scrollTo = vi.fn();
  window.history.replaceState(null, "", "/review");
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("the request table's pagination", () => {
  it("is a labelled nav with Previous and Next links to the pages the cursors lead to, and says where you are", () => {
    show(pageOf({}));
    const nav = screen.getByRole("navigation", { name: "Pages" });
    expect(within(nav).getByRole("link", { name: "Previous page" })).toHaveAttribute(
      "href",
      "/review?cursor=PREV_cursor",
    );
    expect(within(nav).getByRole("link", { name: "Previous page" })).toHaveAttribute("rel", "prev");
    expect(within(nav).getByRole("link", { name: "Next page" })).toHaveAttribute("href", "/review?cursor=NEXT_cursor");
    expect(within(nav).getByRole("link", { name: "Next page" })).toHaveAttribute("rel", "next");
    expect(nav).toHaveTextContent("Page 2 of 4 (7 requests)");
  });

  it("leaves out Previous on the first page and Next on the last", () => {
    const { unmount } = show(pageOf({ page: 1, previous: null }));
    expect(screen.queryByRole("link", { name: "Previous page" })).toBeNull();
    expect(screen.getByRole("link", { name: "Next page" })).toBeInTheDocument();
    unmount();
    show(pageOf({ page: 4, next: null, items: [row(7)] }));
    expect(screen.queryByRole("link", { name: "Next page" })).toBeNull();
    expect(screen.getByRole("navigation", { name: "Pages" })).toHaveTextContent("Page 4 of 4 (7 requests)");
  });

  it("moves in the page (History API) when a link is followed, without reloading", async () => {
    const moved = vi.fn();
    window.addEventListener("app:navigate", moved);
    show(pageOf({}));
    await userEvent.click(screen.getByRole("link", { name: "Next page" }));
    expect(window.location.pathname + window.location.search).toBe("/review?cursor=NEXT_cursor");
    expect(moved).toHaveBeenCalledTimes(1);
    window.removeEventListener("app:navigate", moved);
  });

  it("never says page 5 of 4 when requests arrived during the walk", () => {
    show(pageOf({ page: 5, total: 7, next: null }));
    expect(screen.getByRole("navigation", { name: "Pages" })).toHaveTextContent("Page 5 of 5");
  });
});

describe("resubmissions", () => {
  it("are marked in words with their version; first versions are not", () => {
    show(pageOf({ items: [row(1), { ...row(2), version: 2 }] }));
    const rows = screen.getAllByRole("row");
    expect(within(rows[2] as HTMLElement).getByText("Resubmitted (version 2)")).toBeTruthy();
    expect(within(rows[1] as HTMLElement).queryByText(/Resubmitted/)).toBeNull();
  });
});
