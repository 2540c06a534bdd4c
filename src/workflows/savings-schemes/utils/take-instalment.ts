import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { istToday } from "../../../lib/pos"
import { SAVINGS_SCHEME_MODULE } from "../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../modules/savings-scheme/service"
import type { InstalmentTaken, PayInstalmentInput } from "../../../modules/savings-scheme/service"
import { schemeGoldRate } from "./selling-rate"

/**
 * Takes a card's next instalment on today's date in India, however it was paid (counter or payment link): a
 * weight scheme's instalment buys gold at today's selling rate of its purity at the branch, and is refused
 * while no such rate is published.
 */
export async function takeInstalmentToday(container: MedusaContainer, input: Omit<PayInstalmentInput, "paid_on" | "rate_per_g_paise">): Promise<InstalmentTaken> {
  const schemes = container.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE)
  const [card] = await schemes.listSchemeEnrolments({ id: input.enrolment_id }, { select: ["id", "terms"], take: 1 })
  if (!card) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Scheme card "${input.enrolment_id}" was not found`)
  }
  const terms = card.terms as { kind: string; purity: number | null }
  const rate = await schemeGoldRate(container, input.branch_id, terms)
  if (terms.kind === "weight" && !rate) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `no selling rate is published today for gold of purity ${terms.purity}: a weight scheme's instalment buys gold at it`)
  }
  return schemes.payInstalment({ ...input, paid_on: istToday(), rate_per_g_paise: rate })
}
