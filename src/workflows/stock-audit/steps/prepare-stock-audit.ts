import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OpenAuditInput } from "../../../modules/stock-audit/service"

export type OpenStockAuditInput = { branch_id: string; category_id: string | null; note: string | null; user_id: string | null }

type CategoryTree = { id: string; category_children?: CategoryTree[] | null }

const flatten = (c: CategoryTree): string[] => [c.id, ...(c.category_children ?? []).flatMap(flatten)]

/**
 * What opening an audit needs, read and checked before anything is written: the branch's stock location
 * (what the audit counts) and, for an audit of one category, that category with its subcategories.
 */
export const prepareStockAuditStep = createStep("prepare-stock-audit", async (input: OpenStockAuditInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "branch", fields: ["id", "name", "stock_location.id"], filters: { id: input.branch_id } })
  const branch = data[0] as { id: string; name: string; stock_location?: { id: string } | null } | undefined
  if (!branch) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Branch "${input.branch_id}" was not found`)
  }
  if (!branch.stock_location?.id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${branch.name} has no stock location to count; link one to the branch first`)
  }
  let categoryIds: string[] | null = null
  if (input.category_id) {
    const [category] = (await container
      .resolve(Modules.PRODUCT)
      .listProductCategories({ id: input.category_id, include_descendants_tree: true }, { select: ["id"] })) as unknown as CategoryTree[]
    if (!category) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product category "${input.category_id}" was not found`)
    }
    categoryIds = flatten(category)
  }
  const open: OpenAuditInput = {
    branch_id: branch.id,
    stock_location_id: branch.stock_location.id,
    category_id: input.category_id,
    category_ids: categoryIds,
    note: input.note,
    user_id: input.user_id,
  }
  return new StepResponse(open)
})
