import type { MedusaContainer } from "@medusajs/framework/types"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"

/**
 * Today's selling rate per gram that a weight scheme's gold is bought and valued at, at a branch: the rate of
 * its purity, the branch's own else the shop-wide one. Null for an amount scheme, or when no rate is published.
 */
export async function schemeGoldRate(container: MedusaContainer, branchId: string, terms: { kind: string; purity: number | null }): Promise<number | null> {
  if (terms.kind !== "weight") {
    return null
  }
  const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
  const rates = (await jewelry.listCurrentMetalRates({ branch_ids: [branchId, null] })).filter((r) => r.metal === "gold" && r.purity === terms.purity)
  return (rates.find((r) => r.branch_id === branchId) ?? rates.find((r) => r.branch_id === null))?.rate_per_g_paise ?? null
}
