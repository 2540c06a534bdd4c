import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { pipeline } from "node:stream/promises"
import type { Writable } from "node:stream"
import type { Client } from "pg"
import { to as copyTo } from "pg-copy-streams"
import { istToday } from "../../../../../../lib/pos"
import { rangeInstants, reportRange } from "../../../../../../lib/report-period"
import { exportFileName, streamTable, type ReportTable } from "../../../../../../lib/report-export"
import { BRANCH_MODULE } from "../../../../../../modules/branch"
import type BranchModuleService from "../../../../../../modules/branch/service"
import { countSalesLines, SALES_LINE_COLUMNS, salesLinesCopySql, salesLinesPage, type LinesCursor } from "../../../../../../modules/analytics/queries/sales-lines"
import { reportBranches } from "../../../helpers"
import type { SalesLinesExportQueryType } from "../../../validators"
import { reportConnection } from "../../../../../../reports/connection"

/** Lines a page: small enough that a page's rows, their cells and the CSV text stay a few megabytes. */
const PAGE = 2000
const CHANNELS: Record<string, string> = { counter: "Counter", online: "Online store", payment_link: "Payment link" }

const COLUMNS: ReportTable["columns"] = SALES_LINE_COLUMNS.map(({ header, kind }) => ({ header, kind }))

const indiaTime = (at: Date) => new Date(at.getTime() + 330 * 60_000).toISOString().slice(0, 16).replace("T", " ")

/**
 * GET /admin/reports/sales/lines/export?format=csv|xlsx — every line sold
 * and returned behind the sales report (its period and filters), in time
 * order, streamed a page at a time: the file can hold every line of five
 * years without the server holding it. `X-Total-Rows` tells the download's
 * length in lines up front, for its progress.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as SalesLinesExportQueryType
  const range = reportRange({ from: query.from, to: query.to }, istToday())
  const filters = {
    ...rangeInstants(range),
    branch_ids: await reportBranches(req, query.branch_id),
    metal: query.metal,
    purity: query.purity,
    category: query.category,
    channel: query.channel,
    staff_user_id: query.staff_user_id,
  }
  const db = await reportConnection(req.scope)
  const [total, branches] = await Promise.all([countSalesLines(db, filters), req.scope.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({}, { select: ["id", "name"] })])
  const branchName = new Map(branches.map((b) => [b.id, b.name]))
  const staffName = new Map<string, string>()
  const users = req.scope.resolve(Modules.USER)

  /** A page of lines as the file's rows, and where the next page starts. */
  async function page(cursor: LinesCursor | null): Promise<{ rows: ReportTable["rows"]; next: LinesCursor | null }> {
    const lines = await salesLinesPage(db, filters, cursor, PAGE)
    const unknown = [...new Set(lines.map((l) => l.staff_user_id).filter((id): id is string => !!id && !staffName.has(id)))]
    if (unknown.length) {
      for (const u of await users.listUsers({ id: unknown }, { select: ["id", "first_name", "last_name", "email"] })) {
        staffName.set(u.id, [u.first_name, u.last_name].filter(Boolean).join(" ") || u.email)
      }
    }
    const last = lines[lines.length - 1]
    return {
      next: last ? { occurred_at: last.occurred_at, id: last.id } : null,
      rows: lines.map((l) => [
        indiaTime(l.occurred_at),
        l.display_id === null ? null : `#${l.display_id}`,
        l.kind === "sale" ? "Sale" : "Return",
        l.branch_id ? (branchName.get(l.branch_id) ?? l.branch_id) : "Online (no branch)",
        CHANNELS[l.channel] ?? l.channel,
        l.staff_user_id ? (staffName.get(l.staff_user_id) ?? l.staff_user_id) : null,
        l.customer_id,
        l.sku,
        l.title,
        l.metal,
        l.purity,
        l.category,
        l.pieces,
        l.gross_weight_mg,
        l.net_weight_mg,
        l.revenue_paise,
        l.gst_paise,
        l.discount_paise,
        l.making_paise,
      ]),
    }
  }

  // Nothing of a page is held while the next one is read: its objects die young instead of piling up in the old generation.
  async function* pages() {
    for (let cursor: LinesCursor | null = null; ; ) {
      const { rows, next } = await page(cursor)
      if (!next) {
        return
      }
      cursor = next
      yield rows
    }
  }

  const name = exportFileName(
    ["sales-lines", range.from, range.to, query.branch_id?.join("-"), query.metal, query.purity, query.category, query.channel, query.staff_user_id],
    query.format
  )
  res.setHeader("Content-Disposition", `attachment; filename="${name}"`)
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("X-Total-Rows", String(total))
  res.setHeader("Access-Control-Expose-Headers", "Content-Disposition, X-Total-Rows")
  res.setHeader("Content-Type", query.format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8")
  try {
    if (query.format === "csv") {
      await copyCsv(db, salesLinesCopySql(db, filters), res)
    } else {
      await streamTable(query.format, { title: "Sales lines", columns: COLUMNS }, pages(), res)
    }
  } catch (e) {
    if (!res.headersSent) {
      throw e
    }
    // Part of the file is out: the reader sees it cut short rather than a second answer.
    res.destroy(e as Error)
  }
}

/**
 * Sends what a `COPY … TO STDOUT` writes to `out`, after a byte-order mark
 * (Excel then reads the file as UTF-8), at the pace `out` takes it. A
 * connection whose copy was cut short is thrown away rather than reused.
 */
async function copyCsv(db: Knex, sql: string, out: Writable): Promise<void> {
  const connection = (await db.client.acquireConnection()) as Client & { __knex__disposed?: unknown }
  try {
    out.write("\ufeff")
    await pipeline(connection.query(copyTo(sql)), out)
  } catch (e) {
    connection.__knex__disposed = e
    throw e
  } finally {
    await db.client.releaseConnection(connection)
  }
}
