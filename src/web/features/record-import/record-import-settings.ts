/**
 * The installation's record-import settings (GET /api/settings/record-import: the local codes an
 * admin configured, such as the lab's code for the AAV5 antibody test), read through the app's
 * QueryClient when a record is mapped. No sign-in needed: the self-check uses them too. They are
 * revalidated each time (the server sends an ETag), so an admin's change applies to the next import.
 * A failure is an answer, not an error: the import goes on without local codes, and says so.
 */
import { queryOptions } from "@tanstack/react-query";
import { recordImportSettingsSchema, type RecordImportSettings } from "@/contract";
import type { LocalCodes } from "@/fhir";
import { queryClient } from "@/web/lib/query-client";

/** The settings are small and the server near: a record is never held up longer than this for them. */
const DEADLINE_MS = 8_000;

async function readSettings(signal: AbortSignal): Promise<RecordImportSettings> {
  const response = await fetch("/api/settings/record-import", {
    headers: { accept: "application/json" },
    credentials: "same-origin",
    signal: AbortSignal.any([signal, AbortSignal.timeout(DEADLINE_MS)]),
  });
  if (!response.ok) throw new Error(`The server answered ${response.status}`);
  return recordImportSettingsSchema.parse(await response.json());
}

export const recordImportSettingsQuery = queryOptions({
  queryKey: ["settings", "record-import"] as const,
  queryFn: ({ signal }) => readSettings(signal),
  // Read afresh for each record (the browser's cache answers 304 when nothing changed).
  staleTime: 0,
  retry: false,
});

/** The configured local codes, or `undefined` when the settings could not be read. */
export async function configuredLocalCodes(): Promise<LocalCodes | undefined> {
  try {
    const settings = await queryClient.query(recordImportSettingsQuery);
    return { aav5Antibody: settings.localCodes.aav5Antibody.map(({ system, code }) => ({ system, code })) };
  } catch {
    return undefined;
  }
}
