import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { JobRow } from "../../../modules/workshop/service"
import { minimumWeightOut } from "../../../lib/workshop"
import { userNames } from "../stock-audits/helpers"
import { transferBranches } from "../stock-transfers/branches"

type CustomerRow = { id: string; first_name: string | null; last_name: string | null; email: string | null; phone: string | null; customer_profile?: { phone: string | null } | null }

/** Job cards as the routes answer them: branch, customer and staff named, overdue or not, the least weight it may come back at. */
export async function jobViews(scope: MedusaContainer, jobs: JobRow[]) {
  if (!jobs.length) {
    return []
  }
  const [branches, names, customers] = await Promise.all([
    transferBranches(scope),
    userNames(scope, jobs.flatMap((j) => [j.received_by, j.delivered_by])),
    scope
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "customer", fields: ["id", "first_name", "last_name", "email", "phone", "customer_profile.phone"], filters: { id: [...new Set(jobs.map((j) => j.customer_id))] } })
      .then(({ data }) => data as CustomerRow[]),
  ])
  const now = Date.now()
  return jobs.map((j) => {
    const branch = branches.find((b) => b.id === j.branch_id)
    const customer = customers.find((c) => c.id === j.customer_id)
    const open = j.status !== "delivered" && j.status !== "cancelled"
    return {
      ...j,
      branch: { id: j.branch_id, code: branch?.code ?? "", name: branch?.name ?? j.branch_id },
      customer: {
        id: j.customer_id,
        name: [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || customer?.email || j.customer_id,
        phone: customer?.customer_profile?.phone ?? customer?.phone ?? null,
      },
      received_by: j.received_by ? { id: j.received_by, name: names.get(j.received_by) ?? j.received_by } : null,
      delivered_by: j.delivered_by ? { id: j.delivered_by, name: names.get(j.delivered_by) ?? j.delivered_by } : null,
      overdue: open && new Date(j.due_at).getTime() < now,
      least_weight_out_mg: j.kind === "repair" ? minimumWeightOut(j.net_weight_in_mg, j.allowed_loss_bps) : null,
    }
  })
}
