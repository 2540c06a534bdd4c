import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

export type StockBranch = { id: string; code: string; name: string; state_code: string; location_id: string }

/** A branch with its stock location (what transfers and memos move stock at), or a clear refusal (404 unknown, 400 without a stock location). */
export async function stockBranch(container: MedusaContainer, id: string): Promise<StockBranch> {
  const { data } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "branch", fields: ["id", "code", "name", "state_code", "stock_location.id"], filters: { id } })
  const branch = data[0] as { id: string; code: string; name: string; state_code: string; stock_location?: { id: string } | null } | undefined
  if (!branch) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Branch "${id}" was not found`)
  }
  if (!branch.stock_location?.id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${branch.name} has no stock location; link one to the branch first`)
  }
  return { id: branch.id, code: branch.code, name: branch.name, state_code: branch.state_code, location_id: branch.stock_location.id }
}
