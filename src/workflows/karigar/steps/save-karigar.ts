import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KARIGAR_MODULE } from "../../../modules/karigar"
import type KarigarModuleService from "../../../modules/karigar/service"
import type { KarigarInput, KarigarRow } from "../../../modules/karigar/service"

type Saved = { before: KarigarRow | null; karigar: KarigarRow }
type Undo = { added: string | null; before: KarigarRow | null }

/** Adds a karigar, or changes one (`id`); a karigar added is removed, and one changed put back, if a later step fails. */
export const saveKarigarStep = createStep(
  "save-karigar",
  async (input: { id: string | null; details: Partial<KarigarInput> }, { container }): Promise<StepResponse<Saved, Undo>> => {
    const service: KarigarModuleService = container.resolve(KARIGAR_MODULE)
    if (!input.id) {
      const karigar = await service.addKarigar(input.details as KarigarInput)
      return new StepResponse<Saved, Undo>({ before: null, karigar }, { added: karigar.id, before: null })
    }
    const before = await service.karigarById(input.id)
    const karigar = await service.updateKarigar(input.id, input.details)
    return new StepResponse<Saved, Undo>({ before, karigar }, { added: null, before })
  },
  async (undo: Undo | undefined, { container }) => {
    const service: KarigarModuleService = container.resolve(KARIGAR_MODULE)
    if (undo?.added) {
      await service.deleteKarigars(undo.added)
    } else if (undo?.before) {
      const { id, created_at: _created, ...details } = undo.before
      await service.updateKarigar(id, details)
    }
  }
)
