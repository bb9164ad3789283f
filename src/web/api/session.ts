/** GET/POST/DELETE /api/session: who is signed in, sign in, sign out. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SessionInfo } from "@/contract";
import { api, reportSessionEnded, setCsrfToken } from "@/web/lib/api-client";
import { markSignedInHere, wasSignedInHere } from "@/web/lib/signed-in-here";

/** The signed-in session, or null when signed out (the server answers 204). */
async function fetchSession(): Promise<SessionInfo | null> {
  const session = (await api<SessionInfo | undefined>("/api/session")) ?? null;
  setCsrfToken(session?.csrfToken);
  if (session !== null) markSignedInHere();
  // Signed in here before, signed out now without signing out: the session ended by itself.
  else if (wasSignedInHere()) reportSessionEnded();
  return session;
}

export const sessionQuery = queryOptions({ queryKey: ["session"], queryFn: fetchSession, staleTime: 60_000 });

export const useSession = () => useQuery(sessionQuery);

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      api<SessionInfo>("/api/session", { method: "POST", body: credentials }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      markSignedInHere();
      client.setQueryData(sessionQuery.queryKey, session);
    },
  });
}

/** Signs out; `forgetLocalData` clears the request kept in this browser so the next user cannot see it. */
export function useSignOut(forgetLocalData: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<undefined>("/api/session", { method: "DELETE" }),
    onSettled: () => {
      forgetLocalData();
      setCsrfToken(undefined);
      client.setQueryData(sessionQuery.queryKey, null);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQuery.queryKey[0] });
    },
  });
}
