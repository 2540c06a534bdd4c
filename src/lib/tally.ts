/**
 * Tally export (docs/reports.md, "Tally export"): each GST invoice and credit
 * note as a Tally voucher with ledger entries that balance, each payment
 * taken (and each savings-scheme instalment) as a Receipt and each refund as
 * a Payment voucher, old metal bought
 * as a Purchase voucher, metal out to karigars and back as Material Out and
 * Material In vouchers (stock, not money), and the XML of
 * Tally's import format (an ENVELOPE with HEADER/TALLYREQUEST "Import Data"
 * and BODY/IMPORTDATA: REQUESTDESC naming the report "Vouchers" and the
 * company, REQUESTDATA holding one TALLYMESSAGE per ledger master and per
 * voucher). Pure; amounts in paise, credit positive and debit negative as
 * Tally writes them (ISDEEMEDPOSITIVE "Yes" on a debit).
 */
import { MedusaError } from "@medusajs/framework/utils"
import { XMLBuilder } from "fast-xml-parser"
import type { TaxDocumentBody } from "./invoice"
import { mulDivHalfUp, paiseToDecimal } from "./money"

export type TallyEntry = { ledger: string; amount_paise: number }

/** Goods moved without money moving: a quantity of a stock item, valued, in (to the shop) or out. */
export type TallyInventoryEntry = { item: string; quantity_mg: number; amount_paise: number; inward: boolean }

export type TallyVoucher = {
  type: "Sales" | "Credit Note" | "Receipt" | "Payment" | "Purchase" | "Journal" | "Material Out" | "Material In"
  /** YYYYMMDD, the India day it was issued. */
  date: string
  number: string
  party: string
  narration: string
  entries: TallyEntry[]
  /** Job work's inventory vouchers move metal, not money: their entries are stock, and `entries` is empty. */
  inventory?: TallyInventoryEntry[]
}

export type TallyLedger = { name: string; parent: string; gstin?: string | null }

export type TallyDocument = { type: "invoice" | "credit_note"; number: string; issued_at: Date; branch_code: string; body: TaxDocumentBody }

export const TAX_LEDGERS = { cgst: "Output CGST", sgst: "Output SGST", igst: "Output IGST", round_off: "Round Off" } as const

/** The sales ledger of a branch. */
export const salesLedger = (branchCode: string) => `Sales - ${branchCode}`
/** Walk-in (B2C) buyers of a branch, together. */
export const retailLedger = (branchCode: string) => `Retail Customers - ${branchCode}`

/** Who a document was issued to, at which branch: what its party ledger is made of. */
export type TallyParty = { branch_code: string; buyer: { name: string; gstin: string | null } }

/** A buyer with a GSTIN is a party of their own (B2B); everyone else is the branch's retail customers. */
export function partyLedger({ branch_code, buyer }: TallyParty): string {
  return buyer.gstin ? `${buyer.name} (${buyer.gstin})` : retailLedger(branch_code)
}

/** The India day of an instant as Tally writes dates: 2026-12-03T20:00Z is 4 Dec in India, "20261204". */
export function tallyDate(at: Date): string {
  return new Date(at.getTime() + 330 * 60_000).toISOString().slice(0, 10).replace(/-/g, "")
}

/**
 * A document as a voucher: an invoice debits the party with the bill
 * (grand total) and credits the branch's sales with the taxable value, each
 * GST head with its tax and the round-off with what rounding added (a debit
 * when it took away); a credit note is the same, reversed. The entries
 * always add up to zero.
 */
export function voucherFor(doc: TallyDocument): TallyVoucher {
  const t = doc.body.totals
  const party = partyLedger({ branch_code: doc.branch_code, buyer: doc.body.buyer })
  const sign = doc.type === "invoice" ? 1 : -1
  const entries: TallyEntry[] = [
    { ledger: party, amount_paise: -t.grand_total },
    { ledger: salesLedger(doc.branch_code), amount_paise: t.taxable_value },
    { ledger: TAX_LEDGERS.cgst, amount_paise: t.cgst },
    { ledger: TAX_LEDGERS.sgst, amount_paise: t.sgst },
    { ledger: TAX_LEDGERS.igst, amount_paise: t.igst },
    { ledger: TAX_LEDGERS.round_off, amount_paise: t.grand_total - t.taxable_value - t.cgst - t.sgst - t.igst },
  ]
    .filter((e, i) => i < 2 || e.amount_paise !== 0)
    .map((e) => ({ ...e, amount_paise: sign * e.amount_paise }))
  const order = doc.body.job ? `job card ${doc.body.job.number}` : doc.body.order.display_id ? `order #${doc.body.order.display_id}` : `order ${doc.body.order.id}`
  return {
    type: doc.type === "invoice" ? "Sales" : "Credit Note",
    date: tallyDate(doc.issued_at),
    number: doc.number,
    party,
    narration: doc.type === "invoice" ? `Tax invoice for ${order}` : `Credit note against ${doc.body.against?.number ?? "the invoice"} (${order}): ${doc.body.reason ?? "pieces returned"}`,
    entries,
  }
}

/** Money taken (a capture) or paid back (a refund) on a bill, with the tender it moved through. */
export type TallyMoneyMovement = {
  kind: "receipt" | "refund"
  /** The capture's or the refund's id: the voucher's number. */
  id: string
  at: Date
  branch_code: string
  provider_id: string
  amount_paise: number
  party: TallyParty
  order_display_id: number | null
  /** Money taken or handed back for a workshop job rather than a bill. */
  job_number?: string | null
}

/**
 * The ledger a tender's money sits in at a branch, and its Tally group:
 * cash in the branch's cash book; UPI, cards and the online gateways in bank
 * accounts; an old-gold exchange voucher's and a savings scheme's credit as
 * what the shop owed the customer (settled by the sale); points as the
 * loyalty programme's cost.
 */
export function tenderLedger(branchCode: string, providerId: string): TallyLedger {
  const provider = providerId.replace(/^pp_/, "").replace(/_default$/, "")
  const named: Record<string, TallyLedger> = {
    instore_cash: { name: `Cash - ${branchCode}`, parent: "Cash-in-Hand" },
    // Medusa's system provider takes no money itself: staff mark a bill paid at the store, in cash or at its card machine.
    system: { name: `Cash - ${branchCode}`, parent: "Cash-in-Hand" },
    instore_upi: { name: `UPI Collections - ${branchCode}`, parent: "Bank Accounts" },
    instore_card: { name: `Card Collections - ${branchCode}`, parent: "Bank Accounts" },
    instore_old_gold: { name: `Old Gold Exchange - ${branchCode}`, parent: "Current Liabilities" },
    instore_scheme: { name: `Savings Scheme Deposits - ${branchCode}`, parent: "Current Liabilities" },
    instore_points: { name: "Loyalty Points Redeemed", parent: "Indirect Expenses" },
  }
  if (named[provider]) {
    return named[provider]
  }
  const gateway = provider.split("_")[0]
  return { name: `${gateway.charAt(0).toUpperCase()}${gateway.slice(1)} Collections`, parent: "Bank Accounts" }
}

/**
 * A payment taken as a Receipt voucher (the tender's ledger debited, the
 * party credited) and a refund as a Payment voucher (the reverse): each
 * balances, and the party's ledger nets to nothing once the bill is paid.
 */
export function moneyVoucherFor(m: TallyMoneyMovement): TallyVoucher {
  const party = partyLedger(m.party)
  const tender = tenderLedger(m.branch_code, m.provider_id).name
  const sign = m.kind === "receipt" ? 1 : -1
  const order = m.job_number ? `job card ${m.job_number}` : m.order_display_id ? `order #${m.order_display_id}` : "a bill"
  return {
    type: m.kind === "receipt" ? "Receipt" : "Payment",
    date: tallyDate(m.at),
    number: m.id,
    party,
    narration: m.kind === "receipt" ? `Received for ${order} (${tender})` : `Refunded on ${order} (${tender})`,
    entries: [
      { ledger: tender, amount_paise: -sign * m.amount_paise },
      { ledger: party, amount_paise: sign * m.amount_paise },
    ],
  }
}

/** A savings-scheme instalment received on a card of a branch. */
export type TallySchemeInstalment = { card_number: string; sequence: number; paid_on: string; amount_paise: number; tender: string; branch_code: string }

/**
 * A scheme instalment as a Receipt voucher: the tender's ledger debited, the
 * branch's Savings Scheme Deposits (what the shop owes the card holder)
 * credited — the deposits a sale's scheme tender takes out again.
 */
export function schemeInstalmentVoucherFor(i: TallySchemeInstalment): TallyVoucher {
  const deposits = tenderLedger(i.branch_code, "pp_instore_scheme").name
  const tender = tenderLedger(i.branch_code, i.tender === "razorpay" ? "pp_razorpay_razorpay" : `pp_instore_${i.tender}`).name
  return {
    type: "Receipt",
    date: i.paid_on.replace(/-/g, ""),
    number: `${i.card_number}/${i.sequence}`,
    party: deposits,
    narration: `Instalment ${i.sequence} on scheme card ${i.card_number} (${tender})`,
    entries: [
      { ledger: tender, amount_paise: -i.amount_paise },
      { ledger: deposits, amount_paise: i.amount_paise },
    ],
  }
}

/** The shop's bonus on a scheme: its own cost, paid into the card's deposits when the card is redeemed. */
export const schemeBonusLedger = (branchCode: string): TallyLedger => ({ name: `Scheme Bonus - ${branchCode}`, parent: "Indirect Expenses" })

/**
 * A redeemed scheme card's bonus (what it redeemed for beyond its
 * instalments) as a Journal voucher on the day it was redeemed: the branch's
 * scheme bonus debited, its scheme deposits credited — so the deposits hold
 * exactly what the sale's scheme tender then takes out. Null when the card
 * redeemed no more than was paid.
 */
export function schemeBonusVoucherFor(r: { number: string; branch_code: string; redeemed_at: Date; redeemed_paise: number; paid_paise: number }): TallyVoucher | null {
  const bonus = r.redeemed_paise - r.paid_paise
  if (bonus <= 0) {
    return null
  }
  const deposits = tenderLedger(r.branch_code, "pp_instore_scheme").name
  return {
    type: "Journal",
    date: tallyDate(r.redeemed_at),
    number: `${r.number}/bonus`,
    party: deposits,
    narration: `The shop's bonus on scheme card ${r.number}, redeemed`,
    entries: [
      { ledger: schemeBonusLedger(r.branch_code).name, amount_paise: -bonus },
      { ledger: deposits, amount_paise: bonus },
    ],
  }
}

/** Old metal bought from a customer (an old-gold voucher), as what it paid out. */
export type TallyOldGoldPurchase = {
  number: string
  issued_at: Date
  branch_code: string
  kind: "exchange" | "purchase"
  total_value_paise: number
  cash_paise: number
  bank_paise: number
  sale_credit_paise: number
}

/** Old metal bought at a branch: a purchase ledger of its own, beside the jewellery it sells. */
export const oldGoldPurchaseLedger = (branchCode: string): TallyLedger => ({ name: `Old Gold Purchases - ${branchCode}`, parent: "Purchase Accounts" })
/** Bank transfers a branch pays out. */
export const bankPayoutLedger = (branchCode: string): TallyLedger => ({ name: `Bank Payouts - ${branchCode}`, parent: "Bank Accounts" })

/**
 * An old-gold voucher as a Purchase voucher: the branch's old-gold purchases
 * debited with its value, and credited what paid for it — cash out of the
 * cash book, a bank transfer, and the credit kept for a sale (the Old Gold
 * Exchange liability a counter sale's old-gold tender then settles). The
 * parts add up to the value, so the entries balance. No GST: old metal
 * bought from a person, not a registered supplier.
 */
export function oldGoldVoucherFor(v: TallyOldGoldPurchase): TallyVoucher {
  const paid: TallyEntry[] = [
    { ledger: tenderLedger(v.branch_code, "pp_instore_cash").name, amount_paise: v.cash_paise },
    { ledger: bankPayoutLedger(v.branch_code).name, amount_paise: v.bank_paise },
    { ledger: tenderLedger(v.branch_code, "pp_instore_old_gold").name, amount_paise: v.sale_credit_paise },
  ].filter((e) => e.amount_paise !== 0)
  if (paid.reduce((n, e) => n + e.amount_paise, 0) !== v.total_value_paise) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Old-gold voucher ${v.number}: its cash, bank and sale credit do not add up to its value`)
  }
  return {
    type: "Purchase",
    date: tallyDate(v.issued_at),
    number: v.number,
    party: paid[0]?.ledger ?? oldGoldPurchaseLedger(v.branch_code).name,
    narration: v.kind === "exchange" ? `Old gold taken in exchange against a sale (voucher ${v.number})` : `Old gold bought (voucher ${v.number})`,
    entries: [{ ledger: oldGoldPurchaseLedger(v.branch_code).name, amount_paise: -v.total_value_paise }, ...paid],
  }
}

/** The unit job work is counted in, and the stock item of each metal's fine weight. */
export const TALLY_WEIGHT_UNIT = "g"
export const fineMetalItem = (metal: string) => `Fine ${metal.charAt(0).toUpperCase()}${metal.slice(1)}`

/** A karigar as a party: a job worker the shop's metal sits with (Sundry Creditors), with his GSTIN when registered. */
export const jobWorkerLedger = (karigar: { name: string; gstin: string | null }): TallyLedger => ({
  name: `${karigar.name} (Job Worker)`,
  parent: "Sundry Creditors",
  gstin: karigar.gstin,
})

/** Metal out to a karigar on a job-work challan, or back from him on a receipt. */
export type TallyJobWorkMovement = {
  kind: "issue" | "receipt"
  /** The challan's number; a receipt's is the challan's and its place among the challan's receipts (`…/R1`). */
  number: string
  at: Date
  karigar: { name: string; gstin: string | null }
  metal: string
  description: string
  fine_mg: number
  /** Wastage claimed on a receipt (fine mg): metal the job consumed, which comes back to nobody. */
  wastage_fine_mg: number
  /** The challan's fine weight and declared value: a receipt is valued at the challan's rate. */
  challan_fine_mg: number
  challan_value_paise: number | null
  allowed_wastage_bps: number
}

/**
 * Job work as Tally's inventory vouchers (no ledger moves: the metal stays the shop's while the karigar holds it,
 * CGST Act section 143): a challan is a *Material Out* of its fine metal to the karigar, a receipt a *Material In*
 * of the fine metal back, each valued at the challan's declared rate (a receipt's share of the challan's value,
 * half up); wastage is named in the narration, as it comes back to nobody.
 */
export function jobWorkVoucherFor(m: TallyJobWorkMovement): TallyVoucher {
  const value = m.challan_value_paise ?? 0
  const amount = m.kind === "issue" ? value : m.challan_fine_mg > 0 ? mulDivHalfUp(value, m.fine_mg, m.challan_fine_mg) : 0
  const party = jobWorkerLedger(m.karigar).name
  const fine = `${(m.fine_mg / 1000).toFixed(3)} g fine ${m.metal}`
  return {
    type: m.kind === "issue" ? "Material Out" : "Material In",
    date: tallyDate(m.at),
    number: m.number,
    party,
    narration:
      m.kind === "issue"
        ? `Job-work challan ${m.number} to ${m.karigar.name}: ${m.description}; ${fine}, wastage allowed ${m.allowed_wastage_bps / 100} %`
        : `Received from ${m.karigar.name} on challan ${m.number.replace(/\/R\d+$/, "")}: ${m.description}; ${fine}` +
          (m.wastage_fine_mg > 0 ? `, wastage ${(m.wastage_fine_mg / 1000).toFixed(3)} g fine allowed` : ""),
    entries: [],
    inventory: [{ item: fineMetalItem(m.metal), quantity_mg: m.fine_mg, amount_paise: amount, inward: m.kind === "receipt" }],
  }
}

/** The ledgers the documents of these parties (the money moved through these tenders, the old gold bought at these branches) post to, with the Tally group each belongs under. */
export function ledgersFor(parties: TallyParty[], tenders: { branch_code: string; provider_id: string }[] = [], oldGoldBranches: string[] = []): TallyLedger[] {
  const ledgers = new Map<string, TallyLedger>()
  const add = (l: TallyLedger) => ledgers.set(l.name, ledgers.get(l.name) ?? l)
  for (const party of parties) {
    add({ name: salesLedger(party.branch_code), parent: "Sales Accounts" })
    add({ name: partyLedger(party), parent: "Sundry Debtors", gstin: party.buyer.gstin })
  }
  for (const t of tenders) {
    add(tenderLedger(t.branch_code, t.provider_id))
  }
  for (const code of oldGoldBranches) {
    for (const ledger of [oldGoldPurchaseLedger(code), bankPayoutLedger(code), tenderLedger(code, "pp_instore_cash"), tenderLedger(code, "pp_instore_old_gold")]) {
      add(ledger)
    }
  }
  for (const name of [TAX_LEDGERS.cgst, TAX_LEDGERS.sgst, TAX_LEDGERS.igst]) {
    add({ name, parent: "Duties & Taxes" })
  }
  add({ name: TAX_LEDGERS.round_off, parent: "Indirect Expenses" })
  return [...ledgers.values()].sort((a, b) => a.name.localeCompare(b.name))
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@", format: true, indentBy: " " })
const rupees = (paise: number) => paiseToDecimal(paise, { fixed: true })

/** The opening of the import file, up to the first TALLYMESSAGE. */
export function tallyEnvelopeStart(company: string): string {
  const head = builder.build({ HEADER: { TALLYREQUEST: "Import Data" } })
  const desc = builder.build({ REQUESTDESC: { REPORTNAME: "Vouchers", STATICVARIABLES: { SVCURRENTCOMPANY: company } } })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ENVELOPE>\n${head}<BODY>\n<IMPORTDATA>\n${desc}<REQUESTDATA>\n`
}

export const TALLY_ENVELOPE_END = "</REQUESTDATA>\n</IMPORTDATA>\n</BODY>\n</ENVELOPE>\n"

/** A ledger master, created if Tally does not have it yet. */
export function ledgerXml(ledger: TallyLedger): string {
  return builder.build({
    TALLYMESSAGE: {
      LEDGER: {
        "@NAME": ledger.name,
        "@ACTION": "Create",
        "NAME.LIST": { NAME: ledger.name },
        PARENT: ledger.parent,
        ...(ledger.gstin ? { PARTYGSTIN: ledger.gstin } : {}),
      },
    },
  })
}

/** The unit and the fine-metal stock items job work's inventory vouchers count in, created if Tally lacks them. */
export function jobWorkMastersXml(metals: string[]): string {
  const unit = builder.build({
    TALLYMESSAGE: { UNIT: { "@NAME": TALLY_WEIGHT_UNIT, "@ACTION": "Create", NAME: TALLY_WEIGHT_UNIT, ISSIMPLEUNIT: "Yes", DECIMALPLACES: 3 } },
  })
  const items = [...new Set(metals)].sort().map((metal) =>
    builder.build({
      TALLYMESSAGE: { STOCKITEM: { "@NAME": fineMetalItem(metal), "@ACTION": "Create", "NAME.LIST": { NAME: fineMetalItem(metal) }, BASEUNITS: TALLY_WEIGHT_UNIT } },
    })
  )
  return unit + items.join("")
}

/** A quantity as Tally reads one: "45.800 g". */
const quantity = (mg: number) => `${(mg / 1000).toFixed(3)} ${TALLY_WEIGHT_UNIT}`

/** An inventory entry: outward credited (not deemed positive), inward debited, in Tally's default godown. */
function inventoryEntryXml(e: TallyInventoryEntry) {
  const amount = rupees(e.inward ? -e.amount_paise : e.amount_paise)
  const rate = e.quantity_mg > 0 && e.amount_paise > 0 ? { RATE: `${rupees(mulDivHalfUp(e.amount_paise, 1000, e.quantity_mg))}/${TALLY_WEIGHT_UNIT}` } : {}
  return {
    STOCKITEMNAME: e.item,
    ISDEEMEDPOSITIVE: e.inward ? "Yes" : "No",
    ...rate,
    AMOUNT: amount,
    ACTUALQTY: quantity(e.quantity_mg),
    BILLEDQTY: quantity(e.quantity_mg),
    "BATCHALLOCATIONS.LIST": { GODOWNNAME: "Main Location", AMOUNT: amount, ACTUALQTY: quantity(e.quantity_mg), BILLEDQTY: quantity(e.quantity_mg) },
  }
}

export function voucherXml(v: TallyVoucher): string {
  // Job work's inventory vouchers list stock entries in Tally's invoice view; the rest list ledger entries.
  const entries = v.inventory
    ? { PERSISTEDVIEW: "Invoice Voucher View", NARRATION: v.narration, "ALLINVENTORYENTRIES.LIST": v.inventory.map(inventoryEntryXml) }
    : {
        PERSISTEDVIEW: "Accounting Voucher View",
        NARRATION: v.narration,
        "ALLLEDGERENTRIES.LIST": v.entries.map((e) => ({
          LEDGERNAME: e.ledger,
          ISDEEMEDPOSITIVE: e.amount_paise < 0 ? "Yes" : "No",
          AMOUNT: rupees(e.amount_paise),
        })),
      }
  return builder.build({
    TALLYMESSAGE: {
      VOUCHER: {
        "@VCHTYPE": v.type,
        "@ACTION": "Create",
        DATE: v.date,
        VOUCHERTYPENAME: v.type,
        VOUCHERNUMBER: v.number,
        PARTYLEDGERNAME: v.party,
        ...entries,
      },
    },
  })
}

/** A voucher as CSV rows for other accounting packages: one row a ledger entry, debit and credit apart. */
export function voucherCsvRows(v: TallyVoucher): (string | number)[][] {
  if (v.inventory) {
    // Metal moved, no money: a row a stock entry on the party, its quantity and value in the narration.
    return v.inventory.map((e) => [
      `${v.date.slice(0, 4)}-${v.date.slice(4, 6)}-${v.date.slice(6)}`,
      v.type,
      v.number,
      v.party,
      "",
      "",
      `${v.narration} (${e.inward ? "in" : "out"}: ${quantity(e.quantity_mg)} ${e.item}, valued Rs ${rupees(e.amount_paise)})`,
    ])
  }
  return v.entries.map((e) => [
    `${v.date.slice(0, 4)}-${v.date.slice(4, 6)}-${v.date.slice(6)}`,
    v.type,
    v.number,
    e.ledger,
    e.amount_paise < 0 ? rupees(-e.amount_paise) : "",
    e.amount_paise > 0 ? rupees(e.amount_paise) : "",
    v.narration,
  ])
}

export const TALLY_CSV_HEADER = ["Date", "Voucher type", "Voucher number", "Ledger", "Debit (Rs)", "Credit (Rs)", "Narration"]
