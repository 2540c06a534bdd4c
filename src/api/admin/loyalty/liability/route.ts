import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { paiseToAmount } from "../../../../lib/money"
import { LOYALTY_MODULE } from "../../../../modules/loyalty"
import type LoyaltyModuleService from "../../../../modules/loyalty/service"

type Bucket = { points: number; value: number }

/**
 * GET /admin/loyalty/liability — points outstanding and their rupee value at
 * today's point value: in total, by the customer's home branch and by the
 * month they expire (an accountant's figure for the books).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const loyalty: LoyaltyModuleService = req.scope.resolve(LOYALTY_MODULE)
  const [program, lots] = await Promise.all([loyalty.currentProgram(), loyalty.outstandingLots()])
  const customerIds = [...new Set(lots.map((l) => l.customer_id))]
  const { data: customers } = customerIds.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "customer",
        fields: ["id", "customer_profile.home_branch_id"],
        filters: { id: customerIds },
      })
    : { data: [] }
  const branchOf = new Map(
    (customers as { id: string; customer_profile?: { home_branch_id: string | null } | null }[]).map((c) => [c.id, c.customer_profile?.home_branch_id ?? null])
  )
  // Paise per point times whole points stays an integer; rupees only at the end.
  const value = (points: number) => paiseToAmount(points * program.point_value_paise)
  const add = (map: Map<string, number>, key: string, points: number) => map.set(key, (map.get(key) ?? 0) + points)
  const byBranch = new Map<string, number>()
  const byMonth = new Map<string, number>()
  let points = 0
  for (const lot of lots) {
    points += lot.points
    add(byBranch, branchOf.get(lot.customer_id) ?? "none", lot.points)
    add(byMonth, lot.expiry_month ?? "never", lot.points)
  }
  const list = (map: Map<string, number>, key: string) =>
    [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, p]) => ({ [key]: k, points: p, value: value(p) }) as Bucket & Record<string, unknown>)
  res.json({
    point_value: paiseToAmount(program.point_value_paise),
    total: { points, value: value(points) },
    by_branch: list(byBranch, "branch_id"),
    by_expiry_month: list(byMonth, "month"),
  })
}
