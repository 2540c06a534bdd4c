import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { encryptSecret, maskPan, normalizePan, piiKey } from "../../../../lib/pan"
import { istToday } from "../../../../lib/pos"
import { redeemableValuePaise } from "../../../../lib/savings-schemes"
import { SAVINGS_SCHEME_MODULE } from "../../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../../modules/savings-scheme/service"
import { enrolInSchemeWorkflow, goldSellingRate } from "../../../../workflows/savings-schemes"
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

/** A card's passbook as the routes answer it: the card, its instalments, the statement today and what it is worth against a purchase today. */
export async function passbookView(container: MedusaContainer, id: string) {
  const schemes: SavingsSchemeModuleService = container.resolve(SAVINGS_SCHEME_MODULE)
  const passbook = await schemes.passbook(id, istToday())
  if (!passbook) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Scheme card "${id}" was not found`)
  }
  const { enrolment, instalments, statement, due_on } = passbook
  const rate = enrolment.terms.kind === "weight" && enrolment.status === "active" ? await goldSellingRate(container, enrolment.branch_id, enrolment.terms.purity ?? 0) : null
  const worth = enrolment.status !== "active" ? 0 : enrolment.terms.kind === "amount" || rate ? redeemableValuePaise(enrolment.terms, statement, rate) : null
  return {
    ...enrolment,
    schedule: due_on.map((day, i) => ({ sequence: i + 1, due_on: day, paid: i < instalments.length })),
    instalments,
    statement,
    /** What a scheme tender of this card must be today (null: no selling rate published for a weight scheme's purity). */
    redeemable_value_paise: worth,
    redeemable_rate_per_g_paise: rate,
  }
}
