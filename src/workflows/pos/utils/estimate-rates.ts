import type { MedusaContainer } from "@medusajs/framework/types"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import { readBuyingRatesInForce } from "../../old-gold/utils/buying-rates"

/**
 * The rates a bill at a branch is priced at now, as one key: the selling rates in force (the branch's own and
 * the shop-wide ones) and the old-gold buying rates, by value — the same rate published again keeps the key.
 * With the rates, for printing.
 */
export async function ratesInForce(container: MedusaContainer, branchId: string) {
  const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
  const [selling, buying] = await Promise.all([jewelry.listCurrentMetalRates({ branch_ids: [branchId, null] }), readBuyingRatesInForce(container, branchId)])
  const key = JSON.stringify([
    selling.map((r) => `${r.metal}:${r.purity}:${r.branch_id ?? "*"}:${r.rate_per_g_paise}`).sort(),
    buying.map((r) => `${r.metal}:${r.purity}:${r.branch_id ?? "*"}:${r.rate_per_g_paise}`).sort(),
  ])
  // The rates a customer reads on the estimate: the branch's own where it has one.
  const shown = new Map<string, { metal: string; purity: number; rate_per_g_paise: number }>()
  for (const r of [...selling].sort((a, b) => (a.branch_id ? 1 : 0) - (b.branch_id ? 1 : 0))) {
    shown.set(`${r.metal}:${r.purity}`, { metal: r.metal, purity: r.purity, rate_per_g_paise: r.rate_per_g_paise })
  }
  return { key, rates: [...shown.values()].sort((a, b) => a.metal.localeCompare(b.metal) || b.purity - a.purity) }
}
