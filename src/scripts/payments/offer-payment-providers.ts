import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"

/** Online providers and the region currencies they are offered in. */
const ONLINE_PROVIDERS: Record<string, string[]> = {
  pp_razorpay_razorpay: ["inr"],
  pp_paypal_paypal: ["inr", "usd"],
}

type RegionRow = { id: string; name: string; currency_code: string; payment_providers?: { id: string }[] }

/**
 * Offers the configured online providers (Razorpay, PayPal) in the regions
 * whose currency they take, keeping what each region offers already. Runs
 * with the seed and at every start where the provider settings changed;
 * doing it again changes nothing. Returns what was added, per region.
 */
export async function offerPaymentProviders(container: MedusaContainer): Promise<{ region: string; added: string[] }[]> {
  const enabled = (await container.resolve(Modules.PAYMENT).listPaymentProviders({ id: Object.keys(ONLINE_PROVIDERS), is_enabled: true })).map((p) => p.id)
  if (!enabled.length) {
    return []
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "region",
    fields: ["id", "name", "currency_code", "payment_providers.id"],
  })
  const changes: { region: string; added: string[] }[] = []
  for (const region of data as RegionRow[]) {
    const current = (region.payment_providers ?? []).map((p) => p.id)
    const added = enabled.filter((id) => ONLINE_PROVIDERS[id].includes(region.currency_code) && !current.includes(id))
    if (!added.length) {
      continue
    }
    await updateRegionsWorkflow(container).run({
      input: { selector: { id: region.id }, update: { payment_providers: [...current, ...added] } },
    })
    changes.push({ region: region.name, added })
  }
  return changes
}
