import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { encryptSecret, maskPan, normalizePan, piiKey } from "../../../../lib/pan"
import { SAVINGS_SCHEME_MODULE } from "../../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../../modules/savings-scheme/service"
import { enrolInSchemeWorkflow } from "../../../../workflows/savings-schemes"
import { passbookView } from "../../../utils/scheme-passbook"
import { assertOwnBranch, scopedBranchIds } from "../../../utils/access"
import type { SchemeEnrolmentBodyType, SchemeEnrolmentsQueryType } from "../validators"

const LIST_FIELDS = [
  "id", "number", "template_id", "template_code", "template_name", "customer_id", "branch_id", "enrolled_on", "matures_on", "status",
  "identity", "pan_masked", "redeemed_paise", "redeemed_fine_mg", "redeemed_sale_id", "redeemed_at", "created_at",
] as const

/**
 * POST /admin/schemes/enrolments — enrols a customer at a branch on a scheme's terms of today: a numbered card
 * (MUM/SC26-27/0001); PAN or Form 60 when the scheme's full value is ₹2 lakh or more. 201 with the passbook; the
 * same idempotency key again answers 200 with the same card.
 */
export async function POST(req: AuthenticatedMedusaRequest<SchemeEnrolmentBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  await assertOwnBranch(req, body.branch_id, `Branch "${body.branch_id}"`)
  const pan = body.pan ? normalizePan(body.pan) : null
  const { result } = await enrolInSchemeWorkflow(req.scope).run({
    input: {
      idempotency_key: body.idempotency_key,
      template_id: body.template_id,
      branch_id: body.branch_id,
      customer_id: body.customer_id,
      user_id: req.auth_context?.actor_id ?? null,
      identity: pan ? { pan_encrypted: encryptSecret(pan, piiKey()), pan_masked: maskPan(pan) } : body.form_60 ? { form_60: true } : null,
      note: body.note ?? null,
    },
  })
  res.status(result.created ? 201 : 200).json({ scheme: await passbookView(req.scope, result.enrolment.id), replayed: !result.created })
}

/** GET /admin/schemes/enrolments — scheme cards newest first, of the user's branches; `branch_id`, `customer_id`, `status`, `q` (card number), `limit`, `offset`. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, SchemeEnrolmentsQueryType>, res: MedusaResponse) {
  const { branch_id, customer_id, status, q, limit, offset } = req.validatedQuery as SchemeEnrolmentsQueryType
  const branches = await scopedBranchIds(req, branch_id)
  const schemes: SavingsSchemeModuleService = req.scope.resolve(SAVINGS_SCHEME_MODULE)
  const [enrolments, count] = await schemes.listAndCountSchemeEnrolments(
    {
      ...(branches ? { branch_id: branches.length ? branches : ["none"] } : {}),
      ...(customer_id ? { customer_id } : {}),
      ...(status ? { status } : {}),
      ...(q ? { number: { $ilike: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } } : {}),
    },
    { select: [...LIST_FIELDS], order: { created_at: "DESC" }, take: limit, skip: offset }
  )
  res.json({ schemes: enrolments.map((e) => ({ ...e, redeemed_paise: e.redeemed_paise === null ? null : Number(e.redeemed_paise) })), count, limit, offset })
}
