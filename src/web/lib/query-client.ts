/**
 * The app's one QueryClient. Only lazily loaded parts import it, so the self-check wizard's first
 * bundle carries no server-state code.
 */
import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-client";

// networkMode "always": offline, a call fails at once with "Could not reach the server" and the
// screen offers a retry. The default ("online") holds it silently until the browser is back online
// and then sends what was typed at the first attempt, even if it has been changed since.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      networkMode: "always",
      staleTime: 15_000,
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { networkMode: "always", retry: false },
  },
});
