import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PROFILE_LINK_TABLE } from "../../../lib/link-tables"
import { pgArray } from "../../../lib/pg-array"
import { matchPieces, newArrivalCalls, pieceValues, type Call, type NewPiece } from "../../../lib/preferences/new-arrivals"
import { PREFERENCES_MODULE } from "../../../modules/preferences"
import type PreferencesModuleService from "../../../modules/preferences/service"
import { readNewPieces } from "../utils/new-pieces"
import type { CreateNewArrivalCallsInput } from "../utils/new-arrival-types"

export type NewArrivalPlan = { model_id: string | null; pieces: NewPiece[]; calls: Call[] }

/**
 * Who to call about the new pieces (src/lib/preferences/new-arrivals.ts): the
 * current model's stored shares in the pieces' categories, metals, purities
 * and price bands, scored per piece; each customer once, at their home
 * branch. Reads only. Before any model is trained there are no shares, and
 * so no calls.
 */
export const planNewArrivalCallsStep = createStep("plan-new-arrival-calls", async (input: CreateNewArrivalCallsInput, { container }) => {
  const pieces = await readNewPieces(container, input.variant_ids ? { variant_ids: input.variant_ids } : { since: input.since!, until: input.until! })
  const preferences = container.resolve<PreferencesModuleService>(PREFERENCES_MODULE)
  const model = await preferences.currentModel()
  if (!model || !pieces.length) {
    return new StepResponse<NewArrivalPlan>({ model_id: model?.id ?? null, pieces, calls: [] })
  }
  const values = { category: new Set<string>(), metal: new Set<string>(), purity: new Set<string>(), price_band: new Set<string>() }
  for (const piece of pieces) {
    for (const [attribute, value] of Object.entries(pieceValues(piece)) as [keyof typeof values, string | null][]) {
      if (value !== null) {
        values[attribute].add(value)
      }
    }
  }
  const shares = await preferences.sharesIn(model.id, {
    category: [...values.category],
    metal: [...values.metal],
    purity: [...values.purity],
    price_band: [...values.price_band],
  })
  const matches = matchPieces(pieces, shares)
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await db.raw(
    `select c.id as customer_id, p.home_branch_id from customer c
       left join ${PROFILE_LINK_TABLE} l on l.customer_id = c.id and l.deleted_at is null
       left join customer_profile p on p.id = l.customer_profile_id and p.deleted_at is null
      where c.deleted_at is null and c.id = any(?::text[])`,
    [pgArray([...new Set(matches.map((m) => m.customer_id))])]
  )) as { rows: { customer_id: string; home_branch_id: string | null }[] }
  const homeBranch = new Map(rows.map((r) => [r.customer_id, r.home_branch_id]))
  return new StepResponse<NewArrivalPlan>({ model_id: model.id, pieces, calls: newArrivalCalls(pieces, matches, homeBranch, input.options) })
})
