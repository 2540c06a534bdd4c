import type { MedusaRequest } from "@medusajs/framework/http"
import { KARIGAR_MODULE } from "../../../modules/karigar"
import type KarigarModuleService from "../../../modules/karigar/service"
import type { KarigarRow } from "../../../modules/karigar/service"
import { branchScope } from "../../utils/access"

/** Karigars as the routes answer them: each with the fine metal he holds of the shop's, per metal, over the open challans of the user's branches. */
export async function karigarViews(req: MedusaRequest, karigars: KarigarRow[]) {
  const balances = await req.scope.resolve<KarigarModuleService>(KARIGAR_MODULE).balancesOf(
    karigars.map((k) => k.id),
    await branchScope(req)
  )
  return karigars.map((k) => ({
    ...k,
    balances: balances.filter((b) => b.karigar_id === k.id).map(({ metal, outstanding_mg, open_issues }) => ({ metal, outstanding_mg, open_issues })),
  }))
}
