/** GET /api/admin/record-import and the AAV5 antibody codes' POST and DELETE (admins): the record import's local codes. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ConfiguredLocalCode, LocalCodeInput, RecordImportAdmin } from "@/contract";
import { api } from "@/web/lib/api-client";

const CODES = "/api/admin/record-import/aav5-antibody-codes";

/** The admin view's key; the public settings' key (the record import's) is invalidated with it. */
export const adminRecordImportKey = ["admin", "record-import"] as const;
const publicSettingsKey = ["settings", "record-import"] as const;

export const adminRecordImportQuery = () =>
  queryOptions({
    queryKey: adminRecordImportKey,
    queryFn: () => api<RecordImportAdmin>("/api/admin/record-import"),
  });

export const useAdminRecordImport = () => useQuery(adminRecordImportQuery());

function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: adminRecordImportKey }),
      client.invalidateQueries({ queryKey: publicSettingsKey }),
    ]);
}

// Read again after a refusal too: "configured already" or "removed already" means another admin
// changed the list meanwhile, and the screen should show the list as it now is.
export function useAddLocalCode() {
  const onSettled = useInvalidate();
  return useMutation({
    mutationFn: (body: LocalCodeInput) => api<ConfiguredLocalCode>(CODES, { method: "POST", body }),
    onSettled,
  });
}

export function useRemoveLocalCode() {
  const onSettled = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => api<ConfiguredLocalCode>(`${CODES}/${id}`, { method: "DELETE" }),
    onSettled,
  });
}
