import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { multiplierToBp, percentToBp, rupeesToPaise } from "../../../../lib/money"
import { LOYALTY_MODULE } from "../../../../modules/loyalty"
import type LoyaltyModuleService from "../../../../modules/loyalty/service"
import type { ProgramBodyType } from "../validators"
import { saveLoyaltyProgramWorkflow } from "../../../../workflows/loyalty"
import { presentProgram } from "../../../../workflows/loyalty"

/** GET /admin/loyalty/program — the rules in force (the defaults until the shop saves its own). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ program: presentProgram(await req.scope.resolve<LoyaltyModuleService>(LOYALTY_MODULE).currentProgram()) })
}

/** POST /admin/loyalty/program — new rules; contradictions (thresholds not increasing, …) answer 400. */
export async function POST(req: AuthenticatedMedusaRequest<ProgramBodyType>, res: MedusaResponse) {
  const b = req.validatedBody
  const { result } = await saveLoyaltyProgramWorkflow(req.scope).run({
    input: {
      user_id: req.auth_context.actor_id,
      program: {
        earn_basis: b.earn_basis,
        points_per_100_rupees: b.points_per_100_rupees,
        point_value_paise: rupeesToPaise(b.point_value),
        min_balance_to_redeem: b.min_balance_to_redeem,
        max_redeem_share_bp: percentToBp(b.max_redeem_share_percent),
        expiry_months: b.expiry_months,
        tiers: b.tiers.map((t) => ({ name: t.name, min_spend_paise: rupeesToPaise(t.min_spend), multiplier_bp: multiplierToBp(t.multiplier) })),
        welcome_bonus: b.welcome_bonus,
        birthday_bonus: b.birthday_bonus,
        anniversary_bonus: b.anniversary_bonus,
      },
    },
  })
  res.json({ program: presentProgram(result) })
}
