import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatInr, mulDivHalfUp } from "../../../lib/money"
import { PURITIES } from "../../../lib/pricing"
import { BRANCH_MODULE } from "../../../modules/branch"
import type BranchModuleService from "../../../modules/branch/service"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import type { MetalRateInput } from "../utils/metal-rate-input"

/** A change of more than this share of the current rate must be confirmed. */
export const CONFIRM_CHANGE_BP = 1000

export type ValidateMetalRatesInput = { rates: MetalRateInput[]; confirm?: boolean }

/**
 * Checks purities, branches and duplicates, and asks for confirmation when a
 * rate moves more than 10 % from the one in force (a typo guard: 72,455 for
 * 7,245.50 would reprice the whole catalogue).
 */
export const validateMetalRatesStep = createStep(
  "validate-metal-rates",
  async ({ rates, confirm }: ValidateMetalRatesInput, { container }) => {
    const problems: string[] = []
    const seen = new Set<string>()
    for (const rate of rates) {
      const key = `${rate.metal}:${rate.purity}:${rate.branch_id ?? ""}`
      if (seen.has(key)) {
        problems.push(`${rate.metal} ${rate.purity} appears twice for the same branch`)
      }
      seen.add(key)
      if (!PURITIES[rate.metal]?.includes(rate.purity)) {
        problems.push(`${rate.metal} is not sold in purity ${rate.purity}; use one of ${PURITIES[rate.metal]?.join(", ")}`)
      }
      if (!Number.isSafeInteger(rate.rate_per_g_paise) || rate.rate_per_g_paise <= 0) {
        problems.push(`The rate for ${rate.metal} ${rate.purity} must be more than zero`)
      }
    }
    const branchIds = [...new Set(rates.map((r) => r.branch_id).filter((id): id is string => !!id))]
    if (branchIds.length) {
      const branchService: BranchModuleService = container.resolve(BRANCH_MODULE)
      const found = await branchService.listBranches({ id: branchIds }, { select: ["id"] })
      for (const id of branchIds.filter((id) => !found.some((b) => b.id === id))) {
        problems.push(`Unknown branch ${id}`)
      }
    }
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
    }

    if (!confirm) {
      const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
      const current = await jewelry.listCurrentMetalRates()
      const big = rates.flatMap((rate) => {
        const now = current.find(
          (c) => c.metal === rate.metal && c.purity === rate.purity && c.branch_id === (rate.branch_id ?? null)
        )
        if (!now) {
          return []
        }
        const diff = Math.abs(rate.rate_per_g_paise - now.rate_per_g_paise)
        if (diff * 10_000 <= now.rate_per_g_paise * CONFIRM_CHANGE_BP) {
          return []
        }
        // The move in tenths of a percent, rounded half up.
        const tenths = mulDivHalfUp(diff, 1000, now.rate_per_g_paise)
        const sign = rate.rate_per_g_paise > now.rate_per_g_paise ? "+" : "−"
        return [
          `${rate.metal} ${rate.purity}${rate.branch_id ? ` at ${rate.branch_id}` : ""}: ${formatInr(now.rate_per_g_paise)} → ` +
            `${formatInr(rate.rate_per_g_paise)} (${sign}${Math.floor(tenths / 10)}.${tenths % 10} %)`,
        ]
      })
      if (big.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `These rates change by more than 10 %: ${big.join("; ")}. Send "confirm": true to publish them.`
        )
      }
    }
    return new StepResponse(undefined)
  }
)
