import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PriceLimits, RateChangeRight } from "../../../lib/price-controls"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"

export type SavePriceLimitsInput = { limits: (Omit<PriceLimits, "rate_change"> & { rate_change?: RateChangeRight; role: "branch_manager" | "sales_staff" })[]; user_id: string | null }

type Row = Omit<PriceLimits, "rate_change"> & { rate_change?: RateChangeRight | null; role: string; user_id: string | null }

/** Writes each role's row: its existing row changed, or a new one. */
async function writeRows(pos: PosModuleService, rows: Row[]) {
  const existing = await pos.listPosPriceLimits({ role: rows.map((r) => r.role) })
  const byRole = new Map(existing.map((e) => [e.role, e.id]))
  const changed = rows.filter((r) => byRole.has(r.role))
  const added = rows.filter((r) => !byRole.has(r.role))
  if (changed.length) {
    await pos.updatePosPriceLimits(changed.map((r) => ({ id: byRole.get(r.role)!, ...r })))
  }
  if (added.length) {
    await pos.createPosPriceLimits(added)
  }
}

/** Sets the roles' discount limits; undone by putting back what each role had (or removing a row this run added). */
export const savePriceLimitsStep = createStep(
  "save-price-limits",
  async (input: SavePriceLimitsInput, { container }) => {
    const pos = container.resolve<PosModuleService>(POS_MODULE)
    const before = await pos.listPosPriceLimits({ role: input.limits.map((l) => l.role) })
    await writeRows(pos, input.limits.map((l) => ({ ...l, user_id: input.user_id })))
    const previous: Row[] = before.map((b) => ({
      role: b.role,
      making_discount_bps: b.making_discount_bps,
      making_discount_paise: b.making_discount_paise === null ? null : Number(b.making_discount_paise),
      bill_discount_paise: b.bill_discount_paise === null ? null : Number(b.bill_discount_paise),
      rate_change: (b.rate_change as RateChangeRight | null) ?? null,
      user_id: b.user_id,
    }))
    return new StepResponse(input.limits, { previous, roles: input.limits.map((l) => l.role) })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const pos = container.resolve<PosModuleService>(POS_MODULE)
    const added = (await pos.listPosPriceLimits({ role: undo.roles })).filter((r) => !undo.previous.some((b) => b.role === r.role))
    if (added.length) {
      await pos.deletePosPriceLimits(added.map((r) => r.id))
    }
    if (undo.previous.length) {
      await writeRows(pos, undo.previous)
    }
  }
)
