import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { defineCustomer360Section } from ".."
import { CRM_MODULE } from "../../modules/crm"
import type CrmModuleService from "../../modules/crm/service"

/** What the customer saved for later, newest first, with the piece's product title. */
export default defineCustomer360Section({
  id: "wishlist",
  title: "Wishlist",
  rank: 50,
  async load({ container, customer_id }) {
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    const { items, count } = await crm.wishlistOf(customer_id, 5)
    const { data: variants } = items.length
      ? await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "product_variant",
          fields: ["id", "title", "sku", "product.title"],
          filters: { id: items.map((i) => i.variant_id) },
        })
      : { data: [] }
    const byId = new Map((variants as { id: string; title: string; sku: string | null; product?: { title: string } }[]).map((v) => [v.id, v]))
    return {
      count,
      items: items.map((i) => ({
        id: i.id,
        variant_id: i.variant_id,
        title: byId.get(i.variant_id)?.product?.title ?? null,
        variant_title: byId.get(i.variant_id)?.title ?? null,
        sku: byId.get(i.variant_id)?.sku ?? null,
        note: i.note,
        added_at: i.created_at,
      })),
    }
  },
})
