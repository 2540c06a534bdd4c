/**
 * `medusa exec ./src/scripts/payment-providers.ts` (run by `npm start` when
 * the payment settings changed): offers Razorpay and PayPal, when they are
 * configured, in the regions whose currency they take.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { offerPaymentProviders } from "./payments/offer-payment-providers"

export default async function paymentProviders({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const changes = await offerPaymentProviders(container)
  for (const change of changes) {
    logger.info(`Payments: ${change.region} now offers ${change.added.join(", ")}`)
  }
  if (!changes.length) {
    logger.info("Payments: every region already offers the configured providers")
  }
}
