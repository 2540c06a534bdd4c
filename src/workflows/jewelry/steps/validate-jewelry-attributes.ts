import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { attributeProblems, isValidTagCode } from "../../../lib/jewelry-attributes"
import { pgArray } from "../../../lib/pg-array"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import type { JewelryAttributesInput } from "../utils/attributes-input"

/**
 * Checks every piece before anything is written: weights add up, purity fits
 * the metal, HUID and tag code are well formed and not taken, the variant
 * exists and has no attributes yet, and a piece's variant holds one article at
 * most. Duplicates and stock are conflicts (409), the rest 400.
 */
export const validateJewelryAttributesStep = createStep(
  "validate-jewelry-attributes",
  // Without variant_id (pieces whose variants are about to be created) the variant checks are skipped.
  async (items: (Omit<JewelryAttributesInput, "variant_id"> & { variant_id?: string })[], { container }) => {
    const problems: string[] = []
    items.forEach((item, i) => {
      const where = items.length > 1 ? `piece ${i + 1} (${item.tag_code}): ` : ""
      for (const problem of attributeProblems({
        ...item,
        stones: item.stones ?? [],
        stone_weight_mg: item.stone_weight_mg ?? 0,
      })) {
        problems.push(where + problem)
      }
      if (!isValidTagCode(item.tag_code)) {
        problems.push(`${where}tag code "${item.tag_code}" must be 3–40 letters, digits or dashes`)
      }
    })
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
    }

    const variantIds = items.map((i) => i.variant_id).filter((id): id is string => !!id)
    if (variantIds.length) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["id", "jewelry_attributes.id"],
        filters: { id: variantIds },
      })
      for (const id of variantIds) {
        const variant = (variants as { id: string; jewelry_attributes?: { id: string } | null }[]).find((v) => v.id === id)
        if (!variant) {
          throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product variant ${id} was not found`)
        }
        if (variant.jewelry_attributes) {
          throw new MedusaError(
            MedusaError.Types.CONFLICT,
            `Variant ${id} already has jewelry attributes (${variant.jewelry_attributes.id})`,
            DOMAIN_CONFLICT
          )
        }
      }
      // One piece per tag (src/lib/piece-stock.ts): a variant that holds several articles is no single piece.
      const pieceVariants = items.filter((i) => i.variant_id && (i.stock_unit ?? "piece") === "piece").map((i) => i.variant_id!)
      const { rows: held } = pieceVariants.length
        ? ((await container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION).raw(
            `select pvi.variant_id, sum(il.stocked_quantity)::int as in_stock
               from product_variant_inventory_item pvi
               join inventory_level il on il.inventory_item_id = pvi.inventory_item_id and il.deleted_at is null
              where pvi.variant_id = any(?::text[]) and pvi.deleted_at is null
              group by pvi.variant_id having sum(il.stocked_quantity) > 1`,
            [pgArray(pieceVariants)]
          )) as { rows: { variant_id: string; in_stock: number }[] })
        : { rows: [] }
      if (held.length) {
        const [first] = held
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Variant ${first.variant_id} holds ${first.in_stock} articles in stock, and a piece is one article: give each its own variant and tag, or mark goods sold by count with stock_unit "count"`,
          DOMAIN_CONFLICT
        )
      }
    }

    const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
    const huids = items.map((i) => i.huid).filter((h): h is string => !!h)
    const tags = items.map((i) => i.tag_code)
    const repeated = [...huids, ...tags].filter((v, i, all) => all.indexOf(v) !== i)
    if (repeated.length) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Repeated within the request: ${[...new Set(repeated)].join(", ")}`, DOMAIN_CONFLICT)
    }
    const taken = [
      ...(huids.length ? await jewelry.listJewelryAttributes({ huid: huids }, { select: ["huid"] }) : []).map((a) => `HUID ${a.huid}`),
      ...(await jewelry.listJewelryAttributes({ tag_code: tags }, { select: ["tag_code"] })).map((a) => `tag ${a.tag_code}`),
    ]
    if (taken.length) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Already used by another piece: ${taken.join(", ")}`, DOMAIN_CONFLICT)
    }
    return new StepResponse(undefined)
  }
)
