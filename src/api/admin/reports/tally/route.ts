import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { stringify } from "csv-stringify/sync"
import { istToday } from "../../../../lib/pos"
import { rangeInstants, reportRange } from "../../../../lib/report-period"
import { exportFileName } from "../../../../lib/report-export"
import {
  ledgersFor,
  ledgerXml,
  TALLY_CSV_HEADER,
  TALLY_ENVELOPE_END,
  tallyEnvelopeStart,
  voucherCsvRows,
  voucherFor,
  voucherXml,
} from "../../../../lib/tally"
import { INVOICING_MODULE } from "../../../../modules/invoicing"
import type InvoicingModuleService from "../../../../modules/invoicing/service"
import { reportBranches } from "../helpers"
import type { TallyExportQueryType } from "../validators"

const PAGE = 500

/**
 * GET /admin/reports/tally?from&to&branch_id&format=xml|csv — the GST invoices
 * and credit notes issued in the period as Tally vouchers (docs/reports.md,
 * "Tally export"): XML in Tally's import format, with the ledger masters the
 * vouchers post to first, or CSV, one row a ledger entry. Streamed a page of
 * documents at a time; branch-scoped like every report.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as TallyExportQueryType
  const range = reportRange({ from: query.from, to: query.to }, istToday())
  const branchIds = await reportBranches(req, query.branch_id)
  const { from, to } = rangeInstants(range)
  const invoicing = req.scope.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const parties = await invoicing.listIssuedParties({ from, to, branch_ids: branchIds })
  const count = parties.reduce((n, p) => n + p.documents, 0)

  const xml = query.format === "xml"
  res.setHeader("Content-Type", xml ? "application/xml; charset=utf-8" : "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${exportFileName(["tally", range.from, range.to, query.branch_id?.join("-")], query.format)}"`)
  res.setHeader("X-Total-Rows", String(count))
  if (xml) {
    const [store] = await req.scope.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 })
    res.write(tallyEnvelopeStart(process.env.SHOP_NAME ?? store?.name ?? "Shop"))
    const ledgers = ledgersFor(parties.map((p) => ({ branch_code: p.branch_code, buyer: { name: p.name, gstin: p.gstin } })))
    res.write(ledgers.map(ledgerXml).join(""))
  } else {
    res.write(`\ufeff${stringify([TALLY_CSV_HEADER])}`)
  }
  let after: { issued_at: Date; id: string } | null = null
  for (;;) {
    const page = await invoicing.listIssuedBetween({ from, to, branch_ids: branchIds, after, limit: PAGE })
    if (!page.length) {
      break
    }
    const vouchers = page.map((d) => voucherFor({ type: d.type, number: d.number, issued_at: new Date(d.issued_at), branch_code: d.branch_code, body: d.body }))
    const chunk = xml ? vouchers.map(voucherXml).join("") : stringify(vouchers.flatMap(voucherCsvRows))
    if (!res.write(chunk)) {
      // Wait for the reader to take what was written before reading the next page.
      await new Promise((resolve) => res.once("drain", resolve))
    }
    const last = page[page.length - 1]
    after = { issued_at: new Date(last.issued_at), id: last.id }
  }
  res.end(xml ? TALLY_ENVELOPE_END : undefined)
}
