import type { MedusaContainer } from "@medusajs/framework/types"
import { buyingRatesInForce, type StoredBuyingRate } from "../../../lib/old-gold"
import { OLD_GOLD_MODULE } from "../../../modules/old-gold"
import type OldGoldModuleService from "../../../modules/old-gold/service"

/** The buying rates in force for a branch now (a branch's own rates before the shop-wide ones). */
export async function readBuyingRatesInForce(container: MedusaContainer, branchId: string | null, at = new Date()) {
  const oldGold: OldGoldModuleService = container.resolve(OLD_GOLD_MODULE)
  const rows = await oldGold.listOldGoldBuyingRates(
    { effective_from: { $lte: at }, ...(branchId ? { $or: [{ branch_id: branchId }, { branch_id: null }] } : { branch_id: null }) },
    { order: { effective_from: "DESC" }, take: 500 }
  )
  return buyingRatesInForce(
    rows.map((r) => ({ metal: r.metal, purity: r.purity, rate_per_g_paise: Number(r.rate_per_g_paise), branch_id: r.branch_id, effective_from: new Date(r.effective_from) }) as StoredBuyingRate),
    branchId,
    at
  )
}
