import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { checkGstin, GST_STATE_CODES } from "../../../lib/gstin"
import { buildInvoice, sellerOf, type DocumentParty, type InvoiceInput, type OrderPiece, type PieceFacts, type SellerParty, type Tender } from "../../../lib/invoice"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { amountToPaise } from "../../../lib/money"
import { orderPaymentState } from "../../../lib/paid-orders"
import { gstStateCodeOf, placeOfSupply } from "../../../lib/place-of-supply"
import { ratesInForceAt, resolveMetalRate, type Metal } from "../../../lib/pricing"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import type { IssueDocumentInput } from "../../../modules/invoicing/service"
import { orderPaymentFacts } from "../../payments/utils/order-payments"

type Amount = BigNumberInput | null | undefined

type Address = {
  first_name: string | null
  last_name: string | null
  company: string | null
  address_1: string | null
  address_2: string | null
  city: string | null
  province: string | null
  postal_code: string | null
  phone: string | null
  metadata: Record<string, unknown> | null
}

type Adjustment = { amount: Amount; code: string | null; is_tax_inclusive: boolean | null; promotion_id: string | null }

type OrderRow = {
  id: string
  display_id: number | null
  status: string
  created_at: string | Date
  customer_id: string | null
  email: string | null
  sales_channel_id: string | null
  metadata: Record<string, unknown> | null
  customer?: { first_name: string | null; last_name: string | null; phone: string | null; email: string | null; company_name: string | null } | null
  shipping_address?: Address | null
  billing_address?: Address | null
  items?: {
    id: string
    title: string
    subtitle: string | null
    product_title: string | null
    variant_id: string | null
    variant_sku: string | null
    unit_price: Amount
    quantity: Amount
    created_at: string | Date
    adjustments?: Adjustment[]
    tax_lines?: { rate: Amount }[]
  }[]
  shipping_methods?: { id: string; name: string; amount: Amount; shipping_option_id: string | null; adjustments?: Adjustment[]; tax_lines?: { rate: Amount }[] }[]
  payment_collections?: { status: string; amount: Amount; captured_amount: Amount; created_at: string | Date; payments?: { id: string; amount: Amount; provider_id: string; captured_at: string | Date | null; data: Record<string, unknown> | null; metadata: Record<string, unknown> | null }[] }[]
}

type BranchRow = {
  id: string
  code: string
  name: string
  gstin: string | null
  state_code: string
  state_name: string
  address_1: string
  address_2: string | null
  city: string
  postal_code: string
  phone: string | null
  email: string | null
}

export type OrderInvoiceFacts = { input: InvoiceInput; branch: BranchRow; customer_id: string | null }

/** The invoice to issue for an order's facts (of the order's own lines, or of an exchange's). */
export function invoiceToIssue(facts: OrderInvoiceFacts, orderId: string, exchangeId: string | null = null): IssueDocumentInput {
  return {
    type: "invoice",
    branch_id: facts.branch.id,
    branch_code: facts.branch.code,
    order_id: orderId,
    exchange_id: exchangeId,
    customer_id: facts.customer_id,
    body: buildInvoice(facts.input),
  }
}

const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "created_at",
  "customer_id",
  "email",
  "sales_channel_id",
  "metadata",
  "customer.first_name",
  "customer.last_name",
  "customer.phone",
  "customer.email",
  "customer.company_name",
  "shipping_address.*",
  "billing_address.*",
  "items.id",
  "items.title",
  "items.subtitle",
  "items.product_title",
  "items.variant_id",
  "items.variant_sku",
  "items.unit_price",
  "items.created_at",
  // An order line's quantity is only filled in when its detail is asked for too.
  "items.quantity",
  "items.detail.quantity",
  "items.adjustments.amount",
  "items.adjustments.code",
  "items.adjustments.is_tax_inclusive",
  "items.adjustments.promotion_id",
  "items.tax_lines.rate",
  "shipping_methods.id",
  "shipping_methods.name",
  "shipping_methods.amount",
  "shipping_methods.shipping_option_id",
  "shipping_methods.adjustments.amount",
  "shipping_methods.adjustments.code",
  "shipping_methods.adjustments.is_tax_inclusive",
  "shipping_methods.adjustments.promotion_id",
  "shipping_methods.tax_lines.rate",
  "payment_collections.payments.id",
  "payment_collections.payments.amount",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.data",
  "payment_collections.payments.metadata",
  "payment_collections.status",
  "payment_collections.amount",
  "payment_collections.captured_amount",
  "payment_collections.created_at",
]

/** An exchange as its invoice reads it: the pieces it gave the customer are its order's lines in `additional_items`. */
export type ExchangeRow = {
  id: string
  order_id: string
  display_id: number | null
  created_at: string | Date
  canceled_at: string | Date | null
  additional_items?: { item_id: string }[]
}

export const EXCHANGE_FIELDS = ["id", "order_id", "display_id", "created_at", "canceled_at", "additional_items.item_id"]

/** The exchanges of orders (cancelled ones left out), by order. */
export async function loadOrderExchanges(container: MedusaContainer, orderIds: string[]): Promise<Map<string, ExchangeRow[]>> {
  const { data } = orderIds.length
    ? await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order_exchange", fields: EXCHANGE_FIELDS, filters: { order_id: orderIds } })
    : { data: [] }
  const byOrder = new Map<string, ExchangeRow[]>()
  for (const exchange of data as unknown as ExchangeRow[]) {
    if (!exchange.canceled_at) {
      byOrder.set(exchange.order_id, [...(byOrder.get(exchange.order_id) ?? []), exchange])
    }
  }
  return byOrder
}

/** Sum of a line's tax rates as a fraction (3 % → 0.03), as Medusa adds them up. */
const taxRate = (lines: { rate: Amount }[] | undefined) => MathBN.div(MathBN.sum(0, ...(lines ?? []).map((l) => l.rate ?? 0)), 100)

/**
 * An adjustment's amount before tax, as Medusa computes it: a tax-inclusive
 * promotion (points) takes its amount off the total, so the taxable value
 * falls by amount / (1 + rate).
 */
function preTaxPaise(adjustments: Adjustment[] | undefined, rate: ReturnType<typeof taxRate>): number {
  const sum = (adjustments ?? []).reduce(
    (acc, a) => MathBN.add(acc, a.is_tax_inclusive ? MathBN.div(a.amount ?? 0, MathBN.add(1, rate)) : a.amount ?? 0),
    MathBN.convert(0)
  )
  return amountToPaise(sum)
}

/** What the customer saw a promotion take off (tax included), by code. */
function discountSummary(order: OrderRow): InvoiceInput["discounts"] {
  const byCode = new Map<string, number>()
  const add = (adjustments: Adjustment[] | undefined, rate: ReturnType<typeof taxRate>) => {
    for (const a of adjustments ?? []) {
      const code = a.code ?? "DISCOUNT"
      const withTax = a.is_tax_inclusive ? a.amount ?? 0 : MathBN.mult(a.amount ?? 0, MathBN.add(1, rate))
      byCode.set(code, (byCode.get(code) ?? 0) + amountToPaise(withTax))
    }
  }
  for (const item of order.items ?? []) {
    add(item.adjustments, taxRate(item.tax_lines))
  }
  for (const method of order.shipping_methods ?? []) {
    add(method.adjustments, taxRate(method.tax_lines))
  }
  return [...byCode.entries()].map(([code, amount]) => ({
    code,
    label: code.startsWith("POINTS-") ? "Loyalty points" : `Offer ${code}`,
    amount,
  }))
}

/** A payment's tender name: the POS tender it records (data.tender / metadata.tender), else its provider. */
export function tenderLabel(providerId: string, data: Record<string, unknown> | null, metadata: Record<string, unknown> | null): string {
  const named = [metadata?.tender, data?.tender, metadata?.method, data?.method].find((v): v is string => typeof v === "string" && !!v.trim())
  if (named) {
    return named.trim().replace(/^\w/, (c) => c.toUpperCase())
  }
  const provider = providerId.replace(/^pp_/, "").replace(/_default$/, "")
  const [first] = provider.split("_")
  // The system provider collects nothing itself: the storefront offers it only as "pay at the store", staff use it to mark an order paid.
  return first === "system" ? "Paid at the store" : first.replace(/^\w/, (c) => c.toUpperCase())
}

/** "Lakshmi 22K Gold Ring – Size 14": the product and the variant, without saying the product twice. */
function describeLine(item: { title: string; subtitle: string | null; product_title: string | null }): string {
  const product = item.product_title ?? item.title
  const variant = item.subtitle?.trim()
  if (!variant || variant === product) {
    return product
  }
  return variant.startsWith(product) ? variant : `${product} – ${variant}`
}

function addressLines(a: Address | null | undefined): string[] {
  if (!a) {
    return []
  }
  return [a.company, a.address_1, a.address_2, [a.city, a.postal_code].filter(Boolean).join(" ")].filter((l): l is string => !!l && !!l.trim())
}

function buyerGstin(order: OrderRow): string | null {
  const given = [order.metadata?.gstin, order.billing_address?.metadata?.gstin].find((v): v is string => typeof v === "string" && !!v.trim())
  if (!given) {
    return null
  }
  const check = checkGstin(given)
  return check.valid ? given.trim().toUpperCase() : null
}

type PieceRow = {
  id: string
  title: string | null
  product?: { title: string | null } | null
  jewelry_attributes?:
    | (PieceFacts & { pricing_mode: string; breakdown: { rate_per_g?: number; taxable_value?: number } | null; net_weight_mg: number })
    | null
}

/**
 * Everything an order's invoice says, read from Medusa (the order, its
 * lines, adjustments, shipping and payments), the branch behind its sales
 * channel and the pieces' stored attributes. Reads only.
 */
export async function loadOrderInvoiceFacts(container: MedusaContainer, orderId: string): Promise<OrderInvoiceFacts> {
  const facts = (await loadOrdersInvoiceFacts(container, [orderId])).get(orderId)!
  if (facts instanceof Error) {
    throw facts
  }
  return facts
}

/**
 * The invoice facts of many orders in a handful of reads (the orders, their
 * branches, pieces, shipping options and the rate history their lines span):
 * each order's facts, or the error that keeps it from an invoice.
 */
export async function loadOrdersInvoiceFacts(container: MedusaContainer, orderIds: string[]): Promise<Map<string, OrderInvoiceFacts | MedusaError>> {
  return loadInvoiceFacts(container, orderIds, null)
}

/**
 * What the invoice of an exchange's pieces says: the order's facts for the
 * lines the exchange added, paid by what the order took since the exchange
 * and, for the rest, the returned piece's value. Reads only.
 */
export async function loadExchangeInvoiceFacts(container: MedusaContainer, exchange: ExchangeRow): Promise<OrderInvoiceFacts> {
  const facts = (await loadInvoiceFacts(container, [exchange.order_id], exchange)).get(exchange.order_id)!
  if (facts instanceof Error) {
    throw facts
  }
  return facts
}

/**
 * The facts of the orders' own invoices (the lines the orders were placed
 * with: lines an exchange added have their own invoice), or, given an
 * exchange, of the exchange's invoice for its one order.
 */
async function loadInvoiceFacts(container: MedusaContainer, orderIds: string[], exchange: ExchangeRow | null): Promise<Map<string, OrderInvoiceFacts | MedusaError>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(orderIds)]
  const { data } = ids.length ? await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: ids } }) : { data: [] }
  const exchanges = await loadOrderExchanges(container, exchange ? [] : ids)
  const orders = new Map(
    (data as unknown as OrderRow[]).map((o) => {
      if (exchange) {
        return [o.id, exchangeOrder(o, exchange)]
      }
      const added = new Set((exchanges.get(o.id) ?? []).flatMap((e) => (e.additional_items ?? []).map((i) => i.item_id)))
      return [o.id, added.size ? { ...o, items: (o.items ?? []).filter((i) => !added.has(i.id)) } : o]
    })
  )
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["name", "default_sales_channel_id"], take: 1 })
  // An order entered without a sales channel is the main branch's (the store's default channel), as Medusa's admin assumes.
  const channelOf = (order: OrderRow) => order.sales_channel_id ?? store?.default_sales_channel_id ?? null
  const all = [...orders.values()]
  const unique = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))]

  const channelIds = unique(all.map(channelOf))
  const { data: channels } = channelIds.length
    ? await query.graph({ entity: "sales_channel", fields: ["id", "name", "branch.*"], filters: { id: channelIds } })
    : { data: [] }
  const branchOf = new Map((channels as { id: string; branch?: BranchRow | null }[]).map((c) => [c.id, c.branch ?? null]))

  const variantIds = unique(all.flatMap((o) => (o.items ?? []).map((i) => i.variant_id)))
  const { data: variants } = variantIds.length
    ? await query.graph({ entity: "product_variant", fields: ["id", "title", "product.title", "jewelry_attributes.*"], filters: { id: variantIds } })
    : { data: [] }
  const pieces = new Map((variants as unknown as PieceRow[]).map((v) => [v.id, v]))

  const optionIds = unique(all.flatMap((o) => (o.shipping_methods ?? []).map((m) => m.shipping_option_id)))
  const { data: options } = optionIds.length
    ? await query.graph({ entity: "shipping_option", fields: ["id", "type.code"], filters: { id: optionIds } })
    : { data: [] }
  const pickup = new Set((options as { id: string; type?: { code: string } | null }[]).filter((o) => o.type?.code === "pickup").map((o) => o.id))

  // The rate in force when each line was put in the cart, in case the piece was repriced since: one read of the history the lines span.
  const lineTimes = all
    .flatMap((o) => (o.items ?? []).filter((i) => i.variant_id && pieces.get(i.variant_id)?.jewelry_attributes?.pricing_mode === "rate_based"))
    .map((i) => new Date(i.created_at).getTime())
  const history = lineTimes.length
    ? await container
        .resolve<JewelryModuleService>(JEWELRY_MODULE)
        .listMetalRatesInForceBetween({ from: new Date(Math.min(...lineTimes)), to: new Date(Math.max(...lineTimes)), branch_ids: [null] })
    : []
  const rateAt = (at: Date, metal: string, purity: number) => resolveMetalRate(ratesInForceAt(history, at), { metal: metal as Metal, purity })?.rate_per_g_paise

  const shopName = process.env.SHOP_NAME ?? store?.name
  const facts = new Map<string, OrderInvoiceFacts | MedusaError>()
  for (const id of ids) {
    const order = orders.get(id)
    const channelId = order ? channelOf(order) : null
    const branch = channelId ? branchOf.get(channelId) : null
    const problem = invoiceProblem(id, order, branch) ?? (exchange ? exchangeProblem(exchange) : null)
    facts.set(id, problem ?? orderFacts(order!, branch!, { pieces, pickup, rateAt, shopName: shopName ?? branch!.name }, exchange))
  }
  return facts
}

/**
 * The order as an exchange's invoice sees it: only the lines the exchange
 * added and only the payments taken since the exchange was made (the first
 * sale's delivery charge stays on its own invoice: see orderFacts).
 */
function exchangeOrder(order: OrderRow, exchange: ExchangeRow): OrderRow {
  const added = new Set((exchange.additional_items ?? []).map((i) => i.item_id))
  const since = new Date(exchange.created_at).getTime()
  return {
    ...order,
    items: (order.items ?? []).filter((i) => added.has(i.id)),
    payment_collections: (order.payment_collections ?? []).filter((c) => new Date(c.created_at).getTime() >= since),
  }
}

function exchangeProblem(exchange: ExchangeRow): MedusaError | null {
  if (exchange.canceled_at) {
    return new MedusaError(MedusaError.Types.NOT_ALLOWED, `Exchange #${exchange.display_id} was cancelled; it gets no tax invoice`)
  }
  if (!exchange.additional_items?.length) {
    return new MedusaError(MedusaError.Types.NOT_ALLOWED, `Exchange #${exchange.display_id} gave no pieces yet; its invoice is issued once it is confirmed`)
  }
  return null
}

/** Why an order gets no invoice now, or nothing when it can have one. */
function invoiceProblem(id: string, order: OrderRow | undefined, branch: BranchRow | null | undefined): MedusaError | null {
  if (!order) {
    return new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id "${id}" was not found`)
  }
  if (order.status === "draft") {
    return new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order #${order.display_id} is a draft; it is invoiced when it is placed`)
  }
  // Value only for paid orders (docs/security.md): the invoice waits for the payment's capture.
  const state = orderPaymentState(orderPaymentFacts(order))
  if (state !== "paid") {
    return new MedusaError(
      MedusaError.Types.CONFLICT,
      state === "void"
        ? `Order #${order.display_id} is cancelled; it gets no tax invoice`
        : `Order #${order.display_id} awaits its payment; its tax invoice is issued once the payment is captured`,
      DOMAIN_CONFLICT
    )
  }
  if (!branch) {
    return new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Order #${order.display_id} was not sold through a branch's sales channel, so it has no invoice series; link the sales channel to a branch`
    )
  }
  return null
}

type Lookups = {
  pieces: Map<string, PieceRow>
  pickup: Set<string>
  rateAt: (at: Date, metal: string, purity: number) => number | undefined
  shopName: string
}

/** One order's invoice facts from what was read for its batch. */
function orderFacts(order: OrderRow, branch: BranchRow, { pieces, pickup, rateAt, shopName }: Lookups, exchange: ExchangeRow | null): OrderInvoiceFacts {
  const orderPieces: OrderPiece[] = []
  for (const item of order.items ?? []) {
    const variant = item.variant_id ? pieces.get(item.variant_id) : undefined
    const attributes = variant?.jewelry_attributes ?? null
    const candidates: number[] = []
    if (attributes?.pricing_mode === "rate_based") {
      if (typeof attributes.breakdown?.rate_per_g === "number") {
        candidates.push(attributes.breakdown.rate_per_g)
      }
      const then = rateAt(new Date(item.created_at), attributes.metal, Number(attributes.purity))
      if (then !== undefined && !candidates.includes(then)) {
        candidates.push(then)
      }
    }
    const quantity = Number(MathBN.convert(item.quantity ?? 0).toString())
    orderPieces.push({
      item_id: item.id,
      description: describeLine(item),
      sku: item.variant_sku,
      quantity,
      unit_price_paise: amountToPaise(item.unit_price),
      discount_paise: preTaxPaise(item.adjustments, taxRate(item.tax_lines)),
      piece: attributes
        ? {
            metal: attributes.metal,
            purity: Number(attributes.purity),
            gross_weight_mg: Number(attributes.gross_weight_mg),
            net_weight_mg: Number(attributes.net_weight_mg),
            stone_weight_mg: Number(attributes.stone_weight_mg ?? 0),
            wastage_bp: Number(attributes.wastage_bp ?? 0),
            making_type: attributes.making_type,
            making_value: Number(attributes.making_value),
            stones: attributes.stones ?? null,
            other_charges_paise: Number(attributes.other_charges_paise ?? 0),
            hsn: attributes.hsn ?? "7113",
            huid: attributes.huid ?? null,
            tag_code: attributes.tag_code ?? null,
          }
        : null,
      rate_candidates: candidates,
    })
  }

  const delivery = (order.shipping_methods ?? []).some((m) => !m.shipping_option_id || !pickup.has(m.shipping_option_id))

  const seller: SellerParty = sellerOf(branch, shopName)
  const billing = order.billing_address ?? order.shipping_address
  const name =
    [order.customer?.first_name, order.customer?.last_name].filter(Boolean).join(" ") ||
    [billing?.first_name, billing?.last_name].filter(Boolean).join(" ") ||
    order.email ||
    "Walk-in customer"
  const buyerState = gstStateCodeOf(billing?.province)
  const buyer: DocumentParty = {
    name,
    address_lines: addressLines(billing),
    gstin: buyerGstin(order),
    state_code: buyerState,
    state_name: buyerState ? GST_STATE_CODES[buyerState] : null,
    phone: order.customer?.phone ?? billing?.phone ?? order.shipping_address?.phone ?? null,
    email: order.email ?? order.customer?.email ?? null,
  }
  const place = placeOfSupply({ delivery, shipping_province: order.shipping_address?.province, branch_state_code: branch.state_code })

  const tenders: Tender[] = (order.payment_collections ?? [])
    .flatMap((c) => c.payments ?? [])
    .map((p) => ({
      label: tenderLabel(p.provider_id, p.data, p.metadata),
      amount: amountToPaise(p.amount),
      reference: p.id,
      status: p.captured_at ? "captured" : "authorized",
    }))

  return {
    branch,
    customer_id: order.customer_id,
    input: {
      order: { id: order.id, display_id: order.display_id, placed_at: new Date(order.created_at).toISOString() },
      seller,
      buyer,
      place_of_supply: place,
      pieces: orderPieces,
      // Delivery was charged on the order's own invoice; the pieces of an exchange go the same way (place of supply) at no charge.
      charges: (exchange ? [] : order.shipping_methods ?? []).map((m) => ({
        description: m.name,
        amount_paise: amountToPaise(m.amount),
        discount_paise: preTaxPaise(m.adjustments, taxRate(m.tax_lines)),
      })),
      discounts: discountSummary(exchange ? { ...order, shipping_methods: [] } : order),
      tenders,
      exchange: exchange ? { id: exchange.id, display_id: exchange.display_id } : null,
    },
  }
}
