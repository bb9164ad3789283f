/**
 * Starts the test FHIR server (fhir-server.ts) with the synthetic patients, for the browser tests
 * (playwright.config.ts starts it) and for demos (`npm run fhir:demo`). Settings from the
 * environment: FHIR_PORT (8090), FHIR_HOST (127.0.0.1), APP_ORIGIN (the app allowed to call it,
 * http://127.0.0.1:3000; several separated by commas), FHIR_RECORDS (a folder of more patients'
 * Bundles as JSON, optional). Stops on SIGINT/SIGTERM.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Bundle } from "@medplum/fhirtypes";
import { testPatients } from "@/fhir";
import { startFhirServer, TENANTS } from "./fhir-server";

const folder = process.env.FHIR_RECORDS;
const more = (
  folder !== undefined && existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: "utf8" }) : []
)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(folder ?? "", name), "utf8")) as Bundle)
  .filter(
    (bundle) =>
      bundle.resourceType === "Bundle" && (bundle.entry ?? []).some((e) => e.resource?.resourceType === "Patient"),
  );

const server = await startFhirServer({
  port: Number(process.env.FHIR_PORT ?? 8090),
  host: process.env.FHIR_HOST ?? "127.0.0.1",
  allowedOrigins: (process.env.APP_ORIGIN ?? "http://127.0.0.1:3000").split(",").map((o) => o.trim()),
  records: [
    // Each patient's record with what only the server holds (a document's Binary), as one load.
    ...Object.values(testPatients()).map((patient) => ({
      ...patient.bundle,
      entry: [...(patient.bundle.entry ?? []), ...patient.serverOnly.map((resource) => ({ resource }))],
    })),
    ...more,
  ].filter((bundle) => new Set((bundle.entry ?? []).filter((e) => e.resource?.resourceType === "Patient")).size === 1),
});

console.log(`Test FHIR server (SMART on FHIR) at ${server.base()} with ${server.patients.length} patients:`);
for (const patient of server.patients) console.log(`  Patient/${patient.id}  ${patient.name}`);
console.log(
  `Misbehaving bases: ${TENANTS.filter((t) => t !== "fhir")
    .map((t) => server.base(t))
    .join(", ")}`,
);
console.log(`Start the app with FHIR_SERVERS=${server.origin} so its pages may connect here.`);

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
