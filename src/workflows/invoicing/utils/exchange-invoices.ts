import type { MedusaContainer } from "@medusajs/framework/types"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import { loadOrderPaymentStates } from "../../payments/utils/order-payments"
import { issueExchangeInvoiceWorkflow } from "../workflows/issue-exchange-invoice"
import { loadOrderExchanges } from "./order-facts"

/**
 * Invoices the exchanges of a paid order that have none yet (an exchange
 * whose difference is still to be paid waits for its capture: docs/security.md,
 * "Value only for paid orders"). Answers the invoices issued now and the
 * exchanges that could not be invoiced, with why.
 */
export async function invoiceOrderExchanges(
  container: MedusaContainer,
  orderId: string
): Promise<{ issued: string[]; failed: { id: string; reason: string }[] }> {
  const outcome = { issued: [] as string[], failed: [] as { id: string; reason: string }[] }
  const exchanges = ((await loadOrderExchanges(container, [orderId])).get(orderId) ?? []).filter((e) => e.additional_items?.length)
  if (!exchanges.length || (await loadOrderPaymentStates(container, [orderId])).get(orderId) !== "paid") {
    return outcome
  }
  const invoiced = new Set(
    (await container.resolve<InvoicingModuleService>(INVOICING_MODULE).listOrderDocuments([orderId])).map((d) => d.exchange_id).filter(Boolean)
  )
  for (const exchange of exchanges.filter((e) => !invoiced.has(e.id))) {
    try {
      const { result } = await issueExchangeInvoiceWorkflow(container).run({ input: { exchange_id: exchange.id } })
      outcome.issued.push(result.document.id)
    } catch (e) {
      outcome.failed.push({ id: exchange.id, reason: (e as Error).message })
    }
  }
  return outcome
}
