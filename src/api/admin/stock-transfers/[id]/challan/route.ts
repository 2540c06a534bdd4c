import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { renderDeliveryChallanPdf } from "../../../../../lib/delivery-challan-pdf"
import { sellerOf } from "../../../../../lib/invoice"
import { challanKind } from "../../../../../lib/stock-transfer"
import { documentFileName } from "../../../../../lib/tax-documents"
import { BRANCH_MODULE } from "../../../../../modules/branch"
import type BranchModuleService from "../../../../../modules/branch/service"
import { STOCK_TRANSFER_MODULE } from "../../../../../modules/stock-transfer"
import type StockTransferModuleService from "../../../../../modules/stock-transfer/service"

/**
 * GET /admin/stock-transfers/:id/challan — the delivery challan that travels with the pieces (A4 PDF): both
 * branches with their GST registrations, the carrier and every piece sent with its value; between states with
 * each piece's IGST (docs/counter.md, "Stock transfers").
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service: StockTransferModuleService = req.scope.resolve(STOCK_TRANSFER_MODULE)
  const transfer = await service.transferById(req.params.id)
  const lines = (await service.listLines(transfer.id, ["in_transit", "received", "short"])).sort((a, b) => a.tag_code.localeCompare(b.tag_code))
  const branches = await req.scope.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: [transfer.from_branch_id, transfer.to_branch_id] })
  const from = branches.find((b) => b.id === transfer.from_branch_id)!
  const to = branches.find((b) => b.id === transfer.to_branch_id)!
  const [store] = await req.scope.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 })
  const shopName = process.env.SHOP_NAME ?? store?.name ?? from.name
  const pdf = await renderDeliveryChallanPdf({
    number: transfer.number,
    dispatched_at: transfer.dispatched_at,
    kind: challanKind(from.state_code, to.state_code),
    from: sellerOf(from, shopName),
    to: sellerOf(to, shopName),
    carrier: transfer.carrier,
    note: transfer.note,
    pieces: lines,
  })
  res.setHeader("content-type", "application/pdf")
  res.setHeader("content-disposition", `inline; filename="${documentFileName(transfer.number)}"`)
  res.setHeader("cache-control", "private, no-store")
  res.send(pdf)
}
