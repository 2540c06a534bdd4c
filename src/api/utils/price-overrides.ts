import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules, QueryContext } from "@medusajs/framework/utils"
import { isAllowed, isListedRoute, ruleFor } from "../../lib/access-matrix"
import { formatInr } from "../../lib/money"
import { creditLineAmount, handPricedLines, priceCutPaise, priceFieldsIn, type HandPricedLine } from "../../lib/price-overrides"
import { POS_MODULE } from "../../modules/pos"
import type PosModuleService from "../../modules/pos/service"
import { staffAccess } from "./access"
import { recordAudit } from "./audit"

type AuthedRequest = MedusaRequest & { auth_context?: { actor_id?: string } }

/**
 * Every POST to Medusa's order routes (order edits, draft orders, exchanges,
 * claims, returns, orders) that sets a price or an amount by hand: refused
 * with 403 for a role without `orders: price`, before anything is written;
 * for the others held to their role's "off the bill" limit (what the change
 * takes off the catalogue's or the line's own prices, and a credit line) and,
 * once answered 2xx, audited as "order.price_set" with who, the route and
 * every price asked for.
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
  const { bill_discount_paise: limit } = await req.scope.resolve<PosModuleService>(POS_MODULE).priceLimitsOf(access.role)
  if (limit !== null) {
    const cut = priceCutPaise(await withReferences(req, handPricedLines(rule.path, req.body)), creditLineAmount(rule.path, req.body))
    if (cut > limit) {
      res.status(403).json({
        type: "not_allowed",
        message:
          `This change takes ${formatInr(cut)} off the catalogue's prices (POST ${rule.path}); a ${access.role.replace("_", " ")} may take ${formatInr(limit)} off a bill. ` +
          "Ask the owner to make the change.",
      })
      return
    }
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

/**
 * Each hand-priced line with the price it replaces: a variant's catalogue price in rupees, an order line's own
 * price, or for a line an order edit added, its variant's catalogue price. Unknown ids stay null (the route
 * itself answers for them).
 */
async function withReferences(req: MedusaRequest, lines: HandPricedLine[]): Promise<(HandPricedLine & { reference: number | null })[]> {
  if (!lines.length) {
    return []
  }
  const orders = req.scope.resolve(Modules.ORDER)
  const actionIds = lines.flatMap((l) => (l.action_id ? [l.action_id] : []))
  const actions = actionIds.length ? await orders.listOrderChangeActions({ id: actionIds }, { select: ["id", "details"] }) : []
  const addedItem = new Map(actions.map((a) => [a.id, (a.details as { reference_id?: string } | null)?.reference_id]))
  const itemIds = [...lines.flatMap((l) => (l.item_id ? [l.item_id] : [])), ...[...addedItem.values()].filter((id): id is string => !!id)]
  const items = itemIds.length ? await orders.listOrderLineItems({ id: itemIds }, { select: ["id", "unit_price", "variant_id"] }) : []
  const itemById = new Map(items.map((i) => [i.id, i]))
  const variantOf = (l: HandPricedLine) => l.variant_id ?? (l.action_id ? itemById.get(addedItem.get(l.action_id) ?? "")?.variant_id : undefined) ?? undefined
  const variantIds = [...new Set(lines.map(variantOf).filter((id): id is string => !!id))]
  const { data: variants } = variantIds.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "product_variant",
        fields: ["id", "calculated_price.calculated_amount"],
        filters: { id: variantIds },
        context: { calculated_price: QueryContext({ currency_code: "inr" }) },
      })
    : { data: [] }
  const catalogue = new Map((variants as { id: string; calculated_price?: { calculated_amount: number | null } | null }[]).map((v) => [v.id, v.calculated_price?.calculated_amount ?? null]))
  return lines.map((l) => {
    const own = l.item_id ? itemById.get(l.item_id) : undefined
    const variant = variantOf(l)
    const reference = own ? Number(own.unit_price) : variant ? catalogue.get(variant) ?? null : null
    return { ...l, reference: reference === null || Number.isNaN(reference) ? null : Number(reference) }
  })
}
