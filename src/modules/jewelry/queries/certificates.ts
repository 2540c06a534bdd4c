import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { paidOrderSql } from "../../../lib/paid-orders"

/** What a piece's stored certificate record says about its file (the attributes' `certificate` column). */
export type StoredCertificate = { file_id: string; mime_type: string; filename?: string; lab?: string | null; number?: string | null }

/** A variant's certificate record and tag, or 404 saying what is missing. */
export async function certificateOf(scope: MedusaContainer, variantId: string): Promise<{ certificate: StoredCertificate; tag_code: string }> {
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant",
    fields: ["id", "jewelry_attributes.tag_code", "jewelry_attributes.certificate"],
    filters: { id: variantId },
  })
  const attributes = (data[0] as { jewelry_attributes?: { tag_code: string; certificate: StoredCertificate | null } | null } | undefined)?.jewelry_attributes
  if (!attributes?.certificate?.file_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant "${variantId}" has no certificate`)
  }
  return { certificate: attributes.certificate, tag_code: attributes.tag_code }
}

/**
 * Whether a customer bought this variant: a paid order of theirs has a line
 * of it (an order awaiting its payment unlocks nothing; docs/security.md,
 * "Value only for paid orders").
 */
export async function hasBought(scope: MedusaContainer, customerId: string, variantId: string): Promise<boolean> {
  const knex: Knex = scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await knex.raw(
    `select 1 from "order" o
       join order_item oi on oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null
       join order_line_item li on li.id = oi.item_id and li.deleted_at is null
      where o.customer_id = ? and li.variant_id = ? and o.deleted_at is null and ${paidOrderSql("o")}
      limit 1`,
    [customerId, variantId]
  )) as { rows: unknown[] }
  return rows.length > 0
}
