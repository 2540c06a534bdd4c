import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

/** Fields of a branch every caller may see, with its stock location and sales channel. */
export const PUBLIC_BRANCH_FIELDS = [
  "id",
  "code",
  "name",
  "gstin",
  "state_code",
  "state_name",
  "address_1",
  "address_2",
  "city",
  "postal_code",
  "phone",
  "email",
  "stock_location.id",
  "stock_location.name",
  "sales_channel.id",
  "sales_channel.name",
]

export const ADMIN_BRANCH_FIELDS = [...PUBLIC_BRANCH_FIELDS, "is_active", "metadata", "created_at", "updated_at"]

export const ListBranchesQuery = createFindParams({ limit: 50, offset: 0, order: "code" })
  .extend({
    q: z.string().trim().min(1).max(100).optional(),
    code: z.union([z.string(), z.array(z.string())]).optional(),
    state_code: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict()

export const RetrieveBranchQuery = z.object({ fields: z.string().optional() }).strict()

export type ListBranchesQueryType = z.infer<typeof ListBranchesQuery>

type BranchFilters = Record<string, unknown>

export function branchFilters(query: ListBranchesQueryType, base: BranchFilters = {}): BranchFilters {
  const filters: BranchFilters = { ...base }
  if (query.q) {
    filters.q = query.q
  }
  if (query.code) {
    filters.code = query.code
  }
  if (query.state_code) {
    filters.state_code = query.state_code
  }
  return filters
}

export async function listBranches(req: MedusaRequest, filters: BranchFilters) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "branch",
    fields: req.queryConfig.fields,
    filters,
    pagination: req.queryConfig.pagination,
  })
  return {
    branches: data,
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  }
}

export async function retrieveBranch(req: MedusaRequest, id: string, filters: BranchFilters = {}) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "branch",
    fields: req.queryConfig.fields,
    filters: { ...filters, id },
  })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Branch with id "${id}" was not found`)
  }
  return data[0]
}
