import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import { diffFields } from "../../../lib/audit"
import { setMetalRatesWorkflow } from "../../../workflows/jewelry"
import { recordAudit } from "../../utils/audit"
import { presentRate } from "../../../modules/jewelry/present"
import type { CurrentMetalRatesQueryType, PostMetalRatesBodyType } from "./validators"

/** GET /admin/metal-rates: the rates in force now (or at `at`), shop-wide and per branch. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, CurrentMetalRatesQueryType>, res: MedusaResponse) {
  const { branch_id, at } = req.validatedQuery as CurrentMetalRatesQueryType
  const jewelry: JewelryModuleService = req.scope.resolve(JEWELRY_MODULE)
  const rates = await jewelry.listCurrentMetalRates({ at, branch_ids: branch_id ? [null, branch_id] : undefined })
  res.json({ rates: rates.map(presentRate) })
}

/**
 * POST /admin/metal-rates: publish one or more rates; >10 % moves need "confirm": true.
 * Idempotency: every row of a publish stores its idempotency_key, unique per metal, purity and branch (the
 * metal_rate model). A retry finds those rows and answers 201 with them, writing no rows or audit entries and
 * emitting no jewelry.metal_rates.set (so no second reprice). Of two concurrent first attempts one inserts; the
 * other's insert hits the unique index and it answers with the winner's rows. The key used for other rates: 409.
 */
export async function POST(req: AuthenticatedMedusaRequest<PostMetalRatesBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const jewelry: JewelryModuleService = req.scope.resolve(JEWELRY_MODULE)
  const earlier = body.idempotency_key ? await publishedWithKey(jewelry, body.idempotency_key, body.rates) : null
  if (earlier) {
    res.status(201).json({ rates: earlier.map(presentRate) })
    return
  }
  const inForce = await jewelry.listCurrentMetalRates({ at: body.effective_from })
  let result
  try {
    ;({ result } = await setMetalRatesWorkflow(req.scope).run({
      input: {
        rates: body.rates.map(({ rate_per_g, ...rate }) => ({ ...rate, rate_per_g_paise: rate_per_g })),
        effective_from: body.effective_from,
        source: body.source,
        note: body.note,
        confirm: body.confirm,
        set_by: req.auth_context.actor_id,
        idempotency_key: body.idempotency_key,
      },
    }))
  } catch (e) {
    const winner = body.idempotency_key ? await publishedWithKey(jewelry, body.idempotency_key, body.rates) : null
    if (!winner) {
      throw e
    }
    res.status(201).json({ rates: winner.map(presentRate) })
    return
  }
  const key = (r: { metal: string; purity: number; branch_id?: string | null }) => `${r.metal}:${r.purity}:${r.branch_id ?? ""}`
  const previous = new Map(inForce.map((r) => [key(r), r]))
  await recordAudit(
    req.scope,
    req,
    result.map((rate) => {
      // A branch's first own rate replaces the shop-wide one it was priced at.
      const before = previous.get(key(rate)) ?? previous.get(key({ ...rate, branch_id: null }))
      return {
        action: "metal_rate.published",
        entity: "metal_rate",
        entity_id: rate.id,
        branch_id: rate.branch_id ?? null,
        changes: diffFields(before ? { rate_per_g_paise: before.rate_per_g_paise } : null, { rate_per_g_paise: rate.rate_per_g_paise }, ["rate_per_g_paise"]),
        metadata: {
          metal: rate.metal,
          purity: rate.purity,
          effective_from: rate.effective_from,
          source: rate.source,
          previous_rate_id: before?.id ?? null,
          ...(body.note ? { note: body.note } : {}),
        },
      }
    })
  )
  res.status(201).json({ rates: result.map(presentRate) })
}

/**
 * The rates an earlier publish with the key created, in the order of `rates`, or null; 409 when they are not
 * the rates asked for now (the key of another publish).
 */
async function publishedWithKey(jewelry: JewelryModuleService, key: string, rates: PostMetalRatesBodyType["rates"]) {
  const rows = await jewelry.listMetalRates({ idempotency_key: key })
  if (!rows.length) {
    return null
  }
  const matched = rates.map((rate) =>
    rows.find((row) => row.metal === rate.metal && row.purity === rate.purity && row.branch_id === (rate.branch_id ?? null) && row.rate_per_g_paise === rate.rate_per_g)
  )
  if (rows.length !== rates.length || matched.some((row) => !row)) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `idempotency_key "${key}" was already used to publish other rates; use a new key for a new publish`,
      DOMAIN_CONFLICT
    )
  }
  return matched as typeof rows
}
