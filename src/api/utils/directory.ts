import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * Names the admin's answers put beside ids: the shop's branches, staff, customers. Each is one read for a page of
 * records, so a route names all it shows at once.
 */

export type BranchEntry = { id: string; code: string; name: string; state_code: string; location_id: string | null }

/** The shop's branches (a handful) with their GST state and stock location. */
export async function branchDirectory(scope: MedusaContainer): Promise<BranchEntry[]> {
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "branch", fields: ["id", "code", "name", "state_code", "stock_location.id"] })
  return (data as { id: string; code: string; name: string; state_code: string; stock_location?: { id: string } | null }[]).map((b) => ({
    id: b.id,
    code: b.code,
    name: b.name,
    state_code: b.state_code,
    location_id: b.stock_location?.id ?? null,
  }))
}

/** Staff names by user id ("Priya Shah", or the e-mail); an id that is no user (an API key) stays as it is. */
export async function userNames(scope: MedusaContainer, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  if (!wanted.length) {
    return new Map()
  }
  const users = await scope.resolve(Modules.USER).listUsers({ id: wanted }, { select: ["id", "first_name", "last_name", "email"] })
  return new Map(users.map((u) => [u.id, [u.first_name, u.last_name].filter(Boolean).join(" ") || u.email]))
}

/** A staff member as answers name them, from userNames' map; null for no one. */
export const staffRef = (names: Map<string, string>, id: string | null) => (id ? { id, name: names.get(id) ?? id } : null)

export type CustomerContact = { id: string; name: string; phone: string | null }

/** Customers' names and phones (the profile's phone first) by id; a customer not found is named by their id. */
export async function customerContacts(scope: MedusaContainer, ids: string[]): Promise<Map<string, CustomerContact>> {
  const wanted = [...new Set(ids)]
  const { data } = wanted.length
    ? await scope
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "customer", fields: ["id", "first_name", "last_name", "email", "phone", "customer_profile.phone"], filters: { id: wanted } })
    : { data: [] }
  const found = data as { id: string; first_name: string | null; last_name: string | null; email: string | null; phone: string | null; customer_profile?: { phone: string | null } | null }[]
  return new Map(
    wanted.map((id) => {
      const c = found.find((f) => f.id === id)
      return [id, { id, name: [c?.first_name, c?.last_name].filter(Boolean).join(" ") || c?.email || id, phone: c?.customer_profile?.phone ?? c?.phone ?? null }]
    })
  )
}
