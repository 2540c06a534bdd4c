import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { attributeProblems, isValidTagCode } from "../../../lib/jewelry-attributes"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import type { JewelryAttributesInput } from "../utils/attributes-input"

/**
 * Checks every piece before anything is written: weights add up, purity fits
 * the metal, HUID and tag code are well formed and not taken, the variant
 * exists and has no attributes yet. Duplicates are conflicts (409), the rest 400.
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
