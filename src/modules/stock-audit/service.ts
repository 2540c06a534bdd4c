import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { DOMAIN_CONFLICT } from "../../lib/errors"
import { BRANCH_LOCATION_LINK_TABLE, VARIANT_JEWELRY_LINK_TABLE } from "../../lib/link-tables"
import { pgArray } from "../../lib/pg-array"
import { withDates } from "../../lib/sql-rows"
import {
  classifyScan,
  lineResult,
  statusProblem,
  summarizeAudit,
  UNCOUNTED_LINE_RESULT,
  type LineResult,
  type ResultGroup,
  type ScanResult,
  type StockAdjustment,
  type StockAuditStatus,
  type StockAuditSummary,
  type StockElsewhere,
} from "../../lib/stock-audit"
import { StockAudit } from "./models/stock-audit"
import { StockAuditLine } from "./models/stock-audit-line"

export type AuditRow = {
  id: string
  branch_id: string
  stock_location_id: string
  category_id: string | null
  status: StockAuditStatus
  note: string | null
  opened_by: string | null
  opened_at: Date
  closed_by: string | null
  closed_at: Date | null
  posted_by: string | null
  posted_at: Date | null
  cancelled_by: string | null
  cancelled_at: Date | null
  expected_tags: number
  expected_quantity: number
  summary: StockAuditSummary | null
  adjustments: StockAdjustment[] | null
}

export type LineRow = {
  id: string
  audit_id: string
  tag_code: string
  variant_id: string | null
  inventory_item_id: string | null
  expected_quantity: number
  counted_quantity: number
  scan_result: ScanResult | null
  result: LineResult
  found_at_branch_id: string | null
  found_at_location_id: string | null
  scanned_at: Date | null
  scanned_by: string | null
}

/** A line for the report: the piece's product and variant titles beside it. */
export type ReportLineRow = LineRow & { sku: string | null; product_title: string | null; variant_title: string | null }

export type OpenAuditInput = {
  branch_id: string
  stock_location_id: string
  /** The category and its subcategories (their ids), or null for the whole branch. */
  category_id: string | null
  category_ids: string[] | null
  note: string | null
  user_id: string | null
}

export type ScanInput = { audit_id: string; tag_code: string; quantity: number; user_id: string | null }

/** A scan recorded, or the earlier scan of the same tag that refuses it. */
export type ScanOutcome =
  | { recorded: true; line: LineRow; belongs_to: StockElsewhere | null }
  | { recorded: false; duplicate: { tag_code: string; scanned_at: Date; scanned_by: string | null } }

const AUDIT_COLUMNS =
  "id, branch_id, stock_location_id, category_id, status, note, opened_by, opened_at, closed_by, closed_at, posted_by, posted_at, cancelled_by, cancelled_at, expected_tags, expected_quantity, summary, adjustments"
const LINE_COLUMNS =
  "id, audit_id, tag_code, variant_id, inventory_item_id, expected_quantity, counted_quantity, scan_result, result, found_at_branch_id, found_at_location_id, scanned_at, scanned_by"

const notFound = (id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Stock audit "${id}" was not found`)
const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message, DOMAIN_CONFLICT)

/** A tag code as scanned, trimmed. A known tag is then stored as the catalogue spells it, an unknown one upper-cased ("sgj-1" and "SGJ-1" are one tag). */
const scannedCode = (code: string) => code.trim()

function toLine(row: Record<string, unknown>): LineRow {
  return withDates({ ...row, expected_quantity: Number(row.expected_quantity), counted_quantity: Number(row.counted_quantity) }) as unknown as LineRow
}

/**
 * Stock audits by tag scan (docs/counter.md, "Stock audit"). The snapshot,
 * the scans and the report are set-based SQL over Medusa's inventory, link
 * and jewellery tables (read only: stock changes go through Medusa's
 * inventory module, in the posting workflow); the rules are
 * src/lib/stock-audit.ts.
 */
class StockAuditModuleService extends MedusaService({ StockAudit, StockAuditLine }) {
  /**
   * Opens an audit and snapshots what it expects, in one transaction: under a lock on the branch, so two
   * openings of one branch and category cannot both pass the check for an open audit, and with the
   * expected lines written by one INSERT … SELECT (tens of thousands of pieces in one statement).
   */
  @InjectManager()
  async openAudit(input: OpenAuditInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<AuditRow> {
    return this.openAudit_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async openAudit_(input: OpenAuditInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<AuditRow> {
    const db = sharedContext.transactionManager!
    await db.execute("select pg_advisory_xact_lock(hashtext(?))", [`stock-audit-open:${input.branch_id}`])
    const [open] = (await db.execute(
      `select id, opened_at from stock_audit
        where branch_id = ? and status = 'open' and deleted_at is null and ${input.category_id ? "category_id = ?" : "category_id is null"}`,
      input.category_id ? [input.branch_id, input.category_id] : [input.branch_id]
    )) as { id: string; opened_at: Date }[]
    if (open) {
      throw conflict(`Audit ${open.id} of this branch${input.category_id ? " and category" : ""} is still open; close or cancel it before opening another`)
    }
    const id = generateEntityId(undefined, "saud")
    await db.execute(
      `insert into stock_audit (id, branch_id, stock_location_id, category_id, status, note, opened_by, opened_at, expected_tags, expected_quantity, created_at, updated_at)
       values (?, ?, ?, ?, 'open', ?, ?, now(), 0, 0, now(), now())`,
      [id, input.branch_id, input.stock_location_id, input.category_id, input.note, input.user_id]
    )
    const inCategory = input.category_ids
      ? `and exists (select 1 from product_category_product pcp where pcp.product_id = v.product_id and pcp.product_category_id = any(?::text[]))`
      : ""
    // One line a tag in stock here: the stocked quantity of its inventory item (a variant with a kit of
    // several items is taken by its first). Ids are made in SQL, in the form of the others (prefix_…).
    await db.execute(
      `insert into stock_audit_line (id, audit_id, tag_code, variant_id, inventory_item_id, expected_quantity, counted_quantity, result, created_at, updated_at)
       select 'saln_' || upper(replace(gen_random_uuid()::text, '-', '')), ?, tag_code, variant_id, inventory_item_id, quantity, 0, ?, now(), now()
         from (select distinct on (ja.tag_code) ja.tag_code, pvi.variant_id, il.inventory_item_id, floor(il.stocked_quantity)::int as quantity
                 from inventory_level il
                 join product_variant_inventory_item pvi on pvi.inventory_item_id = il.inventory_item_id and pvi.deleted_at is null
                 join product_variant v on v.id = pvi.variant_id and v.deleted_at is null
                 join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.product_variant_id = pvi.variant_id and vj.deleted_at is null
                 join jewelry_attributes ja on ja.id = vj.jewelry_attributes_id and ja.deleted_at is null
                where il.location_id = ? and il.deleted_at is null and il.stocked_quantity >= 1 ${inCategory}
                order by ja.tag_code, il.inventory_item_id) expected`,
      [id, UNCOUNTED_LINE_RESULT, input.stock_location_id, ...(input.category_ids ? [pgArray(input.category_ids)] : [])]
    )
    const [audit] = (await db.execute(
      `update stock_audit a
          set expected_tags = s.tags, expected_quantity = s.quantity
         from (select count(*)::int as tags, coalesce(sum(expected_quantity), 0)::int as quantity from stock_audit_line where audit_id = ? and deleted_at is null) s
        where a.id = ?
        returning ${AUDIT_COLUMNS.split(", ").map((c) => `a.${c}`).join(", ")}`,
      [id, id]
    )) as Record<string, unknown>[]
    return toAudit(audit)
  }

  /** Withdraws an audit opened by a workflow that failed later: the audit and its lines go. */
  @InjectManager()
  async discardAudit(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.manager!
    await db.execute("delete from stock_audit_line where audit_id = ?", [id])
    await db.execute("delete from stock_audit where id = ?", [id])
  }

  /**
   * Records the scan of a tag and answers what it is, in one transaction of two statements: the first
   * reads the audit (under a share lock, so the audit cannot close under a scan in flight), the piece with
   * this tag, its line in the audit, and its stock at other branches; the second writes the line. A tag
   * already scanned into this audit is refused with when and by whom (nothing is written); of two scans of
   * one tag at once, one wins and the other is refused so.
   */
  @InjectManager()
  async recordScan(input: ScanInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<ScanOutcome> {
    return this.recordScan_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordScan_(input: ScanInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<ScanOutcome> {
    const db = sharedContext.transactionManager!
    const code = scannedCode(input.tag_code)
    const [found] = (await db.execute(
      `select a.status, a.stock_location_id, p.tag_code, p.variant_id, p.inventory_item_id,
              l.expected_quantity, l.scanned_at, l.scanned_by,
              coalesce((select json_agg(json_build_object('branch_id', b.id, 'branch_code', b.code, 'branch_name', b.name, 'location_id', il.location_id, 'stocked', floor(il.stocked_quantity)::int))
                          from inventory_level il
                          join ${BRANCH_LOCATION_LINK_TABLE} bsl on bsl.stock_location_id = il.location_id and bsl.deleted_at is null
                          join branch b on b.id = bsl.branch_id and b.deleted_at is null
                         where il.inventory_item_id = p.inventory_item_id and il.deleted_at is null and il.stocked_quantity >= 1 and il.location_id <> a.stock_location_id), '[]'::json) as elsewhere
         from stock_audit a
         left join lateral (
               select ja.tag_code, vj.product_variant_id as variant_id,
                      (select pvi.inventory_item_id from product_variant_inventory_item pvi
                        where pvi.variant_id = vj.product_variant_id and pvi.deleted_at is null order by pvi.inventory_item_id limit 1) as inventory_item_id
                 from jewelry_attributes ja
                 left join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.jewelry_attributes_id = ja.id and vj.deleted_at is null
                where ja.tag_code in (?, ?) and ja.deleted_at is null
                order by ja.tag_code = ? desc limit 1) p on true
         left join stock_audit_line l on l.audit_id = a.id and l.tag_code = coalesce(p.tag_code, ?) and l.deleted_at is null
        where a.id = ? and a.deleted_at is null
          for share of a`,
      [code, code.toUpperCase(), code, code.toUpperCase(), input.audit_id]
    )) as {
      status: StockAuditStatus
      stock_location_id: string
      tag_code: string | null
      variant_id: string | null
      inventory_item_id: string | null
      expected_quantity: number | null
      scanned_at: Date | null
      scanned_by: string | null
      elsewhere: StockElsewhere[] | string
    }[]
    if (!found) {
      throw notFound(input.audit_id)
    }
    const problem = statusProblem(found.status, "scan")
    if (problem) {
      throw conflict(problem)
    }
    const tagCode = found.tag_code ?? code.toUpperCase()
    if (found.scanned_at) {
      return { recorded: false, duplicate: { tag_code: tagCode, scanned_at: new Date(found.scanned_at), scanned_by: found.scanned_by } }
    }
    const elsewhere = typeof found.elsewhere === "string" ? (JSON.parse(found.elsewhere) as StockElsewhere[]) : found.elsewhere
    const expected = Number(found.expected_quantity ?? 0)
    const scan = classifyScan({ known: !!found.tag_code, expected_quantity: expected, elsewhere })
    const result = lineResult({ expected_quantity: expected, counted_quantity: input.quantity, scan_result: scan.result })
    const [line] = (await db.execute(
      `insert into stock_audit_line (id, audit_id, tag_code, variant_id, inventory_item_id, expected_quantity, counted_quantity, scan_result, result,
                                     found_at_branch_id, found_at_location_id, scanned_at, scanned_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, now(), ?, now(), now())
       on conflict (audit_id, tag_code) where deleted_at is null do update
          set counted_quantity = excluded.counted_quantity, scan_result = excluded.scan_result, result = excluded.result,
              found_at_branch_id = excluded.found_at_branch_id, found_at_location_id = excluded.found_at_location_id,
              scanned_at = excluded.scanned_at, scanned_by = excluded.scanned_by, updated_at = excluded.updated_at
        where stock_audit_line.scanned_at is null
       returning ${LINE_COLUMNS}`,
      [
        generateEntityId(undefined, "saln"),
        input.audit_id,
        tagCode,
        found.variant_id,
        found.inventory_item_id,
        input.quantity,
        scan.result,
        result,
        scan.belongs_to?.branch_id ?? null,
        scan.belongs_to?.location_id ?? null,
        input.user_id,
      ]
    )) as Record<string, unknown>[]
    if (!line) {
      // Scanned at the same moment by another counter: theirs stands.
      const [earlier] = (await db.execute("select scanned_at, scanned_by from stock_audit_line where audit_id = ? and tag_code = ? and deleted_at is null", [input.audit_id, tagCode])) as {
        scanned_at: Date
        scanned_by: string | null
      }[]
      return { recorded: false, duplicate: { tag_code: tagCode, scanned_at: new Date(earlier.scanned_at), scanned_by: earlier.scanned_by } }
    }
    return { recorded: true, line: toLine(line), belongs_to: scan.belongs_to }
  }

  /**
   * Sets the count of a scanned tag (`quantity`), or undoes its scan (`null`): an expected tag goes back
   * to uncounted, any other line goes. Only while the audit is open. Answers the line before and after
   * (after: null when it went), so a failed workflow can put it back.
   */
  @InjectManager()
  async correctScan(
    input: { audit_id: string; tag_code: string; quantity: number | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ before: LineRow; after: LineRow | null }> {
    return this.correctScan_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async correctScan_(input: { audit_id: string; tag_code: string; quantity: number | null }, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const db = sharedContext.transactionManager!
    await this.lockOpenAudit(db, input.audit_id, "scan")
    const code = scannedCode(input.tag_code)
    const [row] = (await db.execute(
      `select ${LINE_COLUMNS} from stock_audit_line where audit_id = ? and tag_code in (?, ?) and scanned_at is not null and deleted_at is null
        order by tag_code = ? desc limit 1 for update`,
      [input.audit_id, code, code.toUpperCase(), code]
    )) as Record<string, unknown>[]
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tag ${code} has not been scanned in this audit`)
    }
    const before = toLine(row)
    if (input.quantity === null && before.expected_quantity === 0) {
      await db.execute("delete from stock_audit_line where id = ?", [before.id])
      return { before, after: null }
    }
    const undo = input.quantity === null
    const counted = input.quantity ?? 0
    const result = undo ? UNCOUNTED_LINE_RESULT : lineResult({ expected_quantity: before.expected_quantity, counted_quantity: counted, scan_result: before.scan_result })
    const [after] = (await db.execute(
      `update stock_audit_line set counted_quantity = ?, result = ?, ${undo ? "scan_result = null, found_at_branch_id = null, found_at_location_id = null, scanned_at = null, scanned_by = null, " : ""}updated_at = now()
        where id = ? returning ${LINE_COLUMNS}`,
      [counted, result, before.id]
    )) as Record<string, unknown>[]
    return { before, after: toLine(after) }
  }

  /** Puts a line back as it was before a correction (a correcting workflow that failed later). */
  @InjectManager()
  async restoreLine(line: LineRow, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.manager!
    await db.execute(
      `insert into stock_audit_line (${LINE_COLUMNS}, created_at, updated_at) values (${LINE_COLUMNS.split(", ").map(() => "?").join(", ")}, now(), now())
       on conflict (id) do update set counted_quantity = excluded.counted_quantity, result = excluded.result, scan_result = excluded.scan_result,
          found_at_branch_id = excluded.found_at_branch_id, found_at_location_id = excluded.found_at_location_id,
          scanned_at = excluded.scanned_at, scanned_by = excluded.scanned_by, updated_at = now()`,
      LINE_COLUMNS.split(", ").map((c) => line[c as keyof LineRow] ?? null)
    )
  }

  /**
   * Moves an audit to its next status (close, cancel) under a row lock, refusing a move its status does not
   * allow with why; closing freezes the report's figures. Answers the audit before and after.
   */
  @InjectManager()
  async transition(
    input: { id: string; action: "close" | "cancel"; user_id: string | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ before: AuditRow; after: AuditRow }> {
    return this.transition_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async transition_(input: { id: string; action: "close" | "cancel"; user_id: string | null }, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const db = sharedContext.transactionManager!
    const before = await this.lockOpenAudit(db, input.id, input.action)
    const summary = input.action === "close" ? await this.summaryOf(db, input.id) : before.summary
    const [after] = (await db.execute(
      input.action === "close"
        ? `update stock_audit set status = 'closed', closed_by = ?, closed_at = now(), summary = ?::jsonb, updated_at = now() where id = ? returning ${AUDIT_COLUMNS}`
        : `update stock_audit set status = 'cancelled', cancelled_by = ?, cancelled_at = now(), updated_at = now() where id = ? returning ${AUDIT_COLUMNS}`,
      input.action === "close" ? [input.user_id, JSON.stringify(summary), input.id] : [input.user_id, input.id]
    )) as Record<string, unknown>[]
    return { before, after: toAudit(after) }
  }

  /** Puts an audit's status and stamps back as they were (a workflow that moved it failed later). */
  @InjectManager()
  async restoreStatus(audit: AuditRow, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.manager!.execute(
      `update stock_audit set status = ?, closed_by = ?, closed_at = ?, posted_by = ?, posted_at = ?, cancelled_by = ?, cancelled_at = ?,
              summary = ?::jsonb, adjustments = ?::jsonb, updated_at = now() where id = ?`,
      [
        audit.status,
        audit.closed_by,
        audit.closed_at,
        audit.posted_by,
        audit.posted_at,
        audit.cancelled_by,
        audit.cancelled_at,
        audit.summary ? JSON.stringify(audit.summary) : null,
        audit.adjustments ? JSON.stringify(audit.adjustments) : null,
        audit.id,
      ]
    )
  }

  /** Marks a closed audit posted with the adjustments made; refused unless it is closed. */
  @InjectManager()
  async markPosted(input: { id: string; user_id: string | null; adjustments: StockAdjustment[] }, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<AuditRow> {
    const [after] = (await sharedContext.manager!.execute(
      `update stock_audit set status = 'posted', posted_by = ?, posted_at = now(), adjustments = ?::jsonb, updated_at = now()
        where id = ? and status = 'closed' and deleted_at is null returning ${AUDIT_COLUMNS}`,
      [input.user_id, JSON.stringify(input.adjustments), input.id]
    )) as Record<string, unknown>[]
    if (!after) {
      throw conflict("This audit was posted or cancelled meanwhile; nothing was posted")
    }
    return toAudit(after)
  }

  /** One audit, or 404. */
  @InjectManager()
  async auditById(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<AuditRow> {
    const [row] = (await sharedContext.manager!.execute(`select ${AUDIT_COLUMNS} from stock_audit where id = ? and deleted_at is null`, [id])) as Record<string, unknown>[]
    if (!row) {
      throw notFound(id)
    }
    return toAudit(row)
  }

  /** The report's figures now: summed per result over the audit's lines (one indexed pass). */
  @InjectManager()
  async summarize(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<StockAuditSummary> {
    return this.summaryOf(sharedContext.manager!, id)
  }

  /**
   * A page of an audit's lines with their pieces' titles, missing and misplaced first, then by tag;
   * `results` narrows it to those results. Answers the page and the count.
   */
  @InjectManager()
  async listLines(
    input: { audit_id: string; results?: LineResult[]; limit: number; offset: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ lines: ReportLineRow[]; count: number }> {
    const db = sharedContext.manager!
    const where = `l.audit_id = ? and l.deleted_at is null${input.results ? " and l.result = any(?::text[])" : ""}`
    const bindings = [input.audit_id, ...(input.results ? [pgArray(input.results)] : [])]
    const [rows, [{ count }]] = await Promise.all([
      db.execute(
        `select ${LINE_COLUMNS.split(", ").map((c) => `l.${c}`).join(", ")}, v.sku, v.title as variant_title, p.title as product_title
           from stock_audit_line l
           left join product_variant v on v.id = l.variant_id
           left join product p on p.id = v.product_id
          where ${where}
          order by array_position(array['missing', 'misplaced', 'extra', 'unknown', 'found']::text[], l.result::text), l.tag_code
          limit ? offset ?`,
        [...bindings, input.limit, input.offset]
      ) as Promise<Record<string, unknown>[]>,
      db.execute(`select count(*)::int as count from stock_audit_line l where ${where}`, bindings) as Promise<{ count: number }[]>,
    ])
    return { lines: rows.map((r) => toLine(r) as ReportLineRow), count: Number(count) }
  }

  /** The lines posting adjusts stock for (missing, extra, misplaced), every one. */
  @InjectManager()
  async linesToPost(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<LineRow[]> {
    const rows = (await sharedContext.manager!.execute(
      `select ${LINE_COLUMNS} from stock_audit_line where audit_id = ? and result in ('missing', 'extra', 'misplaced') and deleted_at is null order by tag_code`,
      [id]
    )) as Record<string, unknown>[]
    return rows.map(toLine)
  }

  private async summaryOf(db: EntityManager, id: string): Promise<StockAuditSummary> {
    const groups = (await db.execute(
      `select result, count(*)::int as lines, count(*) filter (where expected_quantity > 0)::int as expected_lines, coalesce(sum(expected_quantity), 0)::int as expected_quantity,
              count(*) filter (where scanned_at is not null)::int as counted_lines, coalesce(sum(counted_quantity), 0)::int as counted_quantity
         from stock_audit_line where audit_id = ? and deleted_at is null group by result`,
      [id]
    )) as ResultGroup[]
    return summarizeAudit(groups.map((g) => ({ ...g, lines: Number(g.lines), expected_lines: Number(g.expected_lines), expected_quantity: Number(g.expected_quantity), counted_lines: Number(g.counted_lines), counted_quantity: Number(g.counted_quantity) })))
  }

  /** The audit under a row lock, refused (409, with why) unless its status allows `action`. */
  private async lockOpenAudit(db: EntityManager, id: string, action: "scan" | "close" | "cancel"): Promise<AuditRow> {
    const [row] = (await db.execute(`select ${AUDIT_COLUMNS} from stock_audit where id = ? and deleted_at is null for update`, [id])) as Record<string, unknown>[]
    if (!row) {
      throw notFound(id)
    }
    const audit = toAudit(row)
    const problem = statusProblem(audit.status, action)
    if (problem) {
      throw conflict(problem)
    }
    return audit
  }
}

function toAudit(row: Record<string, unknown>): AuditRow {
  const json = <T>(v: unknown): T | null => (v === null || v === undefined ? null : typeof v === "string" ? (JSON.parse(v) as T) : (v as T))
  return {
    ...(withDates(row) as unknown as AuditRow),
    expected_tags: Number(row.expected_tags),
    expected_quantity: Number(row.expected_quantity),
    summary: json<StockAuditSummary>(row.summary),
    adjustments: json<StockAdjustment[]>(row.adjustments),
  }
}

export default StockAuditModuleService
