import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { presentBreakdown } from "../../../../../lib/pricing/present"
import { APPROVAL_MEMO_MODULE } from "../../../../../modules/approval-memo"
import type ApprovalMemoModuleService from "../../../../../modules/approval-memo/service"
import { STOCK_TRANSFER_MODULE } from "../../../../../modules/stock-transfer"
import type StockTransferModuleService from "../../../../../modules/stock-transfer/service"

type Level = { location_id: string; stocked_quantity: number; reserved_quantity: number; available_quantity: number }

/**
 * GET /admin/jewelry/tags/:code: barcode lookup at the counter. The piece,
 * its product, stock per branch, where it is out of every branch's stock
 * (travelling between branches, with a customer on approval) and its
 * current price breakdown.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const code = req.params.code.trim()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "jewelry_attributes",
    fields: [
      "*",
      "product_variant.id",
      "product_variant.sku",
      "product_variant.title",
      "product_variant.product.id",
      "product_variant.product.title",
      "product_variant.product.handle",
      "product_variant.inventory_items.inventory.location_levels.*",
    ],
    filters: { tag_code: [code, code.toUpperCase()] },
  })
  const piece = data[0] as Record<string, unknown> & {
    product_variant?: {
      id: string
      sku: string
      title: string
      product: { id: string; title: string; handle: string }
      inventory_items?: { inventory?: { location_levels?: Level[] } }[]
    }
    breakdown?: Parameters<typeof presentBreakdown>[0] | null
    priced_at?: Date | null
  }
  if (!piece) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No piece with tag code "${code}"`)
  }
  const { data: branches } = await query.graph({ entity: "branch", fields: ["id", "code", "name", "stock_location.id"] })
  const levels = piece.product_variant?.inventory_items?.flatMap((i) => i.inventory?.location_levels ?? []) ?? []
  const stock = (branches as { id: string; code: string; name: string; stock_location?: { id: string } }[])
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((branch) => {
    const level = levels.find((l) => l.location_id === branch.stock_location?.id)
    return {
      branch_id: branch.id,
      branch_code: branch.code,
      branch_name: branch.name,
      stocked: level?.stocked_quantity ?? 0,
      reserved: level?.reserved_quantity ?? 0,
      available: level?.available_quantity ?? 0,
    }
  })
  const name = (id: string) => (branches as { id: string; name: string }[]).find((b) => b.id === id)?.name ?? id
  const variantId = piece.product_variant?.id
  const [travelling, onApproval] = variantId
    ? await Promise.all([
        req.scope.resolve<StockTransferModuleService>(STOCK_TRANSFER_MODULE).inTransit(variantId),
        req.scope.resolve<ApprovalMemoModuleService>(APPROVAL_MEMO_MODULE).outOnApproval(variantId),
      ])
    : [[], []]
  const { product_variant: variant, breakdown, ...attributes } = piece
  res.json({
    piece: attributes,
    variant: variant ? { id: variant.id, sku: variant.sku, title: variant.title } : null,
    product: variant?.product ?? null,
    stock,
    in_transit: travelling.map((t) => ({ ...t, from_branch_name: name(t.from_branch_id), to_branch_name: name(t.to_branch_id) })),
    on_approval: onApproval.map((m) => ({ ...m, branch_name: name(m.branch_id) })),
    breakdown: breakdown ? presentBreakdown(breakdown, piece.priced_at ?? null) : null,
  })
}
