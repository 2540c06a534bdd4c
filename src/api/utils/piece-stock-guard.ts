import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { DOMAIN_CONFLICT } from "../../lib/errors"
import { VARIANT_JEWELRY_LINK_TABLE } from "../../lib/link-tables"
import { pgArray } from "../../lib/pg-array"
import { pieceLevelProblem, type PieceLevel } from "../../lib/piece-stock"

type LevelChange = { inventory_item_id?: unknown; location_id?: unknown; stocked_quantity?: unknown }
type PieceItem = { inventory_item_id: string; tag_code: string }

function db(req: MedusaRequest): Knex {
  return req.scope.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
}

/** The pieces (stock_unit "piece") among these inventory items, by their tag. */
async function piecesOfItems(req: MedusaRequest, itemIds: string[]): Promise<PieceItem[]> {
  if (!itemIds.length) {
    return []
  }
  const { rows } = (await db(req).raw(
    `select pvi.inventory_item_id, ja.tag_code
       from product_variant_inventory_item pvi
       join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.product_variant_id = pvi.variant_id and vj.deleted_at is null
       join jewelry_attributes ja on ja.id = vj.jewelry_attributes_id and ja.deleted_at is null
      where pvi.inventory_item_id = any(?::text[]) and pvi.deleted_at is null and ja.stock_unit = 'piece'`,
    [pgArray(itemIds)]
  )) as { rows: PieceItem[] }
  return rows
}

/**
 * Medusa's own stock-level routes (set, create, batch) on a piece: lowering is allowed, raising is not
 * (src/lib/piece-stock.ts, pieceLevelProblem). Goods sold by count and items that are no piece pass through.
 * The body is read as Medusa's validators will take it: a change without a numeric count changes no count.
 */
export async function guardPieceStockLevels(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as LevelChange & { create?: unknown; update?: unknown }
  const itemId = typeof req.params.id === "string" ? req.params.id : undefined
  const routeLocation = req.params.location_id && req.params.location_id !== "batch" ? req.params.location_id : undefined
  const listed = [...(Array.isArray(body.create) ? body.create : []), ...(Array.isArray(body.update) ? body.update : [])] as LevelChange[]
  // A batch lists its changes; the one-level routes are one change, its location in the path or the body. The
  // routes under one item name it in the path, the shop-wide batch on each change.
  const asked = listed.length ? listed : [{ ...body, location_id: routeLocation ?? body.location_id }]
  const changes = asked
    .map((c) => (itemId ? { ...c, inventory_item_id: itemId } : c))
    .filter((c) => c && typeof c.inventory_item_id === "string" && typeof c.location_id === "string" && typeof c.stocked_quantity === "number")
    .map((c) => ({ inventory_item_id: c.inventory_item_id as string, location_id: c.location_id as string, stocked_quantity: c.stocked_quantity as number }))
  const pieces = await piecesOfItems(req, [...new Set(changes.map((c) => c.inventory_item_id))])
  if (!pieces.length) {
    return next()
  }
  const { rows: levels } = (await db(req).raw(
    `select inventory_item_id, location_id, stocked_quantity::int as stocked_quantity
       from inventory_level where inventory_item_id = any(?::text[]) and deleted_at is null`,
    [pgArray(pieces.map((p) => p.inventory_item_id))]
  )) as { rows: (PieceLevel & { inventory_item_id: string })[] }
  // The places a message may name: where the pieces are, and where the request would put them.
  const { rows: places } = (await db(req).raw(`select id, name from stock_location where id = any(?::text[])`, [
    pgArray([...new Set([...levels, ...changes].map((l) => l.location_id))]),
  ])) as { rows: { id: string; name: string }[] }
  const names = new Map(places.map((p) => [p.id, p.name]))
  for (const piece of pieces) {
    const problem = pieceLevelProblem(
      piece.tag_code,
      levels.filter((l) => l.inventory_item_id === piece.inventory_item_id),
      changes.filter((c) => c.inventory_item_id === piece.inventory_item_id),
      (id) => names.get(id) ?? id
    )
    if (problem) {
      throw new MedusaError(MedusaError.Types.CONFLICT, problem, DOMAIN_CONFLICT)
    }
  }
  next()
}

/**
 * Medusa's routes that tie inventory items to variants: a piece's stock is its one inventory item, needed
 * once, so its links are not changed there (a kit of several items is for goods that are no piece).
 */
export async function guardPieceInventoryLinks(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { create?: unknown; update?: unknown; delete?: unknown }
  const named = [req.params.variant_id, ...[body.create, body.update, body.delete].flatMap((list) => (Array.isArray(list) ? list.map((l) => (l as { variant_id?: unknown })?.variant_id) : []))]
  const variantIds = [...new Set(named.filter((id): id is string => typeof id === "string"))]
  if (!variantIds.length) {
    return next()
  }
  const { rows } = (await db(req).raw(
    `select ja.tag_code from ${VARIANT_JEWELRY_LINK_TABLE} vj
       join jewelry_attributes ja on ja.id = vj.jewelry_attributes_id and ja.deleted_at is null
      where vj.product_variant_id = any(?::text[]) and vj.deleted_at is null and ja.stock_unit = 'piece'`,
    [pgArray(variantIds)]
  )) as { rows: { tag_code: string }[] }
  if (rows.length) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `${rows.map((r) => r.tag_code).join(", ")} ${rows.length > 1 ? "are pieces" : "is a piece"}: one article with one inventory item, so its inventory items are not changed here`,
      DOMAIN_CONFLICT
    )
  }
  next()
}
