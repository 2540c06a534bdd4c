import type { MedusaContainer } from "@medusajs/framework/types"
import { WORKSHOP_MODULE } from "../../../modules/workshop"
import type WorkshopModuleService from "../../../modules/workshop/service"
import type { JobRow } from "../../../modules/workshop/service"
import { minimumWeightOut, netPaid } from "../../../lib/workshop"
import { branchDirectory, customerContacts, staffRef, userNames } from "../../utils/directory"

/**
 * Job cards as the routes answer them: branch, customer and staff named, overdue or not, the least weight it may
 * come back at, the money taken and handed back (with each voucher's link) and the invoice of the work.
 */
export async function jobViews(scope: MedusaContainer, jobs: JobRow[]) {
  if (!jobs.length) {
    return []
  }
  const [branches, names, customers, payments] = await Promise.all([
    branchDirectory(scope),
    userNames(scope, jobs.flatMap((j) => [j.received_by, j.delivered_by])),
    customerContacts(scope, jobs.map((j) => j.customer_id)),
    scope.resolve<WorkshopModuleService>(WORKSHOP_MODULE).paymentsOf(jobs.map((j) => j.id)),
  ])
  const now = Date.now()
  return jobs.map((j) => {
    const branch = branches.find((b) => b.id === j.branch_id)
    const paid = payments.filter((p) => p.job_card_id === j.id)
    const open = j.status !== "delivered" && j.status !== "cancelled"
    return {
      ...j,
      branch: { id: j.branch_id, code: branch?.code ?? "", name: branch?.name ?? j.branch_id },
      customer: customers.get(j.customer_id)!,
      received_by: staffRef(names, j.received_by),
      delivered_by: staffRef(names, j.delivered_by),
      overdue: open && new Date(j.due_at).getTime() < now,
      least_weight_out_mg: j.kind === "repair" ? minimumWeightOut(j.net_weight_in_mg, j.allowed_loss_bps) : null,
      payments: paid.map((p) => ({ ...p, voucher_url: p.number ? `/admin/job-cards/${j.id}/payments/${p.id}/voucher` : null })),
      paid_paise: netPaid(paid),
      invoice: j.invoice_id ? { id: j.invoice_id, number: j.invoice_number, url: `/admin/tax-documents/${j.invoice_id}` } : null,
      photos: j.photos.map((p) => ({ file_id: p.file_id, stage: p.stage, filename: p.filename, uploaded_at: p.uploaded_at, url: `/admin/job-cards/${j.id}/photos/${p.file_id}` })),
    }
  })
}
