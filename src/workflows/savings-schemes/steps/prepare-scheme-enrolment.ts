import { createHash } from "node:crypto"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { panRequiredFor } from "../../../lib/pan"
import { istToday } from "../../../lib/pos"
import { schemeFullValuePaise, templateTerms } from "../../../lib/savings-schemes"
import { BRANCH_MODULE } from "../../../modules/branch"
import type BranchModuleService from "../../../modules/branch/service"
import { SAVINGS_SCHEME_MODULE } from "../../../modules/savings-scheme"
import type { EnrolInput } from "../../../modules/savings-scheme/service"
import type SavingsSchemeModuleService from "../../../modules/savings-scheme/service"

export type EnrolInSchemeInput = {
  idempotency_key: string
  template_id: string
  branch_id: string
  customer_id: string
  user_id: string | null
  /** The PAN given at the counter (already encrypted and masked by the caller), or a Form 60 taken. */
  identity: { pan_encrypted: string; pan_masked: string } | { form_60: true } | null
  note: string | null
}

/**
 * Everything an enrolment needs, read and checked before anything is written: the branch, the customer (and
 * the PAN on their profile), a template still offered, today's date in India, and PAN or Form 60 when the
 * scheme's full value is ₹2 lakh or more.
 */
export const prepareSchemeEnrolmentStep = createStep("prepare-scheme-enrolment", async (input: EnrolInSchemeInput, { container }) => {
  const branches: BranchModuleService = container.resolve(BRANCH_MODULE)
  const [branch] = await branches.listBranches({ id: input.branch_id }, { take: 1 })
  if (!branch) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Branch "${input.branch_id}" was not found`)
  }
  const schemes: SavingsSchemeModuleService = container.resolve(SAVINGS_SCHEME_MODULE)
  const [template] = await schemes.listSchemeTemplates({ id: input.template_id }, { take: 1 })
  if (!template) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `template_id: no scheme "${input.template_id}"`)
  }
  if (!template.active) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `template_id: scheme ${template.code} is no longer offered for new enrolments`)
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "customer_profile.pan_encrypted", "customer_profile.pan_masked"], filters: { id: input.customer_id } })
  const customer = data[0] as { id: string; customer_profile?: { pan_encrypted?: string | null; pan_masked?: string | null } | null } | undefined
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer "${input.customer_id}" was not found`)
  }
  const terms = templateTerms(template as unknown as Parameters<typeof templateTerms>[0])
  const needed = panRequiredFor(schemeFullValuePaise(terms))
  const onProfile = customer.customer_profile?.pan_encrypted ? { pan_encrypted: customer.customer_profile.pan_encrypted, pan_masked: customer.customer_profile.pan_masked ?? "" } : null
  const identity = input.identity ?? onProfile
  if (needed && !identity) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "pan: a scheme of ₹2,00,000 or more in all needs the customer's PAN or a Form 60 (form_60: true)")
  }
  const enrolment: EnrolInput = {
    idempotency_key: input.idempotency_key,
    // What was asked, so the same key for another enrolment is refused.
    fingerprint: createHash("sha256").update(JSON.stringify([input.template_id, input.branch_id, input.customer_id])).digest("hex"),
    template: { id: template.id, code: template.code, name: template.name },
    terms,
    customer_id: customer.id,
    branch_id: branch.id,
    branch_code: branch.code,
    user_id: input.user_id,
    enrolled_on: istToday(),
    identity: !needed || !identity ? "not_needed" : "form_60" in identity ? "form_60" : "pan",
    pan_masked: needed && identity && "pan_masked" in identity ? identity.pan_masked : null,
    pan_encrypted: needed && identity && "pan_encrypted" in identity ? identity.pan_encrypted : null,
    note: input.note,
  }
  return new StepResponse(enrolment)
})
