import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { drawTagLabels } from "../../../../lib/tag-labels-pdf"
import { labelStock, type LabelPiece } from "../../../../lib/tag-labels"
import { MAX_LABELS, type TagLabelsBodyType } from "../validators"

type PieceRow = LabelPiece & { breakdown: { taxable_value?: number } | null }

const FIELDS = ["tag_code", "metal", "purity", "gross_weight_mg", "net_weight_mg", "stone_weight_mg", "huid", "breakdown"]

/**
 * POST /admin/jewelry/labels: the tag labels of pieces as a PDF to print —
 * by `tag_codes` (in the order given) or every piece of `product_id` — on a
 * label stock (docs/counter.md, "Tag labels"). Unknown tags are named in a 400.
 */
export async function POST(req: MedusaRequest<TagLabelsBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  if (!body.tag_codes === !body.product_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Give either tag_codes (the pieces to label) or product_id (every piece of a product)")
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  let pieces: PieceRow[]
  if (body.tag_codes) {
    const wanted = [...new Set(body.tag_codes.map((c) => c.toUpperCase()))]
    const { data } = await query.graph({ entity: "jewelry_attributes", fields: FIELDS, filters: { tag_code: [...new Set([...wanted, ...body.tag_codes])] } })
    const byTag = new Map((data as unknown as PieceRow[]).map((p) => [p.tag_code.toUpperCase(), p]))
    const unknown = wanted.filter((c) => !byTag.has(c))
    if (unknown.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `No piece with tag code${unknown.length > 1 ? "s" : ""} ${unknown.slice(0, 10).join(", ")}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ""}`)
    }
    pieces = wanted.map((c) => byTag.get(c)!)
  } else {
    const { data: products } = await query.graph({ entity: "product", fields: ["id", "variants.id"], filters: { id: body.product_id } })
    const product = products[0] as { id: string; variants?: { id: string }[] } | undefined
    if (!product) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id "${body.product_id}" was not found`)
    }
    const { data } = await query.graph({ entity: "product_variant", fields: FIELDS.map((f) => `jewelry_attributes.${f}`), filters: { id: (product.variants ?? []).map((v) => v.id) } })
    pieces = (data as { jewelry_attributes?: PieceRow | null }[]).map((v) => v.jewelry_attributes).filter((p): p is PieceRow => !!p).sort((a, b) => a.tag_code.localeCompare(b.tag_code))
    if (!pieces.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Product ${body.product_id} has no pieces with jewellery attributes to label`)
    }
  }
  const count = pieces.length * body.copies
  if (count > MAX_LABELS) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${count} labels asked for (${pieces.length} pieces × ${body.copies} copies); at most ${MAX_LABELS} a request`)
  }
  const pdf = await drawTagLabels(
    pieces.map((p) => ({ ...p, price_paise: p.breakdown?.taxable_value ?? null })),
    { stock: labelStock(body.stock), barcode: body.barcode, copies: body.copies, price: body.price, skip: body.skip }
  )
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="tag-labels_${body.stock}_${count}.pdf"`)
  res.setHeader("X-Label-Count", String(count))
  res.end(pdf)
}
