import { reportConnection } from "../connection"
import { defineReportSection } from ".."
import { branchCondition, branchNames } from "../branches"

type Row = { branch_id: string; memos: number; given: number; given_value: string; returned: number; sold: number; out_now: number; overdue_now: number }

/**
 * Pieces on approval (docs/counter.md, "Approval memos"): per branch, the memos given in the period (pieces and
 * their value), the pieces that came back and those bought in the period, and — now, whatever the period — the
 * pieces still with customers and how many of those are overdue.
 */
export default defineReportSection({
  id: "approval_memos",
  title: "Approval memos",
  rank: 40,
  async load({ container, from, to, branch_ids }) {
    const branch = branchCondition("m.branch_id", branch_ids)
    const { rows } = (await (await reportConnection(container)).raw(
      `select m.branch_id,
              count(distinct m.id) filter (where m.issued_at >= ? and m.issued_at < ?)::int as memos,
              coalesce(sum(l.quantity) filter (where m.issued_at >= ? and m.issued_at < ?), 0)::int as given,
              coalesce(sum(l.value_paise) filter (where m.issued_at >= ? and m.issued_at < ?), 0)::bigint::text as given_value,
              coalesce(sum(l.quantity) filter (where l.state = 'returned' and l.settled_at >= ? and l.settled_at < ?), 0)::int as returned,
              coalesce(sum(l.quantity) filter (where l.state = 'sold' and l.settled_at >= ? and l.settled_at < ?), 0)::int as sold,
              coalesce(sum(l.quantity) filter (where l.state = 'out'), 0)::int as out_now,
              coalesce(sum(l.quantity) filter (where l.state = 'out' and m.due_at < now()), 0)::int as overdue_now
         from approval_memo m join approval_memo_line l on l.memo_id = m.id and l.deleted_at is null
        where m.deleted_at is null ${branch.sql}
        group by m.branch_id order by m.branch_id`,
      [...Array(5).fill([from.toISOString(), to.toISOString()]).flat(), ...branch.bindings]
    )) as { rows: Row[] }
    const names = await branchNames(container, rows.map((r) => r.branch_id))
    const sum = (pick: (r: Row) => string | number) => rows.reduce((n, r) => n + Number(pick(r)), 0)
    return {
      figures: [
        { label: "Memos given", value: sum((r) => r.memos), kind: "count" },
        { label: "Pieces given", value: sum((r) => r.given), kind: "count" },
        { label: "Bought from memos", value: sum((r) => r.sold), kind: "count" },
        { label: "Returned", value: sum((r) => r.returned), kind: "count" },
        { label: "With customers now", value: sum((r) => r.out_now), kind: "count" },
        { label: "Overdue now", value: sum((r) => r.overdue_now), kind: "count" },
      ],
      table: {
        title: "Approval memos by branch",
        columns: [
          { header: "Branch", kind: "text" },
          { header: "Memos", kind: "count" },
          { header: "Pieces given", kind: "count" },
          { header: "Value given (₹)", kind: "rupees" },
          { header: "Bought", kind: "count" },
          { header: "Returned", kind: "count" },
          { header: "Out now", kind: "count" },
          { header: "Overdue now", kind: "count" },
        ],
        rows: rows.map((r) => [names.get(r.branch_id) ?? r.branch_id, r.memos, r.given, Number(r.given_value), r.sold, r.returned, r.out_now, r.overdue_now]),
      },
    }
  },
})
