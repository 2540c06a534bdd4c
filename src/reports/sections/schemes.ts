import { reportConnection } from "../connection"
import { defineReportSection } from ".."
import { istToday } from "../../lib/pos"
import { branchCondition, branchNames } from "../branches"

type Row = { branch_id: string; enrolled: number; instalments: number; collected: string; redeemed: number; redeemed_paise: string }

/**
 * Savings schemes in the period: cards enrolled, instalments collected and
 * cards redeemed against purchases (instalment and enrolment days are India
 * days, as the counter records them).
 */
export default defineReportSection({
  id: "schemes",
  title: "Savings schemes",
  rank: 20,
  async load({ container, from, to, branch_ids }) {
    const [firstDay, dayAfter] = [istToday(from), istToday(to)]
    const enrolment = branchCondition("branch_id", branch_ids)
    const { rows } = (await (await reportConnection(container)).raw(
      `select branch_id, sum(enrolled)::int as enrolled, sum(instalments)::int as instalments, sum(collected)::bigint::text as collected,
              sum(redeemed)::int as redeemed, sum(redeemed_paise)::bigint::text as redeemed_paise
         from (select branch_id, 1 as enrolled, 0 as instalments, 0 as collected, 0 as redeemed, 0 as redeemed_paise
                 from scheme_enrolment where deleted_at is null and enrolled_on >= ? and enrolled_on < ? ${enrolment.sql}
               union all
               select branch_id, 0, 1, amount_paise, 0, 0
                 from scheme_instalment where deleted_at is null and paid_on >= ? and paid_on < ? ${enrolment.sql}
               union all
               select branch_id, 0, 0, 0, 1, coalesce(redeemed_paise, 0)
                 from scheme_enrolment where deleted_at is null and redeemed_at >= ? and redeemed_at < ? ${enrolment.sql}) s
        group by branch_id order by branch_id`,
      [firstDay, dayAfter, ...enrolment.bindings, firstDay, dayAfter, ...enrolment.bindings, from.toISOString(), to.toISOString(), ...enrolment.bindings]
    )) as { rows: Row[] }
    const names = await branchNames(container, rows.map((r) => r.branch_id))
    const sum = (pick: (r: Row) => string | number) => rows.reduce((n, r) => n + Number(pick(r)), 0)
    return {
      figures: [
        { label: "Cards enrolled", value: sum((r) => r.enrolled), kind: "count" },
        { label: "Instalments collected", value: sum((r) => r.instalments), kind: "count" },
        { label: "Collected (₹)", value: sum((r) => r.collected), kind: "rupees" },
        { label: "Cards redeemed", value: sum((r) => r.redeemed), kind: "count" },
        { label: "Redeemed against purchases (₹)", value: sum((r) => r.redeemed_paise), kind: "rupees" },
      ],
      table: {
        title: "Schemes by branch",
        columns: [
          { header: "Branch", kind: "text" },
          { header: "Enrolled", kind: "count" },
          { header: "Instalments", kind: "count" },
          { header: "Collected (₹)", kind: "rupees" },
          { header: "Redeemed", kind: "count" },
          { header: "Redeemed value (₹)", kind: "rupees" },
        ],
        rows: rows.map((r) => [names.get(r.branch_id) ?? r.branch_id, r.enrolled, r.instalments, Number(r.collected), r.redeemed, Number(r.redeemed_paise)]),
      },
    }
  },
})
