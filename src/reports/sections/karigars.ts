import { reportConnection } from "../connection"
import { defineReportSection } from ".."
import { branchCondition, branchNames } from "../branches"

type Row = { branch_id: string; metal: string; challans: number; issued_mg: string; back_mg: string; wastage_mg: string; out_now_mg: string }

/**
 * Karigars' job work (docs/counter.md, "Karigars and job work"): per branch and metal, the challans issued in the
 * period and their fine metal, the fine metal received back and the wastage allowed in the period, and — now,
 * whatever the period — the fine metal still with the karigars.
 */
export default defineReportSection({
  id: "karigars",
  title: "Karigars' job work",
  rank: 50,
  async load({ container, from, to, branch_ids }) {
    const branch = branchCondition("i.branch_id", branch_ids)
    const period = [from.toISOString(), to.toISOString()]
    const { rows } = (await (await reportConnection(container)).raw(
      `select i.branch_id, i.metal,
              count(*) filter (where i.issued_at >= ? and i.issued_at < ?)::int as challans,
              coalesce(sum(i.fine_weight_mg) filter (where i.issued_at >= ? and i.issued_at < ?), 0)::bigint::text as issued_mg,
              coalesce(sum((select sum(r.fine_weight_mg) from karigar_receipt r where r.issue_id = i.id and r.deleted_at is null and r.received_at >= ? and r.received_at < ?)), 0)::bigint::text as back_mg,
              coalesce(sum((select sum(r.wastage_fine_mg) from karigar_receipt r where r.issue_id = i.id and r.deleted_at is null and r.received_at >= ? and r.received_at < ?)), 0)::bigint::text as wastage_mg,
              coalesce(sum(i.fine_weight_mg - i.received_fine_mg - i.wastage_fine_mg) filter (where i.status = 'open'), 0)::bigint::text as out_now_mg
         from karigar_issue i
        where i.deleted_at is null ${branch.sql}
        group by i.branch_id, i.metal order by i.branch_id, i.metal`,
      [...period, ...period, ...period, ...period, ...branch.bindings]
    )) as { rows: Row[] }
    const names = await branchNames(container, rows.map((r) => r.branch_id))
    const gold = rows.filter((r) => r.metal === "gold")
    const sum = (pick: (r: Row) => string | number, of = rows) => of.reduce((n, r) => n + Number(pick(r)), 0)
    return {
      figures: [
        { label: "Challans issued", value: sum((r) => r.challans), kind: "count" },
        { label: "Fine gold issued (g)", value: sum((r) => r.issued_mg, gold), kind: "grams" },
        { label: "Fine gold back (g)", value: sum((r) => r.back_mg, gold), kind: "grams" },
        { label: "Gold wastage allowed (g)", value: sum((r) => r.wastage_mg, gold), kind: "grams" },
        { label: "Fine gold with karigars now (g)", value: sum((r) => r.out_now_mg, gold), kind: "grams" },
      ],
      table: {
        title: "Job work by branch and metal",
        columns: [
          { header: "Branch", kind: "text" },
          { header: "Metal", kind: "text" },
          { header: "Challans", kind: "count" },
          { header: "Fine issued (g)", kind: "grams" },
          { header: "Fine back (g)", kind: "grams" },
          { header: "Wastage (g)", kind: "grams" },
          { header: "With karigars now (g)", kind: "grams" },
        ],
        rows: rows.map((r) => [names.get(r.branch_id) ?? r.branch_id, r.metal, r.challans, Number(r.issued_mg), Number(r.back_mg), Number(r.wastage_mg), Number(r.out_now_mg)]),
      },
    }
  },
})
