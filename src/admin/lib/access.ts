import { useQuery } from "@tanstack/react-query"
import { sdk } from "./sdk"

export type StaffMe = { role: string; branch_ids: string[]; branch_scoped: boolean; permissions: Record<string, string[]> }

export const ROLE_LABELS: Record<string, string> = {
  owner: "Owner",
  branch_manager: "Branch manager",
  sales_staff: "Sales staff",
  accountant: "Accountant",
  auditor: "Auditor (read-only)",
}

/** The signed-in user's role and what it may do (GET /admin/staff/me); the server checks every request anyway. */
export function useStaffAccess() {
  return useQuery({
    queryKey: ["staff", "me"],
    queryFn: () => sdk.client.fetch<StaffMe>("/admin/staff/me"),
    staleTime: 60_000,
  })
}

export function may(me: StaffMe | undefined, resource: string, action: string): boolean {
  return !!me?.permissions[resource]?.includes(action)
}
