import type { MedusaRequest } from "@medusajs/framework/http"
import type { PriceLimits } from "../../lib/price-controls"
import { POS_MODULE } from "../../modules/pos"
import type PosModuleService from "../../modules/pos/service"
import { staffAccess } from "./access"

/** The signed-in user's discount limits, by their role (never from the request). */
export async function sellerLimits(req: MedusaRequest): Promise<PriceLimits> {
  const { role } = await staffAccess(req)
  return req.scope.resolve<PosModuleService>(POS_MODULE).priceLimitsOf(role)
}
