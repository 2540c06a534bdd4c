import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SAVINGS_SCHEME_MODULE } from "../../../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../../../modules/savings-scheme/service"
import { passbookView } from "../../../../utils/scheme-passbook"

/**
 * GET /store/customers/me/schemes — the signed-in customer's savings-scheme passbooks, newest first: each card
 * with its schedule, the instalments paid, the statement today and what it is worth against a purchase.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const cards = await req.scope
    .resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE)
    .listSchemeEnrolments({ customer_id: req.auth_context.actor_id }, { select: ["id"], order: { created_at: "DESC" }, take: 50 })
  const schemes = await Promise.all(cards.map((c) => passbookView(req.scope, c.id)))
  // The customer's own view: no staff or identity fields.
  res.json({ schemes: schemes.map(({ pan_masked: _p, identity: _i, template_id: _t, ...card }) => card) })
}
