import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { z } from "@medusajs/framework/zod"
import { paidOrderSql } from "../../lib/paid-orders"
import type { CertificateRecord } from "../../workflows/jewelry"
import { sendPrivateFile } from "./files"

export const CertificateFields = z
  .object({
    /** The lab that issued it: IGI, GIA, SGL, … */
    lab: z.string().trim().max(60).optional(),
    /** The certificate's number, as printed on it. */
    number: z.string().trim().max(60).optional(),
  })
  .strict()
export type CertificateFieldsType = z.infer<typeof CertificateFields>

/** A variant's certificate record and tag, or 404 saying what is missing. */
export async function certificateOf(scope: MedusaContainer, variantId: string): Promise<{ certificate: CertificateRecord; tag_code: string }> {
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant",
    fields: ["id", "jewelry_attributes.tag_code", "jewelry_attributes.certificate"],
    filters: { id: variantId },
  })
  const attributes = (data[0] as { jewelry_attributes?: { tag_code: string; certificate: CertificateRecord | null } | null } | undefined)?.jewelry_attributes
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

export async function sendCertificate(req: MedusaRequest, res: MedusaResponse, { certificate, tag_code }: Awaited<ReturnType<typeof certificateOf>>) {
  const extension = certificate.mime_type === "application/pdf" ? "pdf" : certificate.mime_type === "image/png" ? "png" : "jpg"
  await sendPrivateFile(
    req,
    res,
    { file_id: certificate.file_id, content_type: certificate.mime_type, filename: `certificate-${tag_code}.${extension}` },
    (reason) => `The certificate of ${tag_code} cannot be fetched now (${reason}); try again shortly`
  )
}
