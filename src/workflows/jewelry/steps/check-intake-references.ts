import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { chooseDesignProduct, designHandle, existingDesignProblem } from "../../../lib/design-products"
import { VARIANT_JEWELRY_LINK_TABLE } from "../../../lib/link-tables"
import { pgArray } from "../../../lib/pg-array"
import type { IntakeError, IntakePiece } from "../../../lib/stock-intake"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"

/** The catalogue's product for a design, which a piece of that design joins: its id and its options. */
export type DesignProductRef = { product_id: string; options: { id: string; title: string }[] }

export type CheckedPiece = IntakePiece & { category_id: string; location_id: string; design_product?: DesignProductRef }

type FoundDesignProduct = DesignProductRef & { title: string; category_handles: string[] }

/**
 * The products already holding pieces of these designs, one a design (design-products.ts,
 * chooseDesignProduct), with their options and categories.
 */
async function findDesignProducts(container: MedusaContainer, codes: string[]): Promise<Map<string, FoundDesignProduct>> {
  const found = new Map<string, FoundDesignProduct>()
  if (!codes.length) {
    return found
  }
  const { rows } = (await container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION).raw(
    `select upper(ja.design_code) as design_code, v.product_id, p.created_at, count(*)::int as pieces
       from jewelry_attributes ja
       join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.jewelry_attributes_id = ja.id and vj.deleted_at is null
       join product_variant v on v.id = vj.product_variant_id and v.deleted_at is null
       join product p on p.id = v.product_id and p.deleted_at is null
      where ja.deleted_at is null and upper(ja.design_code) = any(?::text[])
      group by 1, 2, 3`,
    [pgArray(codes)]
  )) as { rows: { design_code: string; product_id: string; created_at: Date; pieces: number }[] }
  const chosen = codes
    .map((code) => [code, chooseDesignProduct(rows.filter((r) => r.design_code === code))] as const)
    .filter((entry): entry is readonly [string, (typeof rows)[number]] => !!entry[1])
  if (!chosen.length) {
    return found
  }
  const products = await container
    .resolve(Modules.PRODUCT)
    .listProducts({ id: [...new Set(chosen.map(([, r]) => r.product_id))] }, { relations: ["options", "categories"] })
  for (const [code, row] of chosen) {
    const product = products.find((p) => p.id === row.product_id)
    if (product) {
      found.set(code, {
        product_id: product.id,
        title: product.title,
        options: (product.options ?? []).map((o) => ({ id: o.id, title: o.title })),
        category_handles: (product.categories ?? []).map((c) => c.handle),
      })
    }
  }
  return found
}

/**
 * Categories and branches must exist; tags and HUIDs must be new to the shop; a piece of a design already
 * in the catalogue must fit that design's product, and a new design's product handle must be free. Reads only.
 */
export async function checkIntakeReferences(container: MedusaContainer, pieces: IntakePiece[]): Promise<{ valid: CheckedPiece[]; errors: IntakeError[] }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const categories = await container
    .resolve(Modules.PRODUCT)
    .listProductCategories({ handle: [...new Set(pieces.map((p) => p.category))] }, { select: ["id", "handle"] })
  const { data: branches } = await query.graph({
    entity: "branch",
    fields: ["code", "stock_location.id"],
    filters: { code: [...new Set(pieces.map((p) => p.branch))] },
  })
  const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
  const tags = pieces.map((p) => p.tag_code)
  const huids = pieces.map((p) => p.huid).filter((h): h is string => !!h)
  const takenTags = new Set((tags.length ? await jewelry.listJewelryAttributes({ tag_code: tags }, { select: ["tag_code"] }) : []).map((a) => a.tag_code))
  const takenHuids = new Set(
    (huids.length ? await jewelry.listJewelryAttributes({ huid: huids }, { select: ["huid"] }) : []).map((a) => a.huid)
  )
  const designCodes = [...new Set(pieces.map((p) => p.design_code).filter((c): c is string => !!c))]
  const designProducts = await findDesignProducts(container, designCodes)
  const newDesignHandles = designCodes.filter((c) => !designProducts.has(c)).map(designHandle)
  const takenHandles = new Set(
    (newDesignHandles.length ? await container.resolve(Modules.PRODUCT).listProducts({ handle: newDesignHandles }, { select: ["handle"] }) : []).map(
      (p) => p.handle
    )
  )
  const valid: CheckedPiece[] = []
  const errors: IntakeError[] = []
  for (const piece of pieces) {
    const problems: string[] = []
    const category = categories.find((c) => c.handle === piece.category)
    const branch = (branches as { code: string; stock_location?: { id: string } | null }[]).find((b) => b.code === piece.branch)
    if (!category) {
      problems.push(`unknown category "${piece.category}"`)
    }
    if (!branch?.stock_location) {
      problems.push(`unknown branch "${piece.branch}"`)
    }
    if (takenTags.has(piece.tag_code)) {
      problems.push(`tag ${piece.tag_code} is already used by another piece`)
    }
    if (piece.huid && takenHuids.has(piece.huid)) {
      problems.push(`HUID ${piece.huid} is already used by another piece`)
    }
    const design = piece.design_code ? designProducts.get(piece.design_code) : undefined
    if (design) {
      const problem = existingDesignProblem({ ...design, option_titles: design.options.map((o) => o.title) }, piece)
      if (problem) {
        problems.push(problem)
      }
    } else if (piece.design_code && takenHandles.has(designHandle(piece.design_code))) {
      problems.push(`design ${piece.design_code}'s product would have the handle "${designHandle(piece.design_code)}", which another product without this design has`)
    }
    if (problems.length) {
      errors.push(...problems.map((reason) => ({ row: piece.row, reason })))
    } else {
      valid.push({
        ...piece,
        category_id: category!.id,
        location_id: branch!.stock_location!.id,
        ...(design ? { design_product: { product_id: design.product_id, options: design.options } } : {}),
      })
    }
  }
  return { valid, errors }
}

export const checkIntakeReferencesStep = createStep("check-intake-references", async (pieces: IntakePiece[], { container }) =>
  new StepResponse(await checkIntakeReferences(container, pieces))
)
