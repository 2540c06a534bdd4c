/**
 * The demo year's GST documents (docs/demo-shop.md): a tax invoice for
 * every paid demo bill, dated to its sale, and a credit note for every
 * piece brought back, dated to its return — numbered in date order in each
 * branch's series for its financial year, as the counter would have issued
 * them. Their PDFs are drawn when first downloaded. Bills and returns that
 * already have theirs are passed by, and so is a series the shop has
 * already issued later documents in (its numbers could no longer follow
 * the dates). Answers how many documents it issued and the series it left.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { buildInvoice } from "../../lib/invoice"
import { INVOICING_MODULE } from "../../modules/invoicing"
import type { default as InvoicingModuleService, IssueDocumentInput } from "../../modules/invoicing/service"
import { creditNoteFor, RETURN_FIELDS, type ReturnRow } from "../../workflows/invoicing/utils/credit-note"
import { loadOrdersInvoiceFacts } from "../../workflows/invoicing/utils/order-facts"

type Log = (message: string) => void
type Dated = IssueDocumentInput & { issued_at: Date }

const BATCH = 250

export async function ensureDemoTaxDocuments(container: MedusaContainer, log: Log): Promise<{ issued: number; refused: string[] }> {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const invoicing = container.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const { rows: orders } = (await db.raw(
    `select o.id, o.created_at from "order" o
      where o.deleted_at is null and o.metadata ? 'demo_row' and o.status <> 'canceled'
        and not exists (select 1 from tax_document d where d.order_id = o.id and d.type = 'invoice' and d.deleted_at is null)
      order by o.created_at, o.id`
  )) as { rows: { id: string; created_at: Date }[] }
  let issued = 0
  const refused = new Set<string>()
  const take = (outcome: { issued: number; refused: string[] }) => {
    issued += outcome.issued
    outcome.refused.forEach((series) => refused.add(series))
  }
  const skipped: string[] = []
  for (let start = 0; start < orders.length; start += BATCH) {
    const batch = orders.slice(start, start + BATCH)
    const facts = await loadOrdersInvoiceFacts(container, batch.map((o) => o.id))
    const invoices: Dated[] = []
    for (const order of batch) {
      const f = facts.get(order.id)!
      if (f instanceof Error) {
        skipped.push(`${order.id}: ${f.message}`)
        continue
      }
      invoices.push({
        type: "invoice",
        branch_id: f.branch.id,
        branch_code: f.branch.code,
        order_id: order.id,
        customer_id: f.customer_id,
        body: buildInvoice(f.input),
        issued_at: new Date(order.created_at),
      })
    }
    take(await invoicing.issueDatedDocuments(invoices))
    log(`demo invoices: ${Math.min(start + BATCH, orders.length)} / ${orders.length}`)
  }
  if (skipped.length) {
    log(`demo invoices: ${skipped.length} bills left without one (first: ${skipped[0]})`)
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
    const invoiced = new Set(documents.filter((d) => d.type === "invoice").map((d) => d.order_id))
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
