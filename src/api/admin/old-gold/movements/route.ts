import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OLD_GOLD_MODULE } from "../../../../modules/old-gold"
import type OldGoldModuleService from "../../../../modules/old-gold/service"
import { moveOldGoldStockWorkflow } from "../../../../workflows/old-gold"
import { assertOwnBranch, scopedBranchIds } from "../../../utils/access"
import type { OldGoldMovementBodyType, OldGoldMovementsQueryType } from "../validators"

/**
 * POST /admin/old-gold/movements — old metal leaving a branch's stock (to a refinery or a karigar, melted,
 * sold as scrap) or an adjustment after a count (signed). Never below what the branch holds. 201 with the
 * movement and the branch's stock; the same idempotency key again answers 200 and moves nothing.
 */
export async function POST(req: AuthenticatedMedusaRequest<OldGoldMovementBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  await assertOwnBranch(req, body.branch_id, `Branch "${body.branch_id}"`)
  const { result } = await moveOldGoldStockWorkflow(req.scope).run({
    input: { ...body, reference: body.reference ?? null, note: body.note ?? null, user_id: req.auth_context?.actor_id ?? null },
  })
  const stock = await req.scope.resolve<OldGoldModuleService>(OLD_GOLD_MODULE).stockByBranch([body.branch_id])
  res.status(result.created ? 201 : 200).json({ movement: result.movement, stock, replayed: !result.created })
}

/** GET /admin/old-gold/movements — the old-metal ledger newest first, of the user's branches; `branch_id`, `metal`, `kind`, `limit`, `offset`. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, OldGoldMovementsQueryType>, res: MedusaResponse) {
  const { branch_id, metal, kind, limit, offset } = req.validatedQuery as OldGoldMovementsQueryType
  const branches = await scopedBranchIds(req, branch_id)
  const oldGold: OldGoldModuleService = req.scope.resolve(OLD_GOLD_MODULE)
  const [movements, count] = await oldGold.listAndCountOldGoldMovements(
    { ...(branches ? { branch_id: branches.length ? branches : ["none"] } : {}), ...(metal ? { metal } : {}), ...(kind ? { kind } : {}) },
    { select: ["id", "branch_id", "metal", "fine_mg", "kind", "voucher_id", "reference", "note", "user_id", "created_at"], order: { created_at: "DESC" }, take: limit, skip: offset }
  )
  res.json({ movements, count, limit, offset })
}
