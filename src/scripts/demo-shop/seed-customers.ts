/**
 * Writes the demo customers (customers.ts) into the shop: customers with
 * profiles through the import-customers workflow, then their orders,
 * interactions and follow-ups, then their purchase aggregates. Every part is
 * skipped when already there, so an interrupted seed finishes on the next run.
 */
import type { CreateOrderDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { paiseToAmount } from "../../lib/money"
import { CRM_MODULE } from "../../modules/crm"
import type CrmModuleService from "../../modules/crm/service"
import { importCustomersWorkflow } from "../../workflows/crm"
import { refreshCustomerStatsWorkflow } from "../../workflows/crm"
import { demoCustomers, demoPiece, TASK_TITLES } from "./customers"
import { DEMO_GST_RATE } from "./data"

type Log = (message: string) => void
export type Piece = {
  variant_id: string
  sku: string
  title: string
  product_title: string
  unit_price: number
  making_charge_paise: number | null
  metal: string
  category: string | null
}

const BATCH = 250
const DAY = 86_400_000

/** 11:00 IST on the day `daysAgo` days before `now` (negative: in the future). */
function shopDay(now: Date, daysAgo: number, hour = 11): Date {
  const day = new Date(now.getTime() - daysAgo * DAY)
  day.setUTCHours(hour - 5, 30, 0, 0)
  return day
}

/** A demo bill's line for one piece, at its price before GST. */
export function demoLine(piece: Piece) {
  return {
    title: piece.product_title,
    subtitle: piece.title,
    product_title: piece.product_title,
    variant_id: piece.variant_id,
    variant_sku: piece.sku,
    quantity: 1,
    unit_price: piece.unit_price,
    // GST as the tax module charges it on jewellery, and the making charge as counter sales record it.
    tax_lines: [{ description: DEMO_GST_RATE.name, code: DEMO_GST_RATE.code, rate: DEMO_GST_RATE.rate, provider_id: "tp_system" }],
    metadata: { making_charge_paise: piece.making_charge_paise },
  }
}

export async function pricedPieces(container: MedusaContainer): Promise<Piece[]> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "jewelry_attributes",
    fields: ["breakdown", "metal", "product_variant.id", "product_variant.sku", "product_variant.title", "product_variant.product.title", "product_variant.product.categories.handle"],
    filters: { pricing_mode: "rate_based" },
  })
  return (
    data as {
      breakdown: { taxable_value: number; making_charge?: number } | null
      metal: string
      product_variant?: { id: string; sku: string; title: string; product?: { title: string; categories?: { handle: string }[] | null } } | null
    }[]
  )
    .filter((row) => row.breakdown && row.product_variant)
    .map((row) => ({
      variant_id: row.product_variant!.id,
      sku: row.product_variant!.sku,
      title: row.product_variant!.title,
      product_title: row.product_variant!.product?.title ?? row.product_variant!.title,
      unit_price: paiseToAmount(row.breakdown!.taxable_value),
      making_charge_paise: row.breakdown!.making_charge ?? null,
      metal: row.metal,
      // Filed under its first category by handle, as the reports file it (src/lib/link-tables.ts).
      category: (row.product_variant!.product?.categories ?? []).map((c) => c.handle).sort()[0] ?? null,
    }))
    .sort((a, b) => a.sku.localeCompare(b.sku))
}

async function branchChannels(container: MedusaContainer) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "branch",
    fields: ["id", "code", "sales_channel.id"],
  })
  return new Map(
    (data as { id: string; code: string; sales_channel?: { id: string } | null }[]).map((b) => [b.code, { id: b.id, sales_channel_id: b.sales_channel?.id ?? null }])
  )
}

/** The demo customers (all of them, or the first `count`: tests seed a few with the same code). */
export async function ensureDemoCustomers(container: MedusaContainer, log: Log, now = new Date(), count?: number) {
  const people = demoCustomers(count)
  const customerService = container.resolve(Modules.CUSTOMER)
  const crm: CrmModuleService = container.resolve(CRM_MODULE)
  const orderService = container.resolve(Modules.ORDER)
  const branches = await branchChannels(container)
  const pieces = await pricedPieces(container)
  const [region] = await container.resolve(Modules.REGION).listRegions({ name: "India" }, { select: ["id"] })
  if (!pieces.length || !region) {
    log("demo customers skipped: no priced pieces or no India region")
    return
  }

  for (let start = 0; start < people.length; start += BATCH) {
    const batch = people.slice(start, start + BATCH)
    const existing = await customerService.listCustomers({ email: batch.map((p) => p.email) }, { select: ["id", "email"], take: null })
    const idByEmail = new Map(existing.map((c) => [c.email!, c.id]))
    const missing = batch.filter((p) => !idByEmail.has(p.email))
    if (missing.length) {
      const { result } = await importCustomersWorkflow(container).run({
        input: missing.map((p) => ({
          customer: { first_name: p.first_name, last_name: p.last_name, email: p.email, phone: p.phone },
          profile: {
            phone: p.phone,
            birthday: new Date(`${p.birthday}T00:00:00Z`),
            anniversary: p.anniversary ? new Date(`${p.anniversary}T00:00:00Z`) : null,
            ring_size: p.ring_size,
            bangle_size: p.bangle_size,
            preferred_metals: p.preferred_metals,
            preferred_categories: p.preferred_categories,
            budget_band: p.budget_band,
            tags: p.tags,
            source: p.source,
            home_branch_id: branches.get(p.home_branch)?.id ?? null,
            consents: Object.fromEntries(
              Object.entries(p.consents).map(([channel, status]) => [channel, { status, at: shopDay(now, 200).toISOString(), source: "demo" }])
            ),
          },
        })),
      })
      result.customers.forEach((c) => idByEmail.set(c.email!, c.id))
    }
    const ids = batch.map((p) => idByEmail.get(p.email)!)

    // Orders, for customers who have none yet.
    const withOrders = new Set(
      (await orderService.listOrders({ customer_id: ids }, { select: ["customer_id"], take: null })).map((o) => o.customer_id)
    )
    const orderRows = batch.flatMap((p) =>
      withOrders.has(idByEmail.get(p.email)!)
        ? []
        : p.orders.map((order) => ({ person: p, order, items: order.pieces.map((n) => demoPiece(n, p, pieces)) }))
    )
    const createdOrders = orderRows.length
      ? await orderService.createOrders(
          orderRows.map(({ person, order, items }, n): CreateOrderDTO & { created_at: Date } => ({
            region_id: region.id,
            customer_id: idByEmail.get(person.email)!,
            sales_channel_id: branches.get(order.branch)?.sales_channel_id ?? undefined,
            email: person.email,
            currency_code: "inr",
            status: "completed",
            created_at: shopDay(now, order.days_ago, 12),
            // Orders come back in no set order: each is matched to its row by this.
            metadata: { demo_row: n },
            items: items.map(demoLine),
          }))
        )
      : []

    // Interactions and follow-ups, for customers who have none yet; orders appear as purchases.
    const withInteractions = new Set((await crm.listInteractions({ customer_id: ids }, { select: ["customer_id"], take: null })).map((i) => i.customer_id))
    const fresh = batch.filter((p) => !withInteractions.has(idByEmail.get(p.email)!))
    const freshIds = new Set(fresh.map((p) => idByEmail.get(p.email)!))
    const talks = fresh.flatMap((p) =>
      p.interactions.map((talk) => ({
        customer_id: idByEmail.get(p.email)!,
        branch_id: branches.get(p.home_branch)?.id ?? null,
        channel: talk.channel,
        kind: talk.kind as "enquiry",
        summary: talk.summary,
        follow_up_at: talk.follow_up_due_in_days === null ? null : shopDay(now, -talk.follow_up_due_in_days, 12),
        occurred_at: shopDay(now, talk.days_ago),
      }))
    )
    const rowOf = new Map(createdOrders.map((o) => [Number((o.metadata as { demo_row?: number } | null)?.demo_row), o]))
    const purchases = orderRows
      .flatMap((row, i) => {
        const order = rowOf.get(i)
        return order && freshIds.has(order.customer_id!) ? [{ row, order }] : []
      })
      .map(({ row, order }) => ({
        customer_id: order.customer_id!,
        branch_id: branches.get(row.order.branch)?.id ?? null,
        channel: "walk_in" as const,
        kind: "purchase" as const,
        summary: `Order #${order.display_id}: ${row.items.map((i) => `${i.product_title} ×1`).join(", ")}`,
        products_of_interest: row.items.map((i) => i.variant_id),
        order_id: order.id,
        occurred_at: shopDay(now, row.order.days_ago, 12),
      }))
    const created = talks.length + purchases.length ? await crm.createInteractions([...talks, ...purchases]) : []
    const tasks = created
      .filter((i) => i.follow_up_at)
      .map((i, n) => ({
        customer_id: i.customer_id,
        interaction_id: i.id,
        title: TASK_TITLES[n % TASK_TITLES.length],
        due_at: i.follow_up_at!,
        branch_id: i.branch_id,
        status: "open" as const,
      }))
    if (tasks.length) {
      await crm.createFollowUpTasks(tasks)
    }
    const buyers = [...new Set(createdOrders.map((o) => o.customer_id!))]
    if (buyers.length) {
      await refreshCustomerStatsWorkflow(container).run({ input: buyers })
    }
    log(`demo customers: ${Math.min(start + BATCH, people.length)} / ${people.length}`)
  }
}
