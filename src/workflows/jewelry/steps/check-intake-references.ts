import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IntakeError, IntakePiece } from "../../../lib/stock-intake"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"

export type CheckedPiece = IntakePiece & { category_id: string; location_id: string }

/** Categories and branches must exist; tags and HUIDs must be new to the shop. Reads only. */
export const checkIntakeReferencesStep = createStep(
  "check-intake-references",
  async (pieces: IntakePiece[], { container }) => {
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
      if (problems.length) {
        errors.push(...problems.map((reason) => ({ row: piece.row, reason })))
      } else {
        valid.push({ ...piece, category_id: category!.id, location_id: branch!.stock_location!.id })
      }
    }
    return new StepResponse({ valid, errors })
  }
)
