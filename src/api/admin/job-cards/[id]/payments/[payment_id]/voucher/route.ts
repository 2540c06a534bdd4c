import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { sellerOf } from "../../../../../../../lib/invoice"
import { renderJobVoucherPdf } from "../../../../../../../lib/job-voucher-pdf"
import { documentFileName } from "../../../../../../../lib/tax-documents"
import { BRANCH_MODULE } from "../../../../../../../modules/branch"
import type BranchModuleService from "../../../../../../../modules/branch/service"
import { WORKSHOP_MODULE } from "../../../../../../../modules/workshop"
import type WorkshopModuleService from "../../../../../../../modules/workshop/service"
import { customerContacts } from "../../../../../../utils/directory"

/**
 * GET /admin/job-cards/:id/payments/:payment_id/voucher — the receipt voucher of an advance, or the refund voucher
 * of money handed back (A5 PDF). A balance is on the job's tax invoice instead (404 here).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const workshop = req.scope.resolve<WorkshopModuleService>(WORKSHOP_MODULE)
  const job = await workshop.jobById(req.params.id)
  const payment = (await workshop.paymentsOf([job.id])).find((p) => p.id === req.params.payment_id)
  if (!payment || payment.kind === "balance" || !payment.number) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Job ${job.number} has no voucher "${req.params.payment_id}"${payment ? "; a balance is on the job's tax invoice" : ""}`)
  }
  const [customers, [branch], [store]] = await Promise.all([
    customerContacts(req.scope, [job.customer_id]),
    req.scope.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: job.branch_id }, { take: 1 }),
    req.scope.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 }),
  ])
  const pdf = await renderJobVoucherPdf({
    kind: payment.kind,
    number: payment.number,
    paid_at: payment.paid_at,
    shop: sellerOf(branch, process.env.SHOP_NAME ?? store?.name ?? branch.name),
    customer: customers.get(job.customer_id)!,
    job: { number: job.number, article: job.article, work: job.work },
    amount_paise: payment.amount_paise,
    tender: payment.tender,
    reference: payment.reference,
  })
  res.setHeader("content-type", "application/pdf")
  res.setHeader("content-disposition", `inline; filename="${documentFileName(payment.number)}"`)
  res.setHeader("cache-control", "private, no-store")
  res.send(pdf)
}
