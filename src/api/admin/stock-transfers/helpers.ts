import type { MedusaContainer } from "@medusajs/framework/types"
import { challanKind } from "../../../lib/stock-transfer"
import { STOCK_TRANSFER_MODULE } from "../../../modules/stock-transfer"
import type StockTransferModuleService from "../../../modules/stock-transfer/service"
import type { TransferLineRow, TransferRow } from "../../../modules/stock-transfer/service"
import type { StockTransferLineView, StockTransferView } from "../../../types/http"
import { branchDirectory, staffRef as staff, userNames, type BranchEntry } from "../../utils/directory"

/** Transfers as the routes answer them: branches and staff named, figures live while in transit. */
export async function transferViews(scope: MedusaContainer, transfers: TransferRow[], directory?: BranchEntry[]): Promise<StockTransferView[]> {
  if (!transfers.length) {
    return []
  }
  const service = scope.resolve<StockTransferModuleService>(STOCK_TRANSFER_MODULE)
  const branches = directory ?? (await branchDirectory(scope))
  const [summaries, values, names] = await Promise.all([
    service.summaries(transfers.map((t) => t.id)),
    service.sentValues(transfers.map((t) => t.id)),
    userNames(scope, transfers.flatMap((t) => [t.dispatched_by, t.received_by, t.cancelled_by])),
  ])
  const branch = (id: string) => branches.find((b) => b.id === id) ?? { id, code: "", name: id, state_code: "" }
  return transfers.map((t) => {
    const from = branch(t.from_branch_id)
    const to = branch(t.to_branch_id)
    return {
      id: t.id,
      number: t.number,
      status: t.status,
      from_branch: { id: from.id, code: from.code, name: from.name },
      to_branch: { id: to.id, code: to.code, name: to.name },
      challan_kind: challanKind(from.state_code, to.state_code),
      carrier: t.carrier,
      note: t.note,
      dispatched_by: staff(names, t.dispatched_by),
      dispatched_at: t.dispatched_at,
      received_by: staff(names, t.received_by),
      received_at: t.received_at,
      cancelled_by: staff(names, t.cancelled_by),
      cancelled_at: t.cancelled_at,
      summary: t.status === "in_transit" || !t.summary ? summaries.get(t.id)! : t.summary,
      value_paise: values.get(t.id) ?? 0,
    }
  })
}

/** Transfer lines with who scanned each named. */
export async function transferLineViews(scope: MedusaContainer, lines: TransferLineRow[], names?: Map<string, string>): Promise<StockTransferLineView[]> {
  const known = names ?? (await userNames(scope, lines.map((l) => l.scanned_by)))
  return lines.map((l) => ({
    id: l.id,
    tag_code: l.tag_code,
    variant_id: l.variant_id,
    description: l.description,
    huid: l.huid,
    net_weight_mg: l.net_weight_mg,
    quantity: l.quantity,
    value_paise: l.value_paise,
    result: l.result,
    scanned_at: l.scanned_at,
    scanned_by: staff(known, l.scanned_by),
  }))
}
