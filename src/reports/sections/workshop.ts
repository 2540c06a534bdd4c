import { reportConnection } from "../connection"
import { defineReportSection } from ".."
import { branchCondition, branchNames } from "../branches"

type Row = { branch_id: string; taken_in: number; repairs: number; custom_orders: number; delivered: number; estimate: string; cancelled: number; open_now: number; overdue_now: number }

/**
 * The workshop (docs/counter.md, "Repairs and custom orders"): per branch, the jobs taken in during the period
 * (repairs and custom orders, and their estimates), those delivered and cancelled in it, and — now, whatever the
 * period — the jobs still in the workshop and how many of those are past their due date.
 */
export default defineReportSection({
  id: "workshop",
  title: "Workshop",
  rank: 45,
  async load({ container, from, to, branch_ids }) {
    const branch = branchCondition("j.branch_id", branch_ids)
    const period = [from.toISOString(), to.toISOString()]
    const { rows } = (await (await reportConnection(container)).raw(
      `select j.branch_id,
              count(*) filter (where j.received_at >= ? and j.received_at < ?)::int as taken_in,
              count(*) filter (where j.kind = 'repair' and j.received_at >= ? and j.received_at < ?)::int as repairs,
              count(*) filter (where j.kind = 'custom_order' and j.received_at >= ? and j.received_at < ?)::int as custom_orders,
              coalesce(sum(j.estimate_paise) filter (where j.received_at >= ? and j.received_at < ?), 0)::bigint::text as estimate,
              count(*) filter (where j.delivered_at >= ? and j.delivered_at < ?)::int as delivered,
              count(*) filter (where j.cancelled_at >= ? and j.cancelled_at < ?)::int as cancelled,
              count(*) filter (where j.status in ('received', 'with_karigar', 'ready'))::int as open_now,
              count(*) filter (where j.status in ('received', 'with_karigar', 'ready') and j.due_at < now())::int as overdue_now
         from job_card j
        where j.deleted_at is null ${branch.sql}
        group by j.branch_id order by j.branch_id`,
      [...Array(6).fill(period).flat(), ...branch.bindings]
    )) as { rows: Row[] }
    const names = await branchNames(container, rows.map((r) => r.branch_id))
    const sum = (pick: (r: Row) => string | number) => rows.reduce((n, r) => n + Number(pick(r)), 0)
    return {
      figures: [
        { label: "Jobs taken in", value: sum((r) => r.taken_in), kind: "count" },
        { label: "Estimates (₹)", value: sum((r) => r.estimate), kind: "rupees" },
        { label: "Delivered", value: sum((r) => r.delivered), kind: "count" },
        { label: "In the workshop now", value: sum((r) => r.open_now), kind: "count" },
        { label: "Overdue now", value: sum((r) => r.overdue_now), kind: "count" },
      ],
      table: {
        title: "Workshop by branch",
        columns: [
          { header: "Branch", kind: "text" },
          { header: "Taken in", kind: "count" },
          { header: "Repairs", kind: "count" },
          { header: "Custom orders", kind: "count" },
          { header: "Estimates (₹)", kind: "rupees" },
          { header: "Delivered", kind: "count" },
          { header: "Cancelled", kind: "count" },
          { header: "Open now", kind: "count" },
          { header: "Overdue now", kind: "count" },
        ],
        rows: rows.map((r) => [names.get(r.branch_id) ?? r.branch_id, r.taken_in, r.repairs, r.custom_orders, Number(r.estimate), r.delivered, r.cancelled, r.open_now, r.overdue_now]),
      },
    }
  },
})
