import { reportConnection } from "../connection"
import { defineReportSection } from ".."
import { branchCondition, branchNames } from "../branches"

type Row = { branch_id: string; sent_transfers: number; sent_pieces: number; sent_value: string; received_pieces: number; short_pieces: number; extra_tags: number }

/**
 * Pieces moved between branches in the period (docs/counter.md, "Stock transfers"): per branch, the transfers it
 * sent (pieces and their value when sent), the pieces it scanned in, and on the receipts it closed the pieces that
 * never arrived (short) and the tags not on the note (extra).
 */
export default defineReportSection({
  id: "stock_transfers",
  title: "Stock transfers",
  rank: 30,
  async load({ container, from, to, branch_ids }) {
    const sender = branchCondition("t.from_branch_id", branch_ids)
    const receiver = branchCondition("t.to_branch_id", branch_ids)
    const period = [from.toISOString(), to.toISOString()]
    const { rows } = (await (await reportConnection(container)).raw(
      `select branch_id, sum(sent_transfers)::int as sent_transfers, sum(sent_pieces)::int as sent_pieces, sum(sent_value)::bigint::text as sent_value,
              sum(received_pieces)::int as received_pieces, sum(short_pieces)::int as short_pieces, sum(extra_tags)::int as extra_tags
         from (select t.from_branch_id as branch_id, count(distinct t.id) as sent_transfers, coalesce(sum(l.quantity), 0) as sent_pieces,
                      coalesce(sum(l.value_paise), 0) as sent_value, 0 as received_pieces, 0 as short_pieces, 0 as extra_tags
                 from stock_transfer t join stock_transfer_line l on l.transfer_id = t.id and l.deleted_at is null and l.result <> 'extra'
                where t.deleted_at is null and t.status <> 'cancelled' and t.dispatched_at >= ? and t.dispatched_at < ? ${sender.sql}
                group by t.from_branch_id
               union all
               select t.to_branch_id, 0, 0, 0, coalesce(sum(l.quantity) filter (where l.result = 'received' and l.scanned_at >= ? and l.scanned_at < ?), 0),
                      coalesce(sum(l.quantity) filter (where l.result = 'short' and t.received_at >= ? and t.received_at < ?), 0),
                      count(*) filter (where l.result = 'extra' and l.scanned_at >= ? and l.scanned_at < ?)
                 from stock_transfer t join stock_transfer_line l on l.transfer_id = t.id and l.deleted_at is null
                where t.deleted_at is null ${receiver.sql}
                group by t.to_branch_id) moved
        group by branch_id order by branch_id`,
      [...period, ...sender.bindings, ...period, ...period, ...period, ...receiver.bindings]
    )) as { rows: Row[] }
    const names = await branchNames(container, rows.map((r) => r.branch_id))
    const sum = (pick: (r: Row) => string | number) => rows.reduce((n, r) => n + Number(pick(r)), 0)
    return {
      figures: [
        { label: "Transfers sent", value: sum((r) => r.sent_transfers), kind: "count" },
        { label: "Pieces sent", value: sum((r) => r.sent_pieces), kind: "count" },
        { label: "Value sent (₹)", value: sum((r) => r.sent_value), kind: "rupees" },
        { label: "Pieces received", value: sum((r) => r.received_pieces), kind: "count" },
        { label: "Pieces short", value: sum((r) => r.short_pieces), kind: "count" },
      ],
      table: {
        title: "Stock transfers by branch",
        columns: [
          { header: "Branch", kind: "text" },
          { header: "Transfers sent", kind: "count" },
          { header: "Pieces sent", kind: "count" },
          { header: "Value sent (₹)", kind: "rupees" },
          { header: "Pieces received", kind: "count" },
          { header: "Short", kind: "count" },
          { header: "Extra tags", kind: "count" },
        ],
        rows: rows.map((r) => [names.get(r.branch_id) ?? r.branch_id, r.sent_transfers, r.sent_pieces, Number(r.sent_value), r.received_pieces, r.short_pieces, r.extra_tags]),
      },
    }
  },
})
