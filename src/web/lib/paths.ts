/**
 * The app's one route table. Every in-app address is built here (`paths.request(reference)`), and
 * `matchRoute` reads an address back into the route it names: the shell, the signed-in pages, the
 * admin area and the wizard all switch on its answer, so each path is written once. The table is
 * data (one pattern per route, from which both directions are derived) because it sits in the
 * first bundle, which is budgeted. Addresses never carry patient data (a member ID or a search
 * stays in the page).
 */

export type AccountChange = "details" | "password" | "status";

const ROUTES = {
  start: "/",
  check: "/check",
  summary: "/summary",
  step: "/request/:step",
  /** Fill from the patient's record: a Bundle file or a FHIR server; SMART launches come back here. */
  record: "/record",
  /** The EHR launch: the EHR opens it with `iss` and `launch` (no patient data in either). */
  recordLaunch: "/record/launch",
  signIn: "/sign-in",
  myRequests: "/requests",
  request: "/requests/:reference",
  requestSummary: "/requests/:reference/summary",
  requestNotice: "/requests/:reference/notice",
  queue: "/review",
  review: "/review/:reference",
  reviewNotice: "/review/:reference/notice",
  accounts: "/admin/users",
  newAccount: "/admin/users/new",
  account: "/admin/users/:id",
  changeAccount: "/admin/users/:id/:which",
  practices: "/admin/practices",
  practice: "/admin/practices/:id",
  /** The record import's local codes (installation-wide). */
  recordImportSettings: "/admin/record-import",
} as const;

/** What each parameter may be: a step is any rest of the path (the wizard knows its steps). */
const PARAMS: Readonly<Record<string, string>> = {
  step: ".*",
  reference: "[A-Za-z0-9-]+",
  id: "[1-9][0-9]{0,9}",
  which: "details|password|status",
};

type Name = keyof typeof ROUTES;
type ParamNames<P> = P extends `${string}:${infer N}/${infer Rest}`
  ? N | ParamNames<Rest>
  : P extends `${string}:${infer N}`
    ? N
    : never;
type ParamType<N> = N extends "id" ? number : N extends "which" ? AccountChange : string;
type ParamsOf<P> = { [N in ParamNames<P>]: ParamType<N> };
type ArgsOf<P> = P extends `${string}:${infer N}/${infer Rest}`
  ? [ParamType<N>, ...ArgsOf<Rest>]
  : P extends `${string}:${infer N}`
    ? [ParamType<N>]
    : [];

/** A route: its name, its parameters, and the address's query. */
export type Route =
  | { [K in Name]: { name: K; query: URLSearchParams } & ParamsOf<(typeof ROUTES)[K]> }[Name]
  | { name: "notFound"; query: URLSearchParams };

/** The queue's filters, sort and page, as they stand in its address (validated by the queue page). */
export interface QueueAddress {
  status?: string | undefined;
  outcome?: string | undefined;
  sort?: string | undefined;
  cursor?: string | undefined;
}

const fill =
  <K extends Name>(name: K) =>
  (...args: ArgsOf<(typeof ROUTES)[K]>): string => {
    const values: unknown[] = args;
    return ROUTES[name].replace(/:\w+/g, () => String(values.shift()));
  };

/** The typed path builders, one per route. */
export const paths = {
  ...(Object.fromEntries(Object.keys(ROUTES).map((name) => [name, fill(name as Name)])) as {
    [K in Name]: (...args: ArgsOf<(typeof ROUTES)[K]>) => string;
  }),
  /** A wizard step; `returnToCheck` brings Continue back to "Check your answers". */
  step: (step: string, returnToCheck = false): string => fill("step")(step) + (returnToCheck ? "?return=check" : ""),
  /** Staff: their practice's requests, from a page's cursor (opaque, URL-safe). */
  myRequests: (cursor?: string): string => ROUTES.myRequests + (cursor === undefined ? "" : `?cursor=${cursor}`),
  /** The review queue with its filters, sort and page (never the search text), in this order. */
  queue: (query: QueueAddress = {}): string => {
    const params = new URLSearchParams();
    for (const key of ["status", "outcome", "sort", "cursor"] as const) {
      const value = query[key];
      if (value !== undefined) params.set(key, value);
    }
    return params.size === 0 ? ROUTES.queue : `${ROUTES.queue}?${params.toString()}`;
  },
};

/** Each route's pattern as a regular expression, its parameters as named groups. */
const MATCHERS = Object.entries(ROUTES).map(
  ([name, pattern]) =>
    [
      name,
      new RegExp(`^${pattern.replace(/:(\w+)/g, (_, key: string) => `(?<${key}>${PARAMS[key] ?? ""})`)}$`),
    ] as const,
);

/** The route an address (path and query) names; `notFound` when none. */
export function matchRoute(location: string): Route {
  const [rawPath = "/", search = ""] = location.split("?");
  const query = new URLSearchParams(search);
  // The admin area forgives a trailing slash, and /admin is its accounts page.
  let path = rawPath.startsWith("/admin") ? rawPath.replace(/\/$/, "") : rawPath;
  if (path === "/admin") path = ROUTES.accounts;
  for (const [name, regex] of MATCHERS) {
    const match = regex.exec(path);
    if (match === null) continue;
    const params: Record<string, string | number> = { ...match.groups };
    if (params.id !== undefined) params.id = Number(params.id);
    return { name, query, ...params } as Route;
  }
  return { name: "notFound", query };
}

/** The wizard's routes: the intake feature shows them (in the first bundle); the rest are signed-in pages. */
export const isIntakeRoute = (route: Route): boolean =>
  ["start", "step", "check", "summary", "record", "recordLaunch"].includes(route.name);

/** The record import's pages, shown inside the wizard (they fill its answers). */
export const isRecordRoute = (route: Route): boolean => route.name === "record" || route.name === "recordLaunch";
