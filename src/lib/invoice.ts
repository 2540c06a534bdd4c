/**
 * What a GST tax invoice and a credit note say, as pure functions of the
 * order's pieces (docs/api.md, "Tax invoices and credit notes"). Every amount
 * on a piece's line comes from the pricing function (src/lib/pricing), fed the
 * piece as stored and the rate it was priced at, one line per piece; GST is
 * split by the place of supply; the total is rounded to the rupee with a
 * round-off line and written in words. Amounts are integer paise, weights
 * milligrams.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { amountInWords } from "./amount-in-words"
import type { PlaceOfSupply } from "./place-of-supply"
import { gstAtRate, gstOn, KARATS, priceStoredPiece, roundToRupee, type StoredPiece } from "./pricing"
import type { TaxDocumentType } from "./tax-documents"

export type DocumentParty = {
  name: string
  address_lines: string[]
  gstin: string | null
  state_code: string | null
  state_name: string | null
  phone: string | null
  email: string | null
}

export type SellerParty = DocumentParty & { shop_name: string; branch_code: string; branch_name: string; city: string }

export type BranchParticulars = {
  code: string
  name: string
  address_1: string
  address_2: string | null
  city: string
  postal_code: string
  gstin: string | null
  state_code: string
  state_name: string
  phone: string | null
  email: string | null
}

/** The shop at a branch as its documents print it. */
export function sellerOf(branch: BranchParticulars, shopName: string): SellerParty {
  return {
    shop_name: shopName,
    branch_code: branch.code,
    branch_name: branch.name,
    city: branch.city,
    name: `${shopName} – ${branch.name}`,
    address_lines: [branch.address_1, branch.address_2, `${branch.city} ${branch.postal_code}`].filter((l): l is string => !!l),
    gstin: branch.gstin,
    state_code: branch.state_code,
    state_name: branch.state_name,
    phone: branch.phone,
    email: branch.email,
  }
}

/** What makes a variant a piece, as the jewelry module stores it. */
export type PieceFacts = StoredPiece & {
  metal: string
  purity: number
  gross_weight_mg: number
  stone_weight_mg: number
  huid: string | null
  tag_code: string | null
}

/** One line of the order. */
export type OrderPiece = {
  item_id: string
  description: string
  sku: string | null
  quantity: number
  /** Medusa's unit price: the taxable value of one piece before discounts. */
  unit_price_paise: number
  /** Discount on the whole line before tax (offers, points), in paise. */
  discount_paise: number
  /** The piece's attributes; null for goods that are not pieces of jewellery. */
  piece: PieceFacts | null
  /**
   * Rates per gram (paise) the piece may have been priced at, most likely
   * first: the stored breakdown's, then the rate in force when it was put in
   * the cart. The first that gives the unit price is the one printed.
   */
  rate_candidates: number[]
}

/** What every line adds to the totals. */
export type LineAmounts = {
  /** The price before discounts (for a piece: metal + wastage + making + stones + other). */
  value: number
  discount: number
  taxable_value: number
  gst_rate: number
  cgst: number
  sgst: number
  igst: number
  total: number
}

export type InvoiceLine = {
  item_id: string
  /** Which piece of its order line (1 … quantity). */
  unit: number
  description: string
  sku: string | null
  hsn: string
  huid: string | null
  tag_code: string | null
  metal: string | null
  purity: number | null
  karat: string | null
  gross_weight_mg: number | null
  net_weight_mg: number | null
  stone_weight_mg: number | null
  rate_per_g: number | null
  metal_value: number
  wastage_value: number
  making_charge: number
  stone_value: number
  other_charges: number
  /**
   * breakdown: every component from the pricing function; as_charged: the
   * price the order charged, for fixed-price pieces, goods that are not
   * pieces, or a price no known rate explains.
   */
  basis: "breakdown" | "as_charged"
} & LineAmounts

/** A charge billed with the goods (delivery), taxed at the rate of the jewellery it goes with. */
export type ChargeLine = { description: string; sac: string } & LineAmounts

export type Tender = { label: string; amount: number; reference: string | null; status: string }

export type DocumentTotals = {
  value: number
  discount: number
  taxable_value: number
  cgst: number
  sgst: number
  igst: number
  gst_total: number
  total: number
  round_off: number
  grand_total: number
}

export type TaxDocumentBody = {
  type: TaxDocumentType
  /** Given when the document is issued (gap-free series). */
  number: string | null
  issued_at: string | null
  order: { id: string; display_id: number | null; placed_at: string }
  seller: SellerParty
  buyer: DocumentParty
  place_of_supply: PlaceOfSupply
  lines: InvoiceLine[]
  charges: ChargeLine[]
  /** The promotions behind the discounts, as the customer saw them (tax included). */
  discounts: { code: string; label: string; amount: number }[]
  totals: DocumentTotals
  amount_in_words: string
  tenders: Tender[]
  tendered: number
  terms: string[]
  /** For a credit note: the invoice it corrects. */
  against: { number: string; issued_at: string } | null
  /** For the invoice of pieces taken in an exchange: the exchange (absent on documents issued before exchanges were invoiced). */
  exchange?: { id: string; display_id: number | null } | null
  /** For the invoice of a workshop job's work: the job card (its `order` is then the job). */
  job?: { id: string; number: string } | null
  return_id: string | null
  reason: string | null
}

/** Delivery and courier services (SAC 9968). */
export const DELIVERY_SAC = "9968"
/** Delivery charges follow the rate of the jewellery (a composite supply). */
const CHARGE_HSN = "7113"

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

/** `total` split into `parts` whole shares as even as can be, the larger shares first. */
export function splitEvenly(total: number, parts: number): number[] {
  if (!Number.isSafeInteger(total) || total < 0 || !Number.isSafeInteger(parts) || parts < 1) {
    invalid(`Cannot split ${total} into ${parts} parts`)
  }
  const share = Math.floor(total / parts)
  const extra = total % parts
  return Array.from({ length: parts }, (_, i) => share + (i < extra ? 1 : 0))
}

type Supply = { branch_state_code: string; supply_state_code: string }

function pieceLine(item: OrderPiece, unit: number, discount: number, supply: Supply): InvoiceLine {
  const piece = item.piece
  const facts = {
    item_id: item.item_id,
    unit,
    description: item.description,
    sku: item.sku,
    huid: piece?.huid ?? null,
    tag_code: piece?.tag_code ?? null,
    metal: piece?.metal ?? null,
    purity: piece?.purity ?? null,
    karat: piece?.metal === "gold" ? KARATS[piece.purity] ?? null : null,
    gross_weight_mg: piece?.gross_weight_mg ?? null,
    net_weight_mg: piece?.net_weight_mg ?? null,
    stone_weight_mg: piece?.stone_weight_mg ?? null,
  }
  if (discount > item.unit_price_paise) {
    invalid(`The discount on ${item.description} (${discount} paise) is more than its price (${item.unit_price_paise} paise)`)
  }
  const rate = piece
    ? item.rate_candidates.find((r) => priceStoredPiece(piece, r, supply.branch_state_code, supply.supply_state_code).taxable_value === item.unit_price_paise)
    : undefined
  if (piece && rate !== undefined) {
    const b = priceStoredPiece(piece, rate, supply.branch_state_code, supply.supply_state_code, discount)
    return {
      ...facts,
      hsn: b.hsn,
      rate_per_g: b.rate_per_g,
      metal_value: b.metal_value,
      wastage_value: b.wastage_value,
      making_charge: b.making_charge,
      stone_value: b.stone_value,
      other_charges: b.other_charges,
      value: b.taxable_value + b.discount,
      discount: b.discount,
      taxable_value: b.taxable_value,
      gst_rate: b.gst_rate,
      cgst: b.cgst,
      sgst: b.sgst,
      igst: b.igst,
      total: b.total,
      basis: "breakdown",
    }
  }
  const taxable = item.unit_price_paise - discount
  const gst = gstOn(taxable, piece?.hsn ?? CHARGE_HSN, supply.branch_state_code, supply.supply_state_code)
  return {
    ...facts,
    hsn: gst.hsn,
    rate_per_g: null,
    metal_value: 0,
    wastage_value: 0,
    making_charge: 0,
    stone_value: 0,
    other_charges: 0,
    value: item.unit_price_paise,
    discount,
    taxable_value: taxable,
    gst_rate: gst.gst_rate,
    cgst: gst.cgst,
    sgst: gst.sgst,
    igst: gst.igst,
    total: taxable + gst.gst_total,
    basis: "as_charged",
  }
}

/** One line per piece: an order line of 3 coins is three lines, its discount shared between them. */
export function invoiceLines(items: OrderPiece[], supply: Supply): InvoiceLine[] {
  return items.flatMap((item) => {
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
      invalid(`${item.description}: a quantity of ${item.quantity} cannot be invoiced`)
    }
    return splitEvenly(item.discount_paise, item.quantity).map((discount, i) => pieceLine(item, i + 1, discount, supply))
  })
}

export function chargeLine(
  { description, amount_paise, discount_paise }: { description: string; amount_paise: number; discount_paise: number },
  supply: Supply
): ChargeLine {
  if (discount_paise > amount_paise) {
    invalid(`The discount on ${description} is more than the charge`)
  }
  const taxable = amount_paise - discount_paise
  const gst = gstOn(taxable, CHARGE_HSN, supply.branch_state_code, supply.supply_state_code)
  return {
    description,
    sac: DELIVERY_SAC,
    value: amount_paise,
    discount: discount_paise,
    taxable_value: taxable,
    gst_rate: gst.gst_rate,
    cgst: gst.cgst,
    sgst: gst.sgst,
    igst: gst.igst,
    total: taxable + gst.gst_total,
  }
}

/** Sums of the lines and charges, and the total rounded to the rupee. */
export function documentTotals(lines: (InvoiceLine | ChargeLine)[]): DocumentTotals {
  const sum = (pick: (l: InvoiceLine | ChargeLine) => number) => lines.reduce((s, l) => s + pick(l), 0)
  const total = sum((l) => l.total)
  const grand = roundToRupee(total)
  return {
    value: sum((l) => l.value),
    discount: sum((l) => l.discount),
    taxable_value: sum((l) => l.taxable_value),
    cgst: sum((l) => l.cgst),
    sgst: sum((l) => l.sgst),
    igst: sum((l) => l.igst),
    gst_total: sum((l) => l.cgst + l.sgst + l.igst),
    total,
    round_off: grand - total,
    grand_total: grand,
  }
}

/** The shop's standard terms, printed under every invoice. */
export function defaultTerms(city: string): string[] {
  return [
    "Prices are at the metal rate of the day of sale; weights are in grams (1 carat = 0.2 g).",
    "Hallmarked pieces carry the HUID printed above; verify it on the BIS CARE app.",
    "Exchange and buy-back as per the shop's policy, on presenting this invoice.",
    `Subject to ${city} jurisdiction. This is a computer-generated invoice.`,
  ]
}

export type InvoiceInput = {
  order: TaxDocumentBody["order"]
  seller: SellerParty
  buyer: DocumentParty
  place_of_supply: PlaceOfSupply
  pieces: OrderPiece[]
  charges: { description: string; amount_paise: number; discount_paise: number }[]
  discounts: TaxDocumentBody["discounts"]
  tenders: Tender[]
  terms?: string[]
  /**
   * Pieces taken in an exchange: what the tenders paid since the exchange do
   * not cover was met by the value of the piece given back (its credit note).
   */
  exchange?: { id: string; display_id: number | null } | null
}

/** The tender line for what a returned piece's value paid of an exchange's invoice. */
export const EXCHANGE_CREDIT_LABEL = "Exchange credit (piece returned)"

/** The body of a tax invoice for an order (its number and date are given when it is issued). */
export function buildInvoice(input: InvoiceInput): TaxDocumentBody {
  if (!input.pieces.length) {
    invalid(`Order ${input.order.display_id ?? input.order.id} has no lines to invoice`)
  }
  const supply = { branch_state_code: input.seller.state_code ?? "", supply_state_code: input.place_of_supply.state_code }
  const lines = invoiceLines(input.pieces, supply)
  const charges = input.charges.filter((c) => c.amount_paise > 0).map((c) => chargeLine(c, supply))
  const totals = documentTotals([...lines, ...charges])
  const paid = input.tenders.reduce((s, t) => s + t.amount, 0)
  const tenders =
    input.exchange && totals.grand_total > paid
      ? [...input.tenders, { label: EXCHANGE_CREDIT_LABEL, amount: totals.grand_total - paid, reference: input.exchange.id, status: "credited" }]
      : input.tenders
  return {
    type: "invoice",
    number: null,
    issued_at: null,
    order: input.order,
    seller: input.seller,
    buyer: input.buyer,
    place_of_supply: input.place_of_supply,
    lines,
    charges,
    discounts: input.discounts,
    totals,
    amount_in_words: amountInWords(totals.grand_total),
    tenders,
    tendered: tenders.reduce((s, t) => s + t.amount, 0),
    terms: input.terms ?? [
      ...(input.exchange ? [`Pieces taken in exchange${input.exchange.display_id ? ` #${input.exchange.display_id}` : ""} for a piece returned; the returned piece is on its credit note.`] : []),
      ...defaultTerms(input.seller.city),
    ],
    against: null,
    exchange: input.exchange ?? null,
    return_id: null,
    reason: null,
  }
}

/**
 * A credit note for pieces returned: the invoice's own lines for those
 * pieces (the amounts they were billed at, never priced again), skipping
 * pieces that earlier credit notes already took back.
 */
export function buildCreditNote({
  invoice,
  returned,
  already_credited,
  return_id,
  reason,
}: {
  invoice: TaxDocumentBody & { number: string; issued_at: string }
  returned: { item_id: string; quantity: number }[]
  /** Pieces per order line that earlier credit notes of the invoice cover. */
  already_credited: Record<string, number>
  return_id: string
  reason: string | null
}): TaxDocumentBody {
  const lines: InvoiceLine[] = []
  for (const { item_id, quantity } of returned) {
    const billed = invoice.lines.filter((l) => l.item_id === item_id)
    if (!billed.length) {
      invalid(`The returned line ${item_id} is not on invoice ${invoice.number}`)
    }
    const from = already_credited[item_id] ?? 0
    const take = billed.slice(from, from + quantity)
    if (take.length < quantity) {
      invalid(
        `Invoice ${invoice.number} billed ${billed.length} of line ${item_id}; ${from} already credited, so ${quantity} more cannot be`
      )
    }
    lines.push(...take)
  }
  if (!lines.length) {
    invalid("A credit note needs at least one returned piece")
  }
  const totals = documentTotals(lines)
  return {
    ...invoice,
    type: "credit_note",
    number: null,
    issued_at: null,
    lines,
    charges: [],
    discounts: [],
    totals,
    amount_in_words: amountInWords(totals.grand_total),
    tenders: [],
    tendered: 0,
    terms: [`Issued against invoice ${invoice.number} for the pieces returned.`],
    against: { number: invoice.number, issued_at: invoice.issued_at },
    exchange: null,
    return_id,
    reason,
  }
}

export type JobInvoiceInput = {
  job: { id: string; number: string; received_at: string; description: string }
  seller: SellerParty
  buyer: DocumentParty
  place_of_supply: PlaceOfSupply
  /** The work's charges before GST, and its SAC and rate (src/lib/workshop.ts, jobGstRate). */
  charges_paise: number
  sac: string
  gst_rate: number
  /** The advances (with their receipt vouchers) and the balance taken at delivery. */
  tenders: Tender[]
}

/**
 * The body of a tax invoice for a workshop job's work: one service line at its SAC and rate, taxed where the work
 * was done (the branch's state), and the advances and balance that paid it.
 */
export function buildJobInvoice(input: JobInvoiceInput): TaxDocumentBody {
  if (!Number.isSafeInteger(input.charges_paise) || input.charges_paise <= 0) {
    invalid(`Job ${input.job.number}: an invoice needs charges above ₹0`)
  }
  const gst = gstAtRate(input.charges_paise, input.sac, input.gst_rate, input.seller.state_code ?? "", input.place_of_supply.state_code)
  const charge: ChargeLine = {
    description: input.job.description,
    sac: input.sac,
    value: input.charges_paise,
    discount: 0,
    taxable_value: input.charges_paise,
    gst_rate: gst.gst_rate,
    cgst: gst.cgst,
    sgst: gst.sgst,
    igst: gst.igst,
    total: input.charges_paise + gst.gst_total,
  }
  const totals = documentTotals([charge])
  return {
    type: "invoice",
    number: null,
    issued_at: null,
    order: { id: input.job.id, display_id: null, placed_at: input.job.received_at },
    seller: input.seller,
    buyer: input.buyer,
    place_of_supply: input.place_of_supply,
    lines: [],
    charges: [charge],
    discounts: [],
    totals,
    amount_in_words: amountInWords(totals.grand_total),
    tenders: input.tenders,
    tendered: input.tenders.reduce((s, t) => s + t.amount, 0),
    terms: [
      `Charges for the work on job card ${input.job.number}; the article and any material the customer left remain the customer's.`,
      `Subject to ${input.seller.city} jurisdiction. This is a computer-generated invoice.`,
    ],
    against: null,
    exchange: null,
    job: { id: input.job.id, number: input.job.number },
    return_id: null,
    reason: null,
  }
}
