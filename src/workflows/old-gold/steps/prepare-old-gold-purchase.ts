import { createHash } from "node:crypto"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { oldGoldSettings, payoutProblems, type OldGoldPayout } from "../../../lib/old-gold"
import { panRequiredFor } from "../../../lib/pan"
import { BRANCH_MODULE } from "../../../modules/branch"
import type BranchModuleService from "../../../modules/branch/service"
import type { IssueVoucherInput } from "../../../modules/old-gold/service"
import { readBuyingRatesInForce } from "../utils/buying-rates"
import { valueArticles, type ArticleInput } from "../utils/value-articles"

export type BuyOldGoldInput = {
  idempotency_key: string
  branch_id: string
  customer_id: string
  user_id: string | null
  kind: "exchange" | "purchase"
  articles: ArticleInput[]
  payout: OldGoldPayout
  /** The PAN given at the counter (already encrypted and masked by the caller), or a Form 60 taken. */
  identity: { pan_encrypted: string; pan_masked: string } | { form_60: true } | null
  note: string | null
}

/**
 * Everything the voucher needs, read and checked before anything is written: the branch's code, the
 * customer (and the PAN on their profile), the rates in force, each article's value, the payout and the
 * PAN rule. Refuses with every problem named.
 */
export const prepareOldGoldPurchaseStep = createStep("prepare-old-gold-purchase", async (input: BuyOldGoldInput, { container }) => {
  const settings = oldGoldSettings()
  const branches: BranchModuleService = container.resolve(BRANCH_MODULE)
  const [branch] = await branches.listBranches({ id: input.branch_id }, { take: 1 })
  if (!branch) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Branch "${input.branch_id}" was not found`)
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "customer_profile.pan_encrypted", "customer_profile.pan_masked"], filters: { id: input.customer_id } })
  const customer = data[0] as { id: string; customer_profile?: { pan_encrypted?: string | null; pan_masked?: string | null } | null } | undefined
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer "${input.customer_id}" was not found`)
  }
  if (!input.articles.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "articles: at least one old article is needed")
  }
  const rates = await readBuyingRatesInForce(container, input.branch_id)
  const { articles, total_paise } = valueArticles(input.articles, rates, settings)
  const problems = payoutProblems(input.kind, total_paise, input.payout)
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  }
  const onProfile = customer.customer_profile?.pan_encrypted ? { pan_encrypted: customer.customer_profile.pan_encrypted, pan_masked: customer.customer_profile.pan_masked ?? "" } : null
  const identity = input.identity ?? onProfile
  if (panRequiredFor(total_paise) && !identity) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "pan: old gold bought for ₹2,00,000 or more needs the customer's PAN or a Form 60 (form_60: true)")
  }
  const needed = panRequiredFor(total_paise)
  const voucher: IssueVoucherInput = {
    idempotency_key: input.idempotency_key,
    // What was asked, so the same key with another purchase is refused.
    fingerprint: createHash("sha256")
      .update(JSON.stringify([input.branch_id, input.customer_id, input.kind, input.articles, input.payout]))
      .digest("hex"),
    branch_id: input.branch_id,
    branch_code: branch.code,
    customer_id: input.customer_id,
    user_id: input.user_id,
    kind: input.kind,
    articles,
    cash_paise: input.payout.cash_paise,
    bank_paise: input.payout.bank_paise,
    sale_credit_paise: input.payout.sale_credit_paise,
    bank_reference: input.payout.bank_reference?.trim() || null,
    identity: !needed || !identity ? "not_needed" : "form_60" in identity ? "form_60" : "pan",
    pan_masked: needed && identity && "pan_masked" in identity ? identity.pan_masked : null,
    pan_encrypted: needed && identity && "pan_encrypted" in identity ? identity.pan_encrypted : null,
    note: input.note,
    cash_limit_paise: settings.cash_limit_paise,
  }
  return new StepResponse(voucher)
})
