import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { ListBranchesQueryType } from "./validators"

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
