import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { NewPiece } from "../../../lib/preferences/new-arrivals"
import { PREFERENCES_MODULE } from "../../../modules/preferences"
import type PreferencesModuleService from "../../../modules/preferences/service"
import type { CreateNewArrivalCallsInput, NewArrivalListDTO, StoredCall } from "../utils/new-arrival-types"

/** Records the list under its key (a retry then finds it). Undone by deleting it. */
export const storeNewArrivalListStep = createStep(
  "store-new-arrival-list",
  async (input: { request: CreateNewArrivalCallsInput; model_id: string | null; pieces: NewPiece[]; calls: StoredCall[] }, { container }) => {
    const list = await container.resolve<PreferencesModuleService>(PREFERENCES_MODULE).createNewArrivalLists({
      key: input.request.key,
      since: input.request.variant_ids ? null : input.request.since ?? null,
      until: input.request.variant_ids ? null : input.request.until ?? null,
      model_id: input.model_id,
      pieces: input.pieces as unknown as Record<string, unknown>,
      calls: input.calls as unknown as Record<string, unknown>,
      created_by: input.request.actor_id ?? null,
    })
    return new StepResponse(list as unknown as NewArrivalListDTO, list.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<PreferencesModuleService>(PREFERENCES_MODULE).deleteNewArrivalLists(id)
    }
  }
)
