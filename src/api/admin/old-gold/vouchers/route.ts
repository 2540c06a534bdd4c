import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { encryptSecret, maskPan, normalizePan, piiKey } from "../../../../lib/pan"
import { OLD_GOLD_MODULE } from "../../../../modules/old-gold"
import type OldGoldModuleService from "../../../../modules/old-gold/service"
import { buyOldGoldWorkflow } from "../../../../workflows/old-gold"
import { assertOwnBranch, scopedBranchIds } from "../../../utils/access"
import type { OldGoldVoucherBodyType, OldGoldVouchersQueryType } from "../validators"

const LIST_FIELDS = [
  "id", "number", "kind", "branch_id", "customer_id", "user_id", "total_value_paise", "cash_paise", "bank_paise",
  "sale_credit_paise", "credit_used_paise", "identity", "pan_masked", "issued_at",
] as const

/**
 * POST /admin/old-gold/vouchers — buys old gold: articles valued at the buying rates in force, the value
 * paid out (cash within the day's limit, bank) or credited against a sale; PAN or Form 60 from ₹2 lakh.
 * 201 with the voucher; the same idempotency key again answers 200 with the same voucher.
 */
export async function POST(req: AuthenticatedMedusaRequest<OldGoldVoucherBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  await assertOwnBranch(req, body.branch_id, `Branch "${body.branch_id}"`)
  const pan = body.pan ? normalizePan(body.pan) : null
  const { result } = await buyOldGoldWorkflow(req.scope).run({
    input: {
      idempotency_key: body.idempotency_key,
      branch_id: body.branch_id,
      customer_id: body.customer_id,
      user_id: req.auth_context?.actor_id ?? null,
      kind: body.kind,
      articles: body.articles,
      payout: { cash_paise: body.cash_paise, bank_paise: body.bank_paise, sale_credit_paise: body.sale_credit_paise, bank_reference: body.bank_reference ?? null },
      identity: pan ? { pan_encrypted: encryptSecret(pan, piiKey()), pan_masked: maskPan(pan) } : body.form_60 ? { form_60: true } : null,
      note: body.note ?? null,
    },
  })
  res.status(result.created ? 201 : 200).json({ voucher: await voucherView(req.scope.resolve(OLD_GOLD_MODULE), result.voucher.id), replayed: !result.created })
}

/** GET /admin/old-gold/vouchers — vouchers newest first, of the user's branches; `branch_id`, `customer_id`, `limit`, `offset`. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, OldGoldVouchersQueryType>, res: MedusaResponse) {
  const { branch_id, customer_id, limit, offset } = req.validatedQuery as OldGoldVouchersQueryType
  const branches = await scopedBranchIds(req, branch_id)
  const oldGold: OldGoldModuleService = req.scope.resolve(OLD_GOLD_MODULE)
  const [vouchers, count] = await oldGold.listAndCountOldGoldVouchers(
    { ...(branches ? { branch_id: branches.length ? branches : ["none"] } : {}), ...(customer_id ? { customer_id } : {}) },
    { select: [...LIST_FIELDS], order: { issued_at: "DESC" }, take: limit, skip: offset }
  )
  res.json({ vouchers, count, limit, offset })
}

/** A voucher with its articles, as the routes answer it. */
export async function voucherView(oldGold: OldGoldModuleService, id: string) {
  const voucher = await oldGold.retrieveOldGoldVoucher(id, { select: [...LIST_FIELDS, "bank_reference", "note"], relations: ["articles"] })
  const { articles, ...rest } = voucher as typeof voucher & { articles: Record<string, unknown>[] }
  return { ...rest, articles: articles.map(({ voucher: _v, voucher_id: _vid, raw_rate_per_g_paise: _r, raw_value_paise: _rv, ...a }) => a) }
}
