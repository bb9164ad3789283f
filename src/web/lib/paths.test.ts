import { describe, expect, it } from "vitest";
import { isIntakeRoute, matchRoute, paths, type Route } from "./paths";

/** The route without its query, for comparison. */
const route = (location: string): Omit<Route, "query"> => {
  const { query: _query, ...rest } = matchRoute(location);
  return rest;
};

describe("paths", () => {
  it("builds every address of the app", () => {
    expect(paths.start()).toBe("/");
    expect(paths.step("liver")).toBe("/request/liver");
    expect(paths.step("liver", true)).toBe("/request/liver?return=check");
    expect(paths.check()).toBe("/check");
    expect(paths.summary()).toBe("/summary");
    expect(paths.signIn()).toBe("/sign-in");
    expect(paths.myRequests()).toBe("/requests");
    expect(paths.myRequests("abc_-1")).toBe("/requests?cursor=abc_-1");
    expect(paths.request("HGX-AB12-CD34")).toBe("/requests/HGX-AB12-CD34");
    expect(paths.requestSummary("HGX-AB12-CD34")).toBe("/requests/HGX-AB12-CD34/summary");
    expect(paths.requestNotice("HGX-AB12-CD34")).toBe("/requests/HGX-AB12-CD34/notice");
    expect(paths.queue()).toBe("/review");
    expect(paths.review("HGX-AB12-CD34")).toBe("/review/HGX-AB12-CD34");
    expect(paths.reviewNotice("HGX-AB12-CD34")).toBe("/review/HGX-AB12-CD34/notice");
    expect(paths.accounts()).toBe("/admin/users");
    expect(paths.newAccount()).toBe("/admin/users/new");
    expect(paths.account(12)).toBe("/admin/users/12");
    expect(paths.changeAccount(12, "password")).toBe("/admin/users/12/password");
    expect(paths.practices()).toBe("/admin/practices");
    expect(paths.practice(3)).toBe("/admin/practices/3");
    expect(paths.recordImportSettings()).toBe("/admin/record-import");
  });

  it("puts the queue's filters, sort and page in a fixed order, leaving out what is not set", () => {
    expect(paths.queue({ cursor: "c1", sort: "received", status: "submitted" })).toBe(
      "/review?status=submitted&sort=received&cursor=c1",
    );
    expect(paths.queue({ outcome: "refer", cursor: undefined })).toBe("/review?outcome=refer");
  });
});

describe("matchRoute", () => {
  it("reads every built address back into its route", () => {
    expect(route(paths.start())).toEqual({ name: "start" });
    expect(route(paths.step("liver"))).toEqual({ name: "step", step: "liver" });
    expect(route(paths.check())).toEqual({ name: "check" });
    expect(route(paths.summary())).toEqual({ name: "summary" });
    expect(route(paths.signIn())).toEqual({ name: "signIn" });
    expect(route(paths.myRequests("c1"))).toEqual({ name: "myRequests" });
    expect(route(paths.request("HGX-1"))).toEqual({ name: "request", reference: "HGX-1" });
    expect(route(paths.requestSummary("HGX-1"))).toEqual({ name: "requestSummary", reference: "HGX-1" });
    expect(route(paths.requestNotice("HGX-1"))).toEqual({ name: "requestNotice", reference: "HGX-1" });
    expect(route(paths.queue({ status: "submitted" }))).toEqual({ name: "queue" });
    expect(route(paths.review("HGX-1"))).toEqual({ name: "review", reference: "HGX-1" });
    expect(route(paths.reviewNotice("HGX-1"))).toEqual({ name: "reviewNotice", reference: "HGX-1" });
    expect(route(paths.accounts())).toEqual({ name: "accounts" });
    expect(route(paths.newAccount())).toEqual({ name: "newAccount" });
    expect(route(paths.account(12))).toEqual({ name: "account", id: 12 });
    expect(route(paths.changeAccount(12, "status"))).toEqual({ name: "changeAccount", id: 12, which: "status" });
    expect(route(paths.practices())).toEqual({ name: "practices" });
    expect(route(paths.practice(3))).toEqual({ name: "practice", id: 3 });
  });

  it("gives the address's query with the route", () => {
    expect(matchRoute("/request/liver?return=check&x=1").query.get("return")).toBe("check");
    expect(matchRoute("/requests?cursor=abc").query.get("cursor")).toBe("abc");
    const queue = matchRoute("/review?status=submitted&sort=due");
    expect(queue.name).toBe("queue");
    expect(queue.query.get("status")).toBe("submitted");
    expect(queue.query.get("sort")).toBe("due");
  });

  it("leaves the wizard's step names to the wizard: any /request/… is a step route", () => {
    expect(route("/request/no-such-step")).toEqual({ name: "step", step: "no-such-step" });
    expect(route("/request/")).toEqual({ name: "step", step: "" });
    expect(route("/request/liver/extra")).toEqual({ name: "step", step: "liver/extra" });
  });

  it("forgives a trailing slash in the admin area, where /admin is the accounts page", () => {
    expect(route("/admin")).toEqual({ name: "accounts" });
    expect(route("/admin/")).toEqual({ name: "accounts" });
    expect(route("/admin/users/")).toEqual({ name: "accounts" });
    expect(route("/admin/practices/3/")).toEqual({ name: "practice", id: 3 });
    expect(route("/admin/record-import/")).toEqual({ name: "recordImportSettings" });
  });

  it("answers notFound for anything else", () => {
    for (const location of [
      "/nowhere",
      "/check/",
      "/requests/",
      "/requests/HGX-1/other",
      "/requests/HGX 1",
      "/review/HGX-1/summary",
      "/admin/users/0",
      "/admin/users/12345678901",
      "/admin/users/12/role",
      "/admin/other",
      "/Admin/users",
    ])
      expect(route(location), location).toEqual({ name: "notFound" });
  });

  it("tells the wizard's routes from the signed-in pages", () => {
    for (const location of ["/", "/request/liver", "/request/anything", "/check", "/summary"])
      expect(isIntakeRoute(matchRoute(location)), location).toBe(true);
    for (const location of ["/sign-in", "/requests", "/review", "/admin", "/requests/HGX-1", "/nowhere"])
      expect(isIntakeRoute(matchRoute(location)), location).toBe(false);
  });
});
