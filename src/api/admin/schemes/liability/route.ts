import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { istToday } from "../../../../lib/pos"
import { SAVINGS_SCHEME_MODULE } from "../../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../../modules/savings-scheme/service"
import { scopedBranchIds } from "../../../utils/access"
import type { SchemeLiabilityQueryType } from "../validators"

/**
 * GET /admin/schemes/liability — what the shop owes on running scheme cards today, per branch and in total:
 * instalments received (advances to be paid back in goods), the fine gold weight schemes hold, and the bonus
 * already earned by matured cards not yet redeemed.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, SchemeLiabilityQueryType>, res: MedusaResponse) {
  const { branch_id } = req.validatedQuery as SchemeLiabilityQueryType
  const branches = await scopedBranchIds(req, branch_id)
  const today = istToday()
  const rows = await req.scope.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE).liability(branches ?? null, today)
  const totals = rows.reduce(
    (t, r) => ({
      cards: t.cards + r.cards,
      matured: t.matured + r.matured,
      paid_paise: t.paid_paise + r.paid_paise,
      fine_mg: t.fine_mg + r.fine_mg,
      bonus_earned_paise: t.bonus_earned_paise + r.bonus_earned_paise,
      bonus_fine_mg: t.bonus_fine_mg + r.bonus_fine_mg,
    }),
    { cards: 0, matured: 0, paid_paise: 0, fine_mg: 0, bonus_earned_paise: 0, bonus_fine_mg: 0 }
  )
  res.json({ date: today, branches: rows, totals })
}
