/**
 * The demo year's GST documents (docs/demo-shop.md): a tax invoice for
 * every paid demo bill, dated to its sale, one for the piece taken in each
 * exchange, dated to the exchange, and a credit note for every piece
 * brought back, dated to its return — numbered in date order in each
 * branch's series for its financial year, as the counter would have issued
 * them. Their PDFs are drawn when first downloaded. Bills and returns that
 * already have theirs are passed by, and so is a series the shop has
 * already issued later documents in (its numbers could no longer follow
 * the dates). Answers how many documents it issued and the series it left.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { INVOICING_MODULE } from "../../modules/invoicing"
import type { default as InvoicingModuleService, IssueDocumentInput } from "../../modules/invoicing/service"
import { creditNoteFor, RETURN_FIELDS, type ReturnRow } from "../../workflows/invoicing/utils/credit-note"
import { EXCHANGE_FIELDS, invoiceToIssue, loadExchangeInvoiceFacts, loadOrdersInvoiceFacts, type ExchangeRow } from "../../workflows/invoicing/utils/order-facts"

type Log = (message: string) => void
type Dated = IssueDocumentInput & { issued_at: Date }

const BATCH = 250

export async function ensureDemoTaxDocuments(container: MedusaContainer, log: Log): Promise<{ issued: number; refused: string[] }> {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const invoicing = container.resolve<InvoicingModuleService>(INVOICING_MODULE)
  // The bills' invoices and the exchanges' in one date order: both take numbers from the branch's invoice series.
  const { rows: due } = (await db.raw(
    `select o.id as order_id, null as exchange_id, o.created_at as at from "order" o
      where o.deleted_at is null and o.metadata ? 'demo_row' and o.status <> 'canceled'
        and not exists (select 1 from tax_document d where d.order_id = o.id and d.type = 'invoice' and d.exchange_id is null and d.deleted_at is null)
     union all
     select e.order_id, e.id, e.created_at from order_exchange e join "order" o on o.id = e.order_id
      where e.deleted_at is null and e.canceled_at is null and o.metadata ? 'demo_row' and e.metadata ? 'demo_done'
        and not exists (select 1 from tax_document d where d.exchange_id = e.id and d.deleted_at is null)
     order by at, order_id, exchange_id nulls first`
  )) as { rows: { order_id: string; exchange_id: string | null; at: Date }[] }
  const exchangeIds = due.flatMap((d) => (d.exchange_id ? [d.exchange_id] : []))
  const { data: exchangeRows } = exchangeIds.length
    ? await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order_exchange", fields: EXCHANGE_FIELDS, filters: { id: exchangeIds } })
    : { data: [] }
  const exchanges = new Map((exchangeRows as unknown as ExchangeRow[]).map((e) => [e.id, e]))
  let issued = 0
  const refused = new Set<string>()
  const take = (outcome: { issued: number; refused: string[] }) => {
    issued += outcome.issued
    outcome.refused.forEach((series) => refused.add(series))
  }
  const skipped: string[] = []
  for (let start = 0; start < due.length; start += BATCH) {
    const batch = due.slice(start, start + BATCH)
    const facts = await loadOrdersInvoiceFacts(container, batch.filter((d) => !d.exchange_id).map((d) => d.order_id))
    const invoices: Dated[] = []
    for (const doc of batch) {
      const f = doc.exchange_id
        ? await loadExchangeInvoiceFacts(container, exchanges.get(doc.exchange_id)!).catch((e: Error) => e)
        : facts.get(doc.order_id)!
      if (f instanceof Error) {
        skipped.push(`${doc.exchange_id ?? doc.order_id}: ${f.message}`)
        continue
      }
      invoices.push({ ...invoiceToIssue(f, doc.order_id, doc.exchange_id), issued_at: new Date(doc.at) })
    }
    take(await invoicing.issueDatedDocuments(invoices))
    log(`demo invoices: ${Math.min(start + BATCH, due.length)} / ${due.length}`)
  }
  if (skipped.length) {
    log(`demo invoices: ${skipped.length} left without one (first: ${skipped[0]})`)
  }

  const { rows: returns } = (await db.raw(
    `select r.id, r.received_at from "return" r join "order" o on o.id = r.order_id
      where r.deleted_at is null and r.status = 'received' and o.metadata ? 'demo_row'
        and not exists (select 1 from tax_document d where d.return_id = r.id and d.deleted_at is null)
      order by r.received_at, r.id`
  )) as { rows: { id: string; received_at: Date }[] }
  if (returns.length) {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "return", fields: RETURN_FIELDS, filters: { id: returns.map((r) => r.id) } })
    const byId = new Map((data as unknown as ReturnRow[]).map((r) => [r.id, r]))
    const documents = await invoicing.listOrderDocuments([...new Set([...byId.values()].map((r) => r.order_id))])
    // A bill left without its invoice (its series was in use) gets no credit note either.
    const invoiced = new Set(documents.filter((d) => d.type === "invoice" && !d.exchange_id).map((d) => d.order_id))
    const notes: Dated[] = returns
      .map((r) => ({ r, ret: byId.get(r.id)! }))
      .filter(({ ret }) => invoiced.has(ret.order_id))
      .map(({ r, ret }) => ({ ...creditNoteFor(ret, documents.filter((d) => d.order_id === ret.order_id)), issued_at: new Date(r.received_at) }))
    take(await invoicing.issueDatedDocuments(notes))
    log(`demo credit notes: ${notes.length}`)
  }
  if (refused.size) {
    log(`demo tax documents: series already in use with later documents, left without the demo year's: ${[...refused].sort().join(", ")}`)
  }
  return { issued, refused: [...refused].sort() }
}
