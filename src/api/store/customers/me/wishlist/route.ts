import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CRM_MODULE } from "../../../../../modules/crm"
import type CrmModuleService from "../../../../../modules/crm/service"
import type { AddWishlistItemBodyType, ListWishlistQueryType, RemoveWishlistItemQueryType } from "../../validators"
import { addToWishlistWorkflow, removeFromWishlistWorkflow } from "../../../../../workflows/crm"

/** GET /store/customers/me/wishlist — the signed-in customer's saved pieces, newest first, with product and price fields. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListWishlistQueryType>, res: MedusaResponse) {
  const { limit, offset } = req.validatedQuery as ListWishlistQueryType
  const crm: CrmModuleService = req.scope.resolve(CRM_MODULE)
  const [items, count] = await crm.listAndCountWishlistItems(
    { customer_id: req.auth_context.actor_id },
    { order: { created_at: "DESC" }, take: limit, skip: offset }
  )
  const { data: variants } = items.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "product_variant",
        fields: ["id", "title", "sku", "product.id", "product.title", "product.handle", "product.thumbnail", "jewelry_attributes.breakdown"],
        filters: { id: items.map((i) => i.variant_id) },
      })
    : { data: [] }
  const byId = new Map((variants as { id: string }[]).map((v) => [v.id, v]))
  res.json({
    wishlist: items.map((i) => ({ id: i.id, variant_id: i.variant_id, note: i.note, created_at: i.created_at, variant: byId.get(i.variant_id) ?? null })),
    count,
    limit,
    offset,
  })
}

/** POST /store/customers/me/wishlist {variant_id, note?} — 201 when saved, 200 when it already was. */
export async function POST(req: AuthenticatedMedusaRequest<AddWishlistItemBodyType>, res: MedusaResponse) {
  const { result } = await addToWishlistWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, variant_id: req.validatedBody.variant_id, note: req.validatedBody.note },
  })
  res.status(result.created ? 201 : 200).json({ wishlist_item: result.item })
}

/** DELETE /store/customers/me/wishlist?variant_id= — takes the piece off the wishlist. */
export async function DELETE(req: AuthenticatedMedusaRequest<unknown, RemoveWishlistItemQueryType>, res: MedusaResponse) {
  const { variant_id } = req.validatedQuery as RemoveWishlistItemQueryType
  const { result } = await removeFromWishlistWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, variant_id },
  })
  res.json({ variant_id, object: "wishlist_item", deleted: result > 0 })
}
