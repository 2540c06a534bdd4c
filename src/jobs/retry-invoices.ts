import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { fileSettings } from "../lib/file-settings"
import { paidOrderSql } from "../lib/paid-orders"
import { INVOICING_MODULE } from "../modules/invoicing"
import type InvoicingModuleService from "../modules/invoicing/service"
import { invoiceOrderExchanges, issueCreditNoteWorkflow, issueInvoiceWorkflow, storeTaxDocumentFileWorkflow } from "../workflows/invoicing"

/** Give the subscriber (order.placed, payment.captured) this long before the job steps in. */
const GRACE_MINUTES = 2

export type RetryOutcome = { stored: number; invoiced: number; credited: number; failed: { id: string; reason: string }[] }

/**
 * Puts right what the subscribers could not finish: PDFs that could not be
 * stored (S3 unreachable) are stored, paid orders (placed or paid in the last
 * INVOICE_RETRY_DAYS) without an invoice are invoiced, so are the
 * exchanges of paid orders, and received returns without a credit note get
 * one. An order still awaiting its payment is left
 * alone (docs/security.md, "Value only for paid orders"); only orders that
 * came from a cart or carry a payment collection are looked at. The demo
 * year's bills get their invoices from the seed, dated to the sale, and
 * their PDFs (`on_request`) are drawn on download, not here.
 * Everything is keyed: running twice issues nothing twice.
 */
export async function retryInvoices(container: MedusaContainer, { limit = 50, graceMinutes = GRACE_MINUTES } = {}): Promise<RetryOutcome> {
  const invoicing: InvoicingModuleService = container.resolve(INVOICING_MODULE)
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const outcome: RetryOutcome = { stored: 0, invoiced: 0, credited: 0, failed: [] }
  const { invoice_retry_days: days } = fileSettings()

  for (const doc of await invoicing.listDocumentsAwaitingFile(limit)) {
    const { result } = await storeTaxDocumentFileWorkflow(container).run({ input: { document_id: doc.id } })
    if (result.file_id) {
      outcome.stored += 1
    } else {
      outcome.failed.push({ id: doc.id, reason: result.file_error ?? "not stored" })
    }
  }

  // Paid (src/lib/paid-orders) within the window: by the time its payment was captured, or it was placed.
  const { rows: orders } = (await knex.raw(
    `select o.id from "order" o
       left join lateral (
         select max(pc.completed_at) as paid_at from order_payment_collection opc
           join payment_collection pc on pc.id = opc.payment_collection_id and pc.deleted_at is null
          where opc.order_id = o.id and opc.deleted_at is null) p on true
      where o.deleted_at is null and coalesce(o.is_draft_order, false) = false
        and greatest(o.created_at, coalesce(p.paid_at, o.created_at)) > now() - make_interval(days => ?)
        and greatest(o.created_at, coalesce(p.paid_at, o.created_at)) < now() - make_interval(mins => ?)
        and (exists (select 1 from order_cart oc where oc.order_id = o.id and oc.deleted_at is null)
             or exists (select 1 from order_payment_collection opc where opc.order_id = o.id and opc.deleted_at is null))
        and ${paidOrderSql("o")}
        and not exists (select 1 from tax_document d where d.order_id = o.id and d.type = 'invoice' and d.deleted_at is null)
      order by o.created_at limit ?`,
    [days, graceMinutes, limit]
  )) as { rows: { id: string }[] }
  for (const { id } of orders) {
    try {
      await issueInvoiceWorkflow(container).run({ input: { order_id: id } })
      outcome.invoiced += 1
    } catch (e) {
      outcome.failed.push({ id, reason: (e as Error).message })
    }
  }

  const { rows: exchanged } = (await knex.raw(
    `select distinct e.order_id from order_exchange e join "order" o on o.id = e.order_id
      where e.deleted_at is null and e.canceled_at is null
        and e.created_at > now() - make_interval(days => ?) and e.created_at < now() - make_interval(mins => ?)
        and exists (select 1 from order_exchange_item i where i.exchange_id = e.id and i.deleted_at is null)
        and not exists (select 1 from tax_document d where d.exchange_id = e.id and d.deleted_at is null)
        and ${paidOrderSql("o")}
      limit ?`,
    [days, graceMinutes, limit]
  )) as { rows: { order_id: string }[] }
  for (const { order_id } of exchanged) {
    const { issued, failed } = await invoiceOrderExchanges(container, order_id)
    outcome.invoiced += issued.length
    outcome.failed.push(...failed)
  }

  const { rows: returns } = (await knex.raw(
    `select r.id from "return" r
      where r.deleted_at is null and r.status in ('received', 'partially_received')
        and r.updated_at > now() - make_interval(days => ?) and r.updated_at < now() - make_interval(mins => ?)
        and exists (select 1 from tax_document i where i.order_id = r.order_id and i.type = 'invoice' and i.exchange_id is null and i.deleted_at is null)
        and not exists (select 1 from tax_document d where d.return_id = r.id and d.deleted_at is null)
      order by r.updated_at limit ?`,
    [days, graceMinutes, limit]
  )) as { rows: { id: string }[] }
  for (const { id } of returns) {
    try {
      await issueCreditNoteWorkflow(container).run({ input: { return_id: id } })
      outcome.credited += 1
    } catch (e) {
      outcome.failed.push({ id, reason: (e as Error).message })
    }
  }
  return outcome
}

/** Every 5 minutes. */
export default async function retryInvoicesJob(container: MedusaContainer) {
  const outcome = await retryInvoices(container)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (outcome.stored || outcome.invoiced || outcome.credited) {
    logger.info(`invoices: ${outcome.stored} PDFs stored, ${outcome.invoiced} orders invoiced, ${outcome.credited} credit notes issued`)
  }
  if (outcome.failed.length) {
    logger.warn(`invoices: ${outcome.failed.length} still waiting (first: ${outcome.failed[0].id}: ${outcome.failed[0].reason})`)
  }
}

export const config = {
  name: "retry-invoices",
  schedule: "*/5 * * * *",
}
