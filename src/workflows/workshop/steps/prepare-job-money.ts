import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { GST_STATE_CODES } from "../../../lib/gstin"
import { buildJobInvoice, sellerOf, type Tender } from "../../../lib/invoice"
import { TENDER_LABELS } from "../../../lib/pos"
import { balanceTendersProblem, jobBill, jobCashProblem, jobCharges, jobGstRate, jobStepProblem, JOB_SERVICE_SAC, netPaid, refundsFor, weightOutProblem, type JobTender } from "../../../lib/workshop"
import { BRANCH_MODULE } from "../../../modules/branch"
import type BranchModuleService from "../../../modules/branch/service"
import type { IssueDocumentInput } from "../../../modules/invoicing/service"
import { WORKSHOP_MODULE } from "../../../modules/workshop"
import type WorkshopModuleService from "../../../modules/workshop/service"
import type { MoveJobInput, SettleJobInput } from "../../../modules/workshop/service"

/** What a closing step says of the money: the work's charges and the customer's GSTIN at delivery, and the balance as tendered. */
export type JobMoneyInput = MoveJobInput & {
  branch_code: string
  charges_paise?: number | null
  customer_gstin?: string | null
  tenders?: { tender: JobTender; amount_paise: number; reference?: string | null }[]
}

export type PreparedJobMoney = { settle: SettleJobInput | null; issue: IssueDocumentInput | null }

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * For a job that is delivered or cancelled: the bill (the charges, the estimate unless the counter says otherwise,
 * at the job's SAC and rate), the balance the tenders must meet exactly, what goes back to the customer, and the tax
 * invoice to issue. Reads only; any other step needs nothing.
 */
export const prepareJobMoneyStep = createStep("prepare-job-money", async (input: JobMoneyInput, { container }) => {
  const none: PreparedJobMoney = { settle: null, issue: null }
  if (input.to !== "delivered" && input.to !== "cancelled") {
    if (input.tenders?.length || (input.charges_paise ?? null) !== null || input.customer_gstin) {
      throw invalid("charges, tenders and gstin are given when a job is delivered")
    }
    return new StepResponse(none)
  }
  const workshop = container.resolve<WorkshopModuleService>(WORKSHOP_MODULE)
  const job = await workshop.jobById(input.id)
  const weighed = input.net_weight_out_mg ?? null
  if (jobStepProblem(job.status, input.to) || (input.to === "delivered" && (weighed === null || weightOutProblem(job, weighed)))) {
    // The move itself refuses it, with the job's number and the figures; nothing to prepare.
    return new StepResponse(none)
  }
  const payments = await workshop.paymentsOf([job.id])
  const paid = netPaid(payments)
  const base = { job_id: job.id, branch_code: input.branch_code, paid_paise: paid, user_id: input.user_id }
  if (input.to === "cancelled") {
    if (input.tenders?.length || (input.charges_paise ?? null) !== null || input.customer_gstin) {
      throw invalid("A cancelled job is not billed: give no charges, tenders or gstin; its advances go back the way they came")
    }
    return new StepResponse<PreparedJobMoney>({ settle: paid > 0 ? { ...base, charges_paise: null, customer_gstin: null, balance: [], refunds: refundsFor(payments, paid) } : null, issue: null })
  }
  const { charges, problem: noCharges } = jobCharges(job, input.charges_paise)
  if (noCharges !== null) {
    throw invalid(noCharges)
  }
  const gstin = input.customer_gstin ?? null
  const bill = jobBill(charges, jobGstRate(gstin), paid)
  const tenders = input.tenders ?? []
  const problem = balanceTendersProblem(bill, tenders.reduce((s, t) => s + t.amount_paise, 0))
  if (problem) {
    throw invalid(`Job ${job.number}: ${problem}`)
  }
  const cashProblem = jobCashProblem(netPaid(payments.filter((p) => p.tender === "cash")) + tenders.filter((t) => t.tender === "cash").reduce((s, t) => s + t.amount_paise, 0))
  if (cashProblem) {
    throw invalid(`Job ${job.number}: ${cashProblem}`)
  }
  const balance = tenders.map((t) => ({ tender: t.tender, amount_paise: t.amount_paise, reference: t.reference ?? null }))
  const settle: SettleJobInput = { ...base, charges_paise: charges, customer_gstin: gstin, balance, refunds: bill.balance_paise < 0 ? refundsFor(payments, -bill.balance_paise) : [] }
  if (charges === 0) {
    return new StepResponse<PreparedJobMoney>({ settle, issue: null })
  }

  const [[branch], [store], { data: customers }] = await Promise.all([
    container.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: job.branch_id }, { take: 1 }),
    container.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 }),
    container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "customer", fields: ["id", "first_name", "last_name", "email", "phone"], filters: { id: job.customer_id } }),
  ])
  const customer = customers[0] as { first_name: string | null; last_name: string | null; email: string | null; phone: string | null } | undefined
  const seller = sellerOf(branch, process.env.SHOP_NAME ?? store?.name ?? branch.name)
  const buyerState = gstin ? gstin.slice(0, 2) : null
  const paidBy: Tender[] = [
    ...payments.filter((p) => p.kind === "advance").map((p) => ({ label: `Advance, ${TENDER_LABELS[p.tender]} (receipt ${p.number})`, amount: p.amount_paise, reference: p.reference, status: "received" })),
    ...balance.map((t) => ({ label: `Balance, ${TENDER_LABELS[t.tender]}`, amount: t.amount_paise, reference: t.reference, status: "received" })),
    ...settle.refunds.map((r) => ({ label: `Refunded, ${TENDER_LABELS[r.tender]}`, amount: -r.amount_paise, reference: null, status: "refunded" })),
  ]
  const body = buildJobInvoice({
    job: { id: job.id, number: job.number, received_at: new Date(job.received_at).toISOString(), description: `${job.kind === "repair" ? "Repair" : "Making"}: ${job.article} — ${job.work}` },
    seller,
    buyer: {
      name: [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || customer?.email || "Walk-in customer",
      address_lines: [],
      gstin,
      state_code: buyerState,
      state_name: buyerState ? GST_STATE_CODES[buyerState] ?? null : null,
      phone: customer?.phone ?? null,
      email: customer?.email ?? null,
    },
    place_of_supply: { state_code: branch.state_code, state_name: branch.state_name, basis: "counter", note: null },
    charges_paise: charges,
    sac: JOB_SERVICE_SAC,
    gst_rate: bill.gst_rate,
    tenders: paidBy,
  })
  const issue: IssueDocumentInput = { type: "invoice", branch_id: job.branch_id, branch_code: input.branch_code, order_id: job.id, customer_id: job.customer_id, body }
  return new StepResponse<PreparedJobMoney>({ settle, issue })
})
