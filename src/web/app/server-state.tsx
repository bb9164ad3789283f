/** Server state for the lazily loaded parts of the app; they share one QueryClient. */
import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { onSessionEnded, setCsrfToken } from "@/web/lib/api-client";
import { paths } from "@/web/lib/paths";
import { queryClient } from "@/web/lib/query-client";
import { sessionQuery } from "@/web/api/session";
import { endSignedInSession } from "./session-end";
import { navigate } from "@/web/lib/router";

// The server said the session is over while the app runs: clear what it left here, go to sign-in.
onSessionEnded(() => {
  if (!endSignedInSession()) return;
  setCsrfToken(undefined);
  queryClient.setQueryData(sessionQuery.queryKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQuery.queryKey[0] });
  navigate(paths.signIn(), { replace: true });
});

export function ServerState({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
