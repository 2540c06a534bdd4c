import { KARATS } from "../../lib/pricing"
import type { MetalRateView } from "../../types/http"
import type { CurrentMetalRate } from "./service"

type RateRow = Pick<CurrentMetalRate, "id" | "metal" | "purity" | "rate_per_g_paise" | "branch_id" | "effective_from" | "source">

/** A rate as the API shows it: paise for programs, rupees for people. */
export function presentRate(rate: RateRow & { set_by?: string | null; note?: string | null }): MetalRateView {
  return {
    id: rate.id,
    metal: rate.metal,
    purity: rate.purity,
    karat: rate.metal === "gold" ? KARATS[rate.purity] ?? null : null,
    rate_per_g: rate.rate_per_g_paise / 100,
    rate_per_g_paise: rate.rate_per_g_paise,
    branch_id: rate.branch_id,
    effective_from: rate.effective_from,
    source: rate.source,
    ...(rate.set_by !== undefined ? { set_by: rate.set_by } : {}),
    ...(rate.note !== undefined ? { note: rate.note } : {}),
  }
}
