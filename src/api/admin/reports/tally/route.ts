import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { stringify } from "csv-stringify/sync"
import { istToday } from "../../../../lib/pos"
import { rangeInstants, reportRange } from "../../../../lib/report-period"
import { exportFileName } from "../../../../lib/report-export"
import {
  jobWorkMastersXml,
  jobWorkVoucherFor,
  jobWorkerLedger,
  ledgersFor,
  ledgerXml,
  moneyVoucherFor,
  oldGoldVoucherFor,
  schemeBonusLedger,
  schemeBonusVoucherFor,
  schemeInstalmentVoucherFor,
  TALLY_CSV_HEADER,
  TALLY_ENVELOPE_END,
  tallyEnvelopeStart,
  voucherCsvRows,
  voucherFor,
  voucherXml,
  type TallyVoucher,
} from "../../../../lib/tally"
import { KARIGAR_MODULE } from "../../../../modules/karigar"
import type KarigarModuleService from "../../../../modules/karigar/service"
import { OLD_GOLD_MODULE } from "../../../../modules/old-gold"
import type OldGoldModuleService from "../../../../modules/old-gold/service"
import { listMoneyMovements, listMoneyParties } from "../../../../modules/pos/queries/money-movements"
import { SAVINGS_SCHEME_MODULE } from "../../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../../modules/savings-scheme/service"
import { INVOICING_MODULE } from "../../../../modules/invoicing"
import type InvoicingModuleService from "../../../../modules/invoicing/service"
import { reportBranches } from "../helpers"
import type { TallyExportQueryType } from "../validators"

const PAGE = 500

/**
 * GET /admin/reports/tally?from&to&branch_id&format=xml|csv&vouchers=sales|receipts|purchases|job_work —
 * the GST invoices and credit notes issued in the period as Sales and Credit
 * Note vouchers, and the payments taken and refunds made on the branches'
 * bills as Receipt and Payment vouchers, the old gold bought as Purchase
 * vouchers, metal out to karigars and back as Material Out and Material In (docs/reports.md, "Tally export"):
 * XML in Tally's import format, with the ledger masters the vouchers post to
 * first, or CSV, one row a ledger entry. Streamed a page at a time;
 * branch-scoped like every report.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as TallyExportQueryType
  const range = reportRange({ from: query.from, to: query.to }, istToday())
  const branchIds = await reportBranches(req, query.branch_id)
  const { from, to } = rangeInstants(range)
  const sales = query.vouchers.includes("sales")
  const receipts = query.vouchers.includes("receipts")
  const purchases = query.vouchers.includes("purchases")
  const jobWork = query.vouchers.includes("job_work")
  const karigars = req.scope.resolve<KarigarModuleService>(KARIGAR_MODULE)
  const oldGold = req.scope.resolve<OldGoldModuleService>(OLD_GOLD_MODULE)
  const schemes = req.scope.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE)
  const invoicing = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const db = req.scope.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const [parties, moneyParties, instalmentBranches, redemptions, oldGoldBranches, jobWorkers] = await Promise.all([
    sales ? invoicing.listIssuedParties({ from, to, branch_ids: branchIds }) : [],
    receipts ? listMoneyParties(db, { from, to, branch_ids: branchIds }) : [],
    receipts ? schemes.countInstalmentsPaidBetween({ from_day: range.from, to_day: range.to, branch_ids: branchIds }) : [],
    // Few a period (a card is redeemed once): read whole.
    receipts ? schemes.listRedemptionsBetween({ from, to, branch_ids: branchIds }) : [],
    purchases ? oldGold.countVouchersIssuedBetween({ from, to, branch_ids: branchIds }) : [],
    jobWork ? karigars.countJobWorkBetween({ from, to, branch_ids: branchIds }) : [],
  ])
  const bonuses = redemptions.map(schemeBonusVoucherFor).filter((v): v is TallyVoucher => !!v)
  const count =
    parties.reduce((n, p) => n + p.documents, 0) +
    moneyParties.reduce((n, p) => n + p.movements, 0) +
    instalmentBranches.reduce((n, b) => n + b.instalments, 0) +
    bonuses.length +
    oldGoldBranches.reduce((n, b) => n + b.vouchers, 0) +
    jobWorkers.reduce((n, k) => n + k.movements, 0)
  // A scheme card's instalments may come in by any tender, into its branch's scheme deposits.
  const instalmentTenders = instalmentBranches.flatMap((b) =>
    ["pp_instore_cash", "pp_instore_card", "pp_instore_upi", "pp_razorpay_razorpay", "pp_instore_scheme"].map((provider_id) => ({ branch_code: b.branch_code, provider_id }))
  )

  const xml = query.format === "xml"
  res.setHeader("Content-Type", xml ? "application/xml; charset=utf-8" : "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${exportFileName(["tally", range.from, range.to, query.branch_id?.join("-")], query.format)}"`)
  res.setHeader("X-Total-Rows", String(count))
  if (xml) {
    const [store] = await req.scope.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 })
    res.write(tallyEnvelopeStart(process.env.SHOP_NAME ?? store?.name ?? "Shop"))
    const ledgers = ledgersFor(
      [...parties, ...moneyParties].map((p) => ({ branch_code: p.branch_code, buyer: { name: p.name ?? "", gstin: p.gstin } })),
      [...moneyParties, ...instalmentTenders, ...redemptions.map((r) => ({ branch_code: r.branch_code, provider_id: "pp_instore_scheme" }))],
      oldGoldBranches.map((b) => b.branch_code)
    )
      .concat([...new Set(redemptions.map((r) => r.branch_code))].map(schemeBonusLedger))
      .concat([...new Map(jobWorkers.map((k) => [k.karigar.name, jobWorkerLedger(k.karigar)])).values()])
    res.write(ledgers.map(ledgerXml).join(""))
    if (jobWorkers.length) {
      res.write(jobWorkMastersXml(jobWorkers.map((k) => k.metal)))
    }
  } else {
    res.write(`\ufeff${stringify([TALLY_CSV_HEADER])}`)
  }
  const write = async (vouchers: TallyVoucher[]) => {
    const chunk = xml ? vouchers.map(voucherXml).join("") : stringify(vouchers.flatMap(voucherCsvRows))
    if (!res.write(chunk)) {
      // Wait for the reader to take what was written before reading the next page.
      await new Promise((resolve) => res.once("drain", resolve))
    }
  }
  // Keyset pages, each written before the next is read.
  if (sales) {
    await writeEachPage(
      (after: { issued_at: string; id: string } | null) => invoicing.listIssuedBetween({ from, to, branch_ids: branchIds, after, limit: PAGE }),
      (d) => ({ issued_at: d.page_key, id: d.id }),
      (page) => write(page.map((d) => voucherFor({ type: d.type, number: d.number, issued_at: new Date(d.issued_at), branch_code: d.branch_code, body: d.body })))
    )
  }
  if (receipts) {
    await writeEachPage(
      (after: { at: string; id: string } | null) => listMoneyMovements(db, { from, to, branch_ids: branchIds, after, limit: PAGE }),
      (m) => ({ at: m.page_key, id: m.id }),
      (page) => write(page.map(moneyVoucherFor))
    )
    await writeEachPage(
      (after: { paid_on: string; id: string } | null) =>
        schemes.listInstalmentsPaidBetween({ from_day: range.from, to_day: range.to, branch_ids: branchIds, after, limit: PAGE }),
      (i) => ({ paid_on: i.paid_on, id: i.id }),
      (page) => write(page.map(schemeInstalmentVoucherFor))
    )
  }
  if (bonuses.length) {
    await write(bonuses)
  }
  if (purchases) {
    await writeEachPage(
      (after: { issued_at: string; id: string } | null) => oldGold.listVouchersIssuedBetween({ from, to, branch_ids: branchIds, after, limit: PAGE }),
      (v) => ({ issued_at: v.page_key, id: v.id }),
      (page) => write(page.map((v) => oldGoldVoucherFor({ ...v, issued_at: new Date(v.issued_at) })))
    )
  }
  if (jobWork) {
    await writeEachPage(
      (after: { at: string; id: string } | null) => karigars.listJobWorkBetween({ from, to, branch_ids: branchIds, after, limit: PAGE }),
      (m) => ({ at: m.page_key, id: m.id }),
      (page) => write(page.map(jobWorkVoucherFor))
    )
  }
  res.end(xml ? TALLY_ENVELOPE_END : undefined)
}

/**
 * Reads keyset pages until one comes back empty, each page written before the next is read; `keyOf` makes the
 * next page's `after` from a page's last row.
 */
async function writeEachPage<Row, Key>(read: (after: Key | null) => Promise<Row[]>, keyOf: (last: Row) => Key, writePage: (page: Row[]) => Promise<void>) {
  let after: Key | null = null
  for (let page = await read(after); page.length; page = await read(after)) {
    await writePage(page)
    after = keyOf(page[page.length - 1])
  }
}
