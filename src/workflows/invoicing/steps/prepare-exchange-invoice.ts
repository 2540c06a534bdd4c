import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import { EXCHANGE_FIELDS, invoiceToIssue, loadExchangeInvoiceFacts, type ExchangeRow } from "../utils/order-facts"
import type { PreparedDocument } from "./prepare-invoice"

/**
 * What the invoice of the pieces a customer took in an exchange will say
 * (src/lib/invoice over the order's facts for those lines), or the one it
 * has. Reads only.
 */
export const prepareExchangeInvoiceStep = createStep("prepare-exchange-invoice", async ({ exchange_id }: { exchange_id: string }, { container }) => {
  const { data } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "order_exchange", fields: EXCHANGE_FIELDS, filters: { id: exchange_id } })
  const exchange = data[0] as unknown as ExchangeRow | undefined
  if (!exchange) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Exchange with id "${exchange_id}" was not found`)
  }
  const invoicing: InvoicingModuleService = container.resolve(INVOICING_MODULE)
  const existing = await invoicing.getDocument({ order_id: exchange.order_id, type: "invoice", exchange_id })
  if (existing) {
    return new StepResponse<PreparedDocument>({ existing_id: existing.id, issue: null })
  }
  const facts = await loadExchangeInvoiceFacts(container, exchange)
  return new StepResponse<PreparedDocument>({ existing_id: null, issue: invoiceToIssue(facts, exchange.order_id, exchange_id) })
})
