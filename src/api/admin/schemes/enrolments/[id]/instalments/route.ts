import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SAVINGS_SCHEME_MODULE } from "../../../../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../../../../modules/savings-scheme/service"
import { paySchemeInstalmentWorkflow } from "../../../../../../workflows/savings-schemes"
import { passbookView } from "../../../../../utils/scheme-passbook"
import type { SchemeInstalmentBodyType } from "../../../validators"

/**
 * POST /admin/schemes/enrolments/:id/instalments — takes the card's next instalment today, at the card's
 * branch (the amount must be the scheme's; none after maturity). 201 with the instalment and the passbook; the
 * same idempotency key again answers 200 with the same instalment.
 */
export async function POST(req: AuthenticatedMedusaRequest<SchemeInstalmentBodyType>, res: MedusaResponse) {
  const schemes: SavingsSchemeModuleService = req.scope.resolve(SAVINGS_SCHEME_MODULE)
  const [card] = await schemes.listSchemeEnrolments({ id: req.params.id }, { select: ["id", "branch_id"], take: 1 })
  if (!card) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Scheme card "${req.params.id}" was not found`)
  }
  const body = req.validatedBody
  const { result } = await paySchemeInstalmentWorkflow(req.scope).run({
    input: {
      idempotency_key: body.idempotency_key,
      enrolment_id: card.id,
      amount_paise: body.amount_paise,
      tender: body.tender,
      reference: body.reference ?? null,
      branch_id: card.branch_id,
      user_id: req.auth_context?.actor_id ?? null,
    },
  })
  res.status(result.created ? 201 : 200).json({ instalment: result.instalment, scheme: await passbookView(req.scope, card.id), replayed: !result.created })
}
