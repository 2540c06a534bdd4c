import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type TransferBranchRow = { id: string; code: string; name: string; state_code: string }

/** The shop's branches (a handful), to name a transfer's two ends and tell whether they are in one state. */
export async function transferBranches(scope: MedusaContainer): Promise<TransferBranchRow[]> {
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "branch", fields: ["id", "code", "name", "state_code"] })
  return data as TransferBranchRow[]
}
