import type { MedusaContainer } from "@medusajs/framework/types"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"

/** Today's selling rate per gram of gold of `purity` at a branch: the branch's own rate, else the shop-wide one (null when neither is published). */
export async function goldSellingRate(container: MedusaContainer, branchId: string, purity: number): Promise<number | null> {
  const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
  const rates = (await jewelry.listCurrentMetalRates({ branch_ids: [branchId, null] })).filter((r) => r.metal === "gold" && r.purity === purity)
  return (rates.find((r) => r.branch_id === branchId) ?? rates.find((r) => r.branch_id === null))?.rate_per_g_paise ?? null
}
