import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isAllowed, isListedRoute, ruleFor } from "../../lib/access-matrix"
import { priceFieldsIn } from "../../lib/price-overrides"
import { staffAccess } from "./access"
import { recordAudit } from "./audit"

type AuthedRequest = MedusaRequest & { auth_context?: { actor_id?: string } }

/**
 * Every POST to Medusa's order routes (order edits, draft orders, exchanges,
 * claims, returns, orders) that sets a price or an amount by hand: refused
 * with 403 for a role without `orders: price`, before anything is written;
 * for the others let through and, once answered 2xx, audited as
 * "order.price_set" with who, the route and every price asked for.
 */
export async function guardPriceOverrides(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "POST" || !(req as AuthedRequest).auth_context?.actor_id) {
    return next()
  }
  const path = `${req.baseUrl ?? ""}${req.path}`
  const rule = ruleFor(req.method, path)
  // The shop's own order routes (invoices, credit notes, counter sales) price on the server.
  if (rule.resource !== "orders" || isListedRoute(rule.method, rule.path)) {
    return next()
  }
  const prices = priceFieldsIn(req.body)
  if (!prices.length) {
    return next()
  }
  const access = await staffAccess(req)
  if (!isAllowed(access.role, "orders", "price")) {
    res.status(403).json({
      type: "not_allowed",
      message:
        `A ${access.role.replace("_", " ")} may not set a price by hand (${prices.map((p) => p.path).join(", ")} in POST ${rule.path}). ` +
        "Leave the price out to charge the catalogue's, or ask a branch manager to make the change.",
    })
    return
  }
  res.on("finish", () => {
    if (res.statusCode < 200 || res.statusCode >= 300) {
      return
    }
    // A core route's rule carries its path as Express routes it (src/lib/request-path.ts).
    const [, , area, id] = rule.path.split("/")
    recordAudit(req.scope, req, {
      action: "order.price_set",
      entity: area.toLowerCase().replace(/-/g, "_").replace(/s$/, ""),
      entity_id: id ?? "new",
      metadata: { route: `POST ${rule.path}`, prices: prices.map(({ path: at, value }) => ({ at, value })), role: access.role },
    }).catch((e: Error) => req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Price set on ${path} not audited: ${e.message}`))
  })
  next()
}
