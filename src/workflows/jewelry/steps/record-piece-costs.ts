import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"

export type PieceCostLine = { sku: string; cost_paise: number }

/** Records what each new piece cost (by its SKU, the tag), for the stock report. Compensation removes them. */
export const recordPieceCostsStep = createStep(
  "record-piece-costs",
  async (lines: PieceCostLine[], { container }) => {
    if (!lines.length) {
      return new StepResponse(0, [] as string[])
    }
    const variants = await container.resolve(Modules.PRODUCT).listProductVariants({ sku: lines.map((l) => l.sku) }, { select: ["id", "sku"] })
    const bySku = new Map(variants.map((v) => [v.sku, v.id]))
    const created = await container.resolve<JewelryModuleService>(JEWELRY_MODULE).createPieceCosts(
      lines.map((line) => ({ variant_id: bySku.get(line.sku)!, cost_paise: line.cost_paise, source: "intake" as const }))
    )
    return new StepResponse(created.length, created.map((c) => c.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<JewelryModuleService>(JEWELRY_MODULE).deletePieceCosts(ids)
    }
  }
)
