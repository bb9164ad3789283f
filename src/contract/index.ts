/**
 * The HTTP contract's public entry: what the web client and the server exchange (bodies, answers,
 * roles and statuses, the admin API). Pure TypeScript like the criteria library, which it builds
 * on; it holds no policy of its own.
 */
export * from "./api";
export * from "./admin";
export * from "./documents";
export * from "./record-import-settings";
