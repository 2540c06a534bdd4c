import { reportConnection } from "../connection"
import { defineReportSection } from ".."
import { branchCondition, branchNames } from "../branches"

type Row = { branch_id: string; vouchers: number; fine_mg: string; value: string; cash: string; credit: string }

/** Old gold bought at the counter in the period (vouchers issued): fine weight, value, paid in cash and taken against sales. */
export default defineReportSection({
  id: "old_gold",
  title: "Old gold bought",
  rank: 10,
  async load({ container, from, to, branch_ids }) {
    const branch = branchCondition("v.branch_id", branch_ids)
    const { rows } = (await (await reportConnection(container)).raw(
      `select v.branch_id, count(*)::int as vouchers, sum(v.total_value_paise)::bigint::text as value, sum(v.cash_paise)::bigint::text as cash,
              sum(v.sale_credit_paise)::bigint::text as credit,
              coalesce(sum((select sum(a.payable_fine_mg) from old_gold_article a where a.voucher_id = v.id and a.deleted_at is null)), 0)::bigint::text as fine_mg
         from old_gold_voucher v
        where v.deleted_at is null and v.issued_at >= ? and v.issued_at < ? ${branch.sql}
        group by v.branch_id order by v.branch_id`,
      [from.toISOString(), to.toISOString(), ...branch.bindings]
    )) as { rows: Row[] }
    const names = await branchNames(container, rows.map((r) => r.branch_id))
    const sum = (pick: (r: Row) => string | number) => rows.reduce((n, r) => n + Number(pick(r)), 0)
    return {
      figures: [
        { label: "Vouchers", value: sum((r) => r.vouchers), kind: "count" },
        { label: "Fine weight bought (g)", value: sum((r) => r.fine_mg), kind: "grams" },
        { label: "Value (₹)", value: sum((r) => r.value), kind: "rupees" },
        { label: "Taken against sales (₹)", value: sum((r) => r.credit), kind: "rupees" },
        { label: "Paid in cash (₹)", value: sum((r) => r.cash), kind: "rupees" },
      ],
      table: {
        title: "Old gold by branch",
        columns: [
          { header: "Branch", kind: "text" },
          { header: "Vouchers", kind: "count" },
          { header: "Fine weight (g)", kind: "grams" },
          { header: "Value (₹)", kind: "rupees" },
          { header: "Against sales (₹)", kind: "rupees" },
          { header: "Cash (₹)", kind: "rupees" },
        ],
        rows: rows.map((r) => [names.get(r.branch_id) ?? r.branch_id, r.vouchers, Number(r.fine_mg), Number(r.value), Number(r.credit), Number(r.cash)]),
      },
    }
  },
})
