import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OLD_GOLD_MODULE } from "../../../../modules/old-gold"
import type OldGoldModuleService from "../../../../modules/old-gold/service"
import { scopedBranchIds } from "../../../utils/access"
import type { OldGoldStockQueryType } from "../validators"

/** GET /admin/old-gold/stock — old metal held, fine mg per branch and metal (the user's branches). */
export async function GET(req: AuthenticatedMedusaRequest<unknown, OldGoldStockQueryType>, res: MedusaResponse) {
  const { branch_id } = req.validatedQuery as OldGoldStockQueryType
  const branches = await scopedBranchIds(req, branch_id)
  const oldGold: OldGoldModuleService = req.scope.resolve(OLD_GOLD_MODULE)
  res.json({ stock: await oldGold.stockByBranch(branches ?? null) })
}
