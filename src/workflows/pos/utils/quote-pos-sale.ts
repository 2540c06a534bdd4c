import type { BigNumberInput, CreateOrderLineItemDTO, MedusaContainer, TaxableItemDTO, TaxableShippingDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, decorateCartTotals, MedusaError, Modules, promiseAll, QueryContext } from "@medusajs/framework/utils"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { redeemablePoints, redemptionProblem } from "../../../lib/loyalty"
import { istDayStart } from "../../../lib/messaging"
import { amountToPaise, mulDivHalfUp, paiseToAmount } from "../../../lib/money"
import type { Settlement, TenderInput } from "../../../lib/pos"
import { billRateChanges, discountFingerprint, discountRequest, type BillRate, type DiscountRequest, type PriceLimits, type RateChange } from "../../../lib/price-controls"
import { priceStoredPiece, type StoredPiece } from "../../../lib/pricing"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { APPROVAL_MEMO_MODULE } from "../../../modules/approval-memo"
import type ApprovalMemoModuleService from "../../../modules/approval-memo/service"
import { POS_MODULE } from "../../../modules/pos"
import type PosModuleService from "../../../modules/pos/service"
import { makingWaiverBps } from "../../savings-schemes/utils/making-waiver"

export type PosSaleInput = {
  idempotency_key: string
  branch_id: string
  customer_id: string
  /** Pieces by tag; a making-charge discount on a piece is paise off its making charge (all its quantity), before GST. */
  items: { tag_code: string; quantity: number; making_discount_paise?: number }[]
  /** Paise off the bill as a whole, before GST. */
  bill_discount_paise?: number
  /** Savings-scheme cards the bill is paid with (their tenders' references): a matured card's making-charge waiver comes off the bill. */
  scheme_cards?: string[]
  /** Metal rates (paise a gram) the bill's rate-priced pieces of that metal and purity are priced at instead of their own. */
  rates?: BillRate[]
  /** The seller's discount limits (from their role; src/lib/price-controls.ts). */
  seller_limits?: PriceLimits
  /** A manager's approval of discounts beyond the seller's limits, for this very bill. */
  approval_id?: string | null
  /** The estimate this sale is made from: its prices hold while the rates it was priced at do. */
  estimate_id?: string | null
  /** The approval memo the customer is buying pieces of: those pieces come back into the branch's stock and are sold. */
  memo_id?: string | null
  /** Loyalty points paying part of the bill. */
  points: number
  tenders: TenderInput[]
  note?: string | null
  user_id?: string | null
  /** How the payment link (if a tender is one) reaches the customer; by default WhatsApp where they agreed to it, else SMS. */
  link_channel?: "sms" | "whatsapp"
  /** The PAN given at the counter (already encrypted and masked by the caller), or a Form 60 taken. */
  identity?: { pan_encrypted: string; pan_masked: string } | { form_60: true } | null
}

/** What a sale records of the customer's identity (PAN or Form 60 from ₹2 lakh, src/lib/pan.ts). */
export type SaleIdentity = { identity: "not_needed" | "pan" | "form_60"; pan_masked: string | null; pan_encrypted: string | null }

/** A piece's price parts as the pricing stored them (src/lib/pricing), paise for one piece. */
export type PieceBreakdown = { rate_per_g: number; metal_value: number; wastage_value: number; making_charge: number; stone_value: number; other_charges: number }

const pickBreakdown = (b: PieceBreakdown): PieceBreakdown => ({
  rate_per_g: b.rate_per_g,
  metal_value: b.metal_value,
  wastage_value: b.wastage_value,
  making_charge: b.making_charge,
  stone_value: b.stone_value,
  other_charges: b.other_charges,
})

type OrderTaxLine = { description: string; tax_rate_id?: string; code: string; rate: number; provider_id: string }

export type PosLine = {
  tag_code: string
  variant_id: string
  title: string
  quantity: number
  unit_price: number
  is_tax_inclusive: boolean
  /** The piece's making charge as last priced (all its quantity), and what this bill takes off the line before GST. */
  making_charge_paise: number | null
  making_discount_paise: number
  /** What a savings scheme's making-charge waiver takes off the line. */
  waiver_paise: number
  discount_paise: number
  /** What the piece is and its price breakdown as last priced (for estimates). */
  metal: string | null
  purity: number | null
  net_weight_mg: number | null
  breakdown: PieceBreakdown | null
  inventory: { inventory_item_id: string; required_quantity: number }[]
  /** The order's line item for the piece as Medusa's createOrderWorkflow makes one (its product and variant fields, the price, the GST lines). */
  line_item: CreateOrderLineItemDTO
}

export type PosSalePlan = {
  branch: { id: string; code: string; name: string; sales_channel_id: string; location_id: string }
  customer: { id: string; email: string | null; first_name: string | null; last_name: string | null; phone: string | null; pan: { pan_encrypted: string; pan_masked: string } | null }
  region_id: string
  address: Record<string, string | null>
  /** The branch's counter pickup option, free, with its GST lines as Medusa writes them on the order's shipping method. */
  shipping_option: { id: string; name: string; provider_id: string; tax_lines: OrderTaxLine[] }
  lines: PosLine[]
  total_paise: number
  /** What the bill's discounts come to (src/lib/price-controls.ts). */
  discount: DiscountRequest
  /** What a savings scheme's making-charge waiver takes off the bill (not a discount a seller gives), and its share. */
  scheme_waiver: { bps: number; paise: number }
  points: number
  points_paise: number
  settlement: Settlement
  identity: SaleIdentity
  /** The manager's approval the sale uses (its discounts' fingerprint), if any. */
  approval: { id: string; fingerprint: string } | null
}

type BranchRow = {
  id: string
  code: string
  name: string
  sales_channel?: { id: string } | null
  stock_location?: {
    id: string
    name: string
    address?: Record<string, string | null> | null
    fulfillment_sets?: { service_zones?: { shipping_options?: { id: string; name: string; provider_id: string; type?: { code: string } | null }[] }[] }[]
  } | null
}
type PieceRow = Partial<Omit<StoredPiece, "net_weight_mg">> & {
  tag_code: string
  metal?: string | null
  purity?: number | string | null
  net_weight_mg?: number | string | null
  pricing_mode?: "rate_based" | "fixed" | null
  breakdown?: (PieceBreakdown & { making_charge?: number }) | null
  product_variant?: {
    id: string
    title: string
    sku: string | null
    barcode: string | null
    product_id: string
    manage_inventory: boolean
    thumbnail: string | null
    product?: {
      title: string
      subtitle: string | null
      description: string | null
      handle: string
      thumbnail: string | null
      discountable: boolean
      is_giftcard: boolean
      type_id: string | null
      type?: { value: string } | null
      collection?: { title: string } | null
    } | null
    inventory_items?: { inventory_item_id: string; required_quantity: number; inventory?: { location_levels?: { location_id: string; available_quantity: number | string }[] } }[]
  } | null
}
type VariantPriceRow = { id: string; calculated_price?: { calculated_amount: number | null; is_calculated_price_tax_inclusive?: boolean } | null }

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

async function loadBranch(container: MedusaContainer, branchId: string) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "branch",
    fields: [
      "id",
      "code",
      "name",
      "is_active",
      "sales_channel.id",
      "stock_location.id",
      "stock_location.name",
      "stock_location.address.*",
      "stock_location.fulfillment_sets.service_zones.shipping_options.id",
      "stock_location.fulfillment_sets.service_zones.shipping_options.name",
      "stock_location.fulfillment_sets.service_zones.shipping_options.provider_id",
      "stock_location.fulfillment_sets.service_zones.shipping_options.type.code",
    ],
    filters: { id: branchId },
  })
  const branch = data[0] as unknown as (BranchRow & { is_active: boolean }) | undefined
  if (!branch || !branch.is_active) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No active branch with id "${branchId}"`)
  }
  if (!branch.sales_channel || !branch.stock_location) {
    throw invalid(`Branch ${branch.code} has no sales channel or stock location linked; set the branch up first`)
  }
  const pickup = branch.stock_location.fulfillment_sets
    ?.flatMap((s) => s.service_zones ?? [])
    .flatMap((z) => z.shipping_options ?? [])
    .find((o) => o.type?.code === "pickup")
  if (!pickup) {
    throw invalid(`Branch ${branch.code} has no counter pickup shipping option (type code "pickup"); counter sales are handed over through it`)
  }
  return { branch, location: branch.stock_location, pickup }
}

async function fetchPieces(container: MedusaContainer, items: PosSaleInput["items"]): Promise<PieceRow[]> {
  const codes = [...new Set(items.map((i) => i.tag_code.trim()))]
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "jewelry_attributes",
    fields: [
      "tag_code",
      "metal",
      "purity",
      "net_weight_mg",
      "breakdown",
      "pricing_mode",
      "wastage_bp",
      "making_type",
      "making_value",
      "stones",
      "other_charges_paise",
      "hsn",
      "product_variant.id",
      "product_variant.title",
      "product_variant.sku",
      "product_variant.barcode",
      "product_variant.product_id",
      "product_variant.manage_inventory",
      "product_variant.thumbnail",
      "product_variant.product.title",
      "product_variant.product.subtitle",
      "product_variant.product.description",
      "product_variant.product.handle",
      "product_variant.product.thumbnail",
      "product_variant.product.discountable",
      "product_variant.product.is_giftcard",
      "product_variant.product.type_id",
      "product_variant.product.type.value",
      "product_variant.product.collection.title",
      "product_variant.inventory_items.inventory_item_id",
      "product_variant.inventory_items.required_quantity",
      "product_variant.inventory_items.inventory.location_levels.*",
    ],
    filters: { tag_code: [...codes, ...codes.map((c) => c.toUpperCase())] },
  })
  return data as unknown as PieceRow[]
}

const numberOrNull = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v))

/** The piece priced again at a bill's own rate: its taxable value (the line's unit price) and breakdown. */
function repriceAt(piece: PieceRow, ratePaise: number) {
  const again = priceStoredPiece(
    {
      net_weight_mg: Number(piece.net_weight_mg ?? 0),
      wastage_bp: Number(piece.wastage_bp ?? 0),
      making_type: piece.making_type ?? "flat",
      making_value: Number(piece.making_value ?? 0),
      stones: piece.stones ?? null,
      other_charges_paise: Number(piece.other_charges_paise ?? 0),
      hsn: piece.hsn ?? "7113",
    },
    ratePaise,
    // The taxable value does not depend on the place of supply; GST is the tax module's.
    "00",
    "00"
  )
  return { unit_price_paise: again.taxable_value, breakdown: pickBreakdown(again) }
}

/**
 * The pieces asked for, by tag (any case), each in stock at the branch's location in the quantity wanted, and
 * the rate-priced ones priced again where the bill carries its own rate for their metal and purity.
 */
function checkPieces(pieces: PieceRow[], items: PosSaleInput["items"], locationId: string, branchName: string, rates: BillRate[], held: Map<string, number>) {
  const codes = [...new Set(items.map((i) => i.tag_code.trim()))]
  const find = (code: string) => pieces.find((p) => p.tag_code === code) ?? pieces.find((p) => p.tag_code === code.toUpperCase())
  const unknown = codes.filter((c) => !find(c)?.product_variant)
  if (unknown.length) {
    throw invalid(`Unknown tag code${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`)
  }
  const rated = billRateChanges(
    rates,
    pieces.filter((p) => codes.some((c) => find(c) === p) && isRatePriced(p)).map((p) => ({ tag_code: p.tag_code, metal: p.metal ?? null, purity: numberOrNull(p.purity), rate_per_g_paise: p.breakdown!.rate_per_g }))
  )
  if (rated.problem) {
    throw invalid(rated.problem)
  }
  const rateChanges: RateChange[] = rated.changes!
  const wanted = new Map<string, number>()
  const discounts = new Map<string, number>()
  for (const item of items) {
    const code = find(item.tag_code.trim())!.tag_code
    wanted.set(code, (wanted.get(code) ?? 0) + item.quantity)
    discounts.set(code, (discounts.get(code) ?? 0) + (item.making_discount_paise ?? 0))
  }
  const short: string[] = []
  const lines = [...wanted].map(([code, quantity]) => {
    const piece = find(code)!
    const variant = piece.product_variant!
    const inventory = (variant.inventory_items ?? []).map((i) => ({ inventory_item_id: i.inventory_item_id, required_quantity: Number(i.required_quantity ?? 1) }))
    if (variant.manage_inventory) {
      for (const item of variant.inventory_items ?? []) {
        // A piece the customer has on approval from this branch counts as here: the sale brings it back first.
        const available = Number(item.inventory?.location_levels?.find((l) => l.location_id === locationId)?.available_quantity ?? 0) + (held.get(item.inventory_item_id) ?? 0)
        if (available < quantity * Number(item.required_quantity ?? 1)) {
          short.push(`${code} (${available} available, ${quantity} wanted)`)
        }
      }
      if (!inventory.length) {
        short.push(`${code} (not stocked anywhere)`)
      }
    }
    const purity = numberOrNull(piece.purity)
    const change = rateChanges.find((c) => c.metal === piece.metal && c.purity === purity)
    const repriced = change && isRatePriced(piece) ? repriceAt(piece, change.to_paise) : null
    const making = repriced ? repriced.breakdown.making_charge : piece.breakdown?.making_charge
    return {
      code,
      variant,
      quantity,
      inventory,
      making_charge_paise: typeof making === "number" ? making : null,
      making_discount_paise: discounts.get(code) ?? 0,
      /** The unit price at the bill's own rate; null: the catalogue's price. */
      unit_price_paise: repriced?.unit_price_paise ?? null,
      facts: {
        metal: piece.metal ?? null,
        purity,
        net_weight_mg: numberOrNull(piece.net_weight_mg),
        breakdown: repriced?.breakdown ?? (piece.breakdown && typeof piece.breakdown.metal_value === "number" ? pickBreakdown(piece.breakdown) : null),
      },
    }
  })
  if (short.length) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Out of stock at ${branchName}: ${short.join("; ")}`, DOMAIN_CONFLICT)
  }
  return { lines, rate_changes: rateChanges }
}

const isRatePriced = (piece: PieceRow) => piece.pricing_mode !== "fixed" && typeof piece.breakdown?.rate_per_g === "number" && !!piece.making_type

const SHIPPING_LINE = "counter-pickup"

/** A tax line from the Tax Module as Medusa's updateOrderTaxLines writes it on an order. */
const orderTaxLine = (t: { name: string; rate_id?: string; code: string | null; rate: number; provider_id: string }): OrderTaxLine => ({
  description: t.name,
  ...(t.rate_id ? { tax_rate_id: t.rate_id } : {}),
  code: t.code ?? "",
  rate: t.rate,
  provider_id: t.provider_id,
})

/** The bill as Medusa's order will make it: the variants' prices for the region, the tax module's GST, Medusa's own totals. */
async function priceLines(
  container: MedusaContainer,
  lines: ReturnType<typeof checkPieces>["lines"],
  regionId: string,
  address: Record<string, string | null>,
  customer: PosSalePlan["customer"],
  pickupId: string,
  billDiscountPaise: number,
  waiverBps: number
): Promise<{ lines: PosLine[]; total_paise: number; shipping_tax_lines: OrderTaxLine[] }> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant",
    fields: ["id", "calculated_price.*"],
    filters: { id: lines.map((l) => l.variant.id) },
    context: { calculated_price: QueryContext({ region_id: regionId, currency_code: "inr" }) },
  })
  const prices = data as unknown as VariantPriceRow[]
  const priced = lines.map((l) => {
    const price = prices.find((p) => p.id === l.variant.id)?.calculated_price
    if (price?.calculated_amount === null || price?.calculated_amount === undefined) {
      throw invalid(`${l.code} has no price in rupees; price the piece first`)
    }
    const unitPrice = l.unit_price_paise === null ? Number(price.calculated_amount) : paiseToAmount(l.unit_price_paise)
    // A scheme's waiver is a share of the making charge the seller's discount left, rounded half up to the paisa.
    const waiver = waiverBps && l.making_charge_paise ? mulDivHalfUp(l.making_charge_paise * l.quantity - l.making_discount_paise, waiverBps, 10_000) : 0
    return { piece: l, unit_price: unitPrice, is_tax_inclusive: !!price.is_calculated_price_tax_inclusive, waiver_paise: waiver }
  })
  const valueLeft = (p: (typeof priced)[number]) => amountToPaise(p.unit_price) * p.piece.quantity - p.piece.making_discount_paise - p.waiver_paise
  // Discounts come off the line before GST: a piece's making discount off its own line, a bill discount off the
  // line with the most value left (so no line goes below nothing).
  const billLine = billDiscountPaise
    ? priced.reduce((best, p) => (valueLeft(p) > valueLeft(best) ? p : best))
    : null
  if (billLine && valueLeft(billLine) < billDiscountPaise) {
    throw invalid(`bill_discount: ${paiseToAmount(billDiscountPaise)} is more than the bill's largest line can take`)
  }
  const adjustmentsOf = (p: (typeof priced)[number]) =>
    [
      p.piece.making_discount_paise ? { code: "MAKING-DISCOUNT", description: "Discount on making charges", paise: p.piece.making_discount_paise } : null,
      p.waiver_paise ? { code: "SCHEME-WAIVER", description: "Making charges waived (savings scheme)", paise: p.waiver_paise } : null,
      p === billLine ? { code: "BILL-DISCOUNT", description: "Discount on the bill", paise: billDiscountPaise } : null,
    ].filter((a): a is { code: string; description: string; paise: number } => !!a)
  const taxable: (TaxableItemDTO | TaxableShippingDTO)[] = [
    ...priced.map(({ piece, unit_price }) => ({
      id: piece.variant.id,
      product_id: piece.variant.product_id,
      product_type_id: piece.variant.product?.type_id ?? undefined,
      quantity: piece.quantity,
      unit_price,
      currency_code: "inr",
    })),
    { id: SHIPPING_LINE, shipping_option_id: pickupId, unit_price: 0, currency_code: "inr" },
  ]
  const taxLines = await container.resolve(Modules.TAX).getTaxLines(
    taxable,
    {
      address: { country_code: address.country_code ?? "in", province_code: address.province ?? undefined, address_1: address.address_1 ?? undefined, city: address.city ?? undefined, postal_code: address.postal_code ?? undefined },
      customer: { id: customer.id, email: customer.email ?? "", customer_groups: [] },
    }
  )
  const posLines: PosLine[] = priced.map((p) => {
    const { piece, unit_price, is_tax_inclusive } = p
    const { variant } = piece
    const adjustments = adjustmentsOf(p)
    const product = variant.product
    const gst = taxLines.filter((t) => "line_item_id" in t && t.line_item_id === variant.id)
    return {
      tag_code: piece.code,
      variant_id: variant.id,
      title: product?.title ?? variant.title,
      quantity: piece.quantity,
      unit_price,
      is_tax_inclusive,
      making_charge_paise: piece.making_charge_paise === null ? null : piece.making_charge_paise * piece.quantity,
      making_discount_paise: piece.making_discount_paise,
      waiver_paise: p.waiver_paise,
      discount_paise: adjustments.reduce((s, a) => s + a.paise, 0),
      ...piece.facts,
      inventory: piece.inventory,
      // The fields Medusa's createOrderWorkflow copies from the variant and product; tax lines as its updateOrderTaxLines writes them.
      line_item: {
        quantity: piece.quantity,
        title: product?.title ?? variant.title,
        subtitle: variant.title,
        thumbnail: variant.thumbnail ?? product?.thumbnail ?? null,
        product_id: variant.product_id,
        product_title: product?.title ?? null,
        product_description: product?.description ?? null,
        product_subtitle: product?.subtitle ?? null,
        product_type: product?.type?.value ?? null,
        product_type_id: product?.type_id ?? null,
        product_collection: product?.collection?.title ?? null,
        product_handle: product?.handle ?? null,
        variant_id: variant.id,
        variant_sku: variant.sku ?? null,
        variant_barcode: variant.barcode ?? null,
        variant_title: variant.title,
        is_discountable: product?.discountable ?? true,
        is_giftcard: product?.is_giftcard ?? false,
        // Handed over at the counter through the branch's pickup shipping option.
        requires_shipping: true,
        unit_price,
        is_tax_inclusive,
        // The line's making charge as priced, for the sales reports (docs/reports.md).
        metadata: piece.making_charge_paise === null ? {} : { making_charge_paise: piece.making_charge_paise * piece.quantity },
        tax_lines: gst.map(orderTaxLine),
        ...(adjustments.length
          ? { adjustments: adjustments.map((a) => ({ code: a.code, description: a.description, amount: paiseToAmount(a.paise), is_tax_inclusive: false })) }
          : {}),
      } as CreateOrderLineItemDTO,
    }
  })
  const totals = decorateCartTotals({
    currency_code: "inr",
    items: posLines.map((l) => ({
      id: l.variant_id,
      unit_price: l.unit_price,
      quantity: l.quantity,
      is_tax_inclusive: l.is_tax_inclusive,
      tax_lines: (l.line_item.tax_lines ?? []).map((t) => ({ rate: t.rate, code: t.code ?? "", provider_id: t.provider_id })),
      adjustments: l.discount_paise ? [{ amount: paiseToAmount(l.discount_paise), is_tax_inclusive: false }] : [],
    })),
  } as Parameters<typeof decorateCartTotals>[0])
  const shippingTaxLines = taxLines.filter((t) => "shipping_line_id" in t && t.shipping_line_id === SHIPPING_LINE).map(orderTaxLine)
  return { lines: posLines, total_paise: amountToPaise(totals.total as BigNumberInput), shipping_tax_lines: shippingTaxLines }
}

async function loadCustomer(container: MedusaContainer, customerId: string): Promise<PosSalePlan["customer"]> {
  const { data: customers } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "phone", "customer_profile.phone", "customer_profile.pan_encrypted", "customer_profile.pan_masked"],
    filters: { id: customerId },
  })
  const c = customers[0] as unknown as
    | { id: string; email: string | null; first_name: string | null; last_name: string | null; phone: string | null; customer_profile?: { phone: string | null; pan_encrypted?: string | null; pan_masked?: string | null } | null }
    | undefined
  if (!c) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${customerId}" was not found`)
  }
  const profile = c.customer_profile
  return {
    id: c.id,
    email: c.email,
    first_name: c.first_name,
    last_name: c.last_name,
    phone: profile?.phone ?? c.phone,
    pan: profile?.pan_encrypted ? { pan_encrypted: profile.pan_encrypted, pan_masked: profile.pan_masked ?? "" } : null,
  }
}

async function loadRegion(container: MedusaContainer) {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["default_region_id"], take: 1 })
  const [region] = store?.default_region_id
    ? await container.resolve(Modules.REGION).listRegions({ id: store.default_region_id })
    : await container.resolve(Modules.REGION).listRegions({ currency_code: "inr" }, { take: 1 })
  if (!region || region.currency_code !== "inr") {
    throw invalid("The shop has no region in rupees to sell in")
  }
  return region
}

export type PosQuoteInput = Pick<PosSaleInput, "branch_id" | "customer_id" | "items" | "points" | "bill_discount_paise" | "rates" | "scheme_cards" | "memo_id">

export type PosQuote = Omit<PosSalePlan, "settlement" | "identity" | "approval"> & {
  /** The most points the program lets pay this bill, and the customer's balance. */
  points_limit: number
  points_balance: number
  /** Cash this customer paid at the counter earlier today (India time), for the s.269ST limit. */
  cash_today_paise: number
}

/**
 * What a counter sale would be, checked and priced without writing anything:
 * the branch (its sales channel, stock location and counter pickup option),
 * the customer, every piece by its tag and in stock at the branch, the bill
 * as Medusa's order will total it, and the points against the program and
 * the balance. The sale's first step, and the counter's quote.
 */
/**
 * What the customer holds on the approval memo the bill names, by inventory item: the pieces still out on it when
 * it is theirs at this branch (a memo of anyone else's holds nothing here; the sale refuses it by name).
 */
async function heldOnMemo(container: MedusaContainer, input: PosQuoteInput): Promise<Map<string, number>> {
  if (!input.memo_id) {
    return new Map()
  }
  const memos = container.resolve<ApprovalMemoModuleService>(APPROVAL_MEMO_MODULE)
  const memo = await memos.memoById(input.memo_id).catch(() => null)
  const theirs = memo && memo.customer_id === input.customer_id && memo.branch_id === input.branch_id
  const held = new Map<string, number>()
  for (const line of theirs ? await memos.linesOf([memo.id]) : []) {
    if (line.state === "out") {
      held.set(line.inventory_item_id, (held.get(line.inventory_item_id) ?? 0) + line.quantity)
    }
  }
  return held
}

export async function quotePosSale(container: MedusaContainer, input: PosQuoteInput): Promise<PosQuote> {
  const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  // The reads that do not depend on each other go out together; Medusa's promiseAll still reports the first problem in this order.
  const [{ branch, location, pickup }, customer, region, program, account, cashToday, found, waiverBps, held] = await promiseAll([
    loadBranch(container, input.branch_id),
    loadCustomer(container, input.customer_id),
    loadRegion(container),
    loyalty.currentProgram(),
    loyalty.listLoyaltyAccounts({ customer_id: input.customer_id }, { take: 1 }).then((accounts) => accounts[0]),
    container.resolve<PosModuleService>(POS_MODULE).cashReceivedSince(input.customer_id, istDayStart(new Date())),
    fetchPieces(container, input.items),
    makingWaiverBps(container, input.customer_id, input.scheme_cards ?? []),
    heldOnMemo(container, input),
  ] as const)
  const address = {
    first_name: customer.first_name,
    last_name: customer.last_name,
    phone: customer.phone,
    address_1: location.address?.address_1 ?? null,
    address_2: location.address?.address_2 ?? null,
    city: location.address?.city ?? null,
    province: location.address?.province ?? null,
    postal_code: location.address?.postal_code ?? null,
    country_code: (location.address?.country_code ?? "in").toLowerCase(),
  }
  const { lines: pieces, rate_changes } = checkPieces(found, input.items, location.id, branch.name, input.rates ?? [], held)
  const asked = discountRequest(
    pieces.map((p) => ({ tag_code: p.code, quantity: p.quantity, making_charge_paise: p.making_charge_paise, making_discount_paise: p.making_discount_paise })),
    input.bill_discount_paise ?? 0,
    rate_changes
  )
  if (asked.problem) {
    throw invalid(asked.problem)
  }
  const { lines, total_paise, shipping_tax_lines } = await priceLines(container, pieces, region.id, address, customer, pickup.id, input.bill_discount_paise ?? 0, waiverBps)

  const balance = account?.balance ?? 0
  if (input.points > 0) {
    const problem = redemptionProblem(input.points, balance, program, total_paise)
    if (problem) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem.charAt(0).toUpperCase() + problem.slice(1))
    }
  }
  return {
    branch: { id: branch.id, code: branch.code, name: branch.name, sales_channel_id: branch.sales_channel!.id, location_id: location.id },
    customer,
    region_id: region.id,
    address,
    shipping_option: { id: pickup.id, name: pickup.name, provider_id: pickup.provider_id, tax_lines: shipping_tax_lines },
    lines,
    total_paise,
    discount: asked.request!,
    scheme_waiver: { bps: waiverBps, paise: lines.reduce((sum, l) => sum + l.waiver_paise, 0) },
    points: input.points,
    points_paise: input.points * program.point_value_paise,
    points_limit: redeemablePoints(balance, total_paise, program),
    points_balance: balance,
    cash_today_paise: cashToday,
  }
}

/** The discounts and rates a sale asks for as one fingerprint (null when it asks none): what an approval is given for. */
export function saleDiscounts(input: Pick<PosSaleInput, "branch_id" | "customer_id" | "items" | "bill_discount_paise" | "rates">): string | null {
  const asked = input.items.some((i) => (i.making_discount_paise ?? 0) > 0) || (input.bill_discount_paise ?? 0) > 0 || !!input.rates?.length
  return asked
    ? discountFingerprint({
        branch_id: input.branch_id,
        customer_id: input.customer_id,
        items: input.items.map((i) => ({ tag_code: i.tag_code, quantity: i.quantity, making_discount_paise: i.making_discount_paise ?? 0 })),
        bill_discount_paise: input.bill_discount_paise ?? 0,
        rates: input.rates ?? [],
      })
    : null
}
