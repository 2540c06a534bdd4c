import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OLD_GOLD_MODULE } from "../../../../../modules/old-gold"
import type OldGoldModuleService from "../../../../../modules/old-gold/service"
import { voucherView } from "../route"

/** GET /admin/old-gold/vouchers/:id — one voucher with its articles (another branch's is not found: src/api/utils/branch-scope.ts). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const oldGold: OldGoldModuleService = req.scope.resolve(OLD_GOLD_MODULE)
  const [found] = await oldGold.listOldGoldVouchers({ id: req.params.id }, { select: ["id"], take: 1 })
  if (!found) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Old-gold voucher "${req.params.id}" was not found`)
  }
  res.json({ voucher: await voucherView(oldGold, found.id) })
}
