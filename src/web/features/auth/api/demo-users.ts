/** GET /api/demo: the demo accounts, shown on the sign-in page in demo mode. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Role } from "@/contract";
import { api } from "@/web/lib/api-client";

export interface DemoInfo {
  demo: boolean;
  users: { email: string; password: string; role: Role; name: string }[];
}

export const demoUsersQuery = queryOptions({
  queryKey: ["demo-users"],
  queryFn: () => api<DemoInfo>("/api/demo"),
  staleTime: Infinity,
});

export const useDemoUsers = () => useQuery(demoUsersQuery);
