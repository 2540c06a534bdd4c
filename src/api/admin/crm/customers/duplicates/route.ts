import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { findDuplicateCustomers } from "../../../../../modules/crm/queries/duplicates"
import type { CustomerSnapshot } from "../../../../../workflows/crm"
import type { DuplicatesQueryType } from "../../validators"

/** A customer as the merge snapshots it, with the profile fields that tell duplicates apart. */
type Candidate = Omit<CustomerSnapshot, "customer_profile"> & { customer_profile?: { phone: string | null; birthday: string | null } | null }

/**
 * GET /admin/crm/customers/duplicates?by=phone|email|name_birthday — groups
 * of customers that look like one person, each with enough to choose the
 * one to keep (a customer with a storefront login must be the one kept).
 */
export async function GET(req: MedusaRequest<unknown, DuplicatesQueryType>, res: MedusaResponse) {
  const q = req.validatedQuery as DuplicatesQueryType
  const { groups, count } = await findDuplicateCustomers(req.scope, q)
  const ids = [...new Set(groups.flatMap((g) => g.customer_ids))]
  const { data } = ids.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "customer",
        fields: ["id", "first_name", "last_name", "email", "phone", "has_account", "created_at", "customer_profile.phone", "customer_profile.birthday"],
        filters: { id: ids },
      })
    : { data: [] }
  const byId = new Map((data as unknown as Candidate[]).map((c) => [c.id, c]))
  res.json({
    groups: groups.map((group) => ({
      ...group,
      customers: group.customer_ids.map((id) => byId.get(id)).filter(Boolean),
    })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
