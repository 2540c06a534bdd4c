import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { KARIGAR_MODULE } from "../../../modules/karigar"
import type KarigarModuleService from "../../../modules/karigar/service"

/**
 * Who a job goes to: the karigar party named by id (404 unknown, 409 one taking no work), or by a name that is one of
 * the shop's karigars in any case (linked, his name as the shop keeps it); any other name (the in-house workshop, a
 * karigar not yet a party) stays a name. Reads only.
 */
export const findJobKarigarStep = createStep(
  "find-job-karigar",
  async (input: { to: string; karigar_id?: string | null; karigar_name?: string | null }, { container }) => {
    if (input.to !== "with_karigar" || (!input.karigar_id && !input.karigar_name)) {
      return new StepResponse({ karigar_id: null as string | null, karigar_name: input.karigar_name ?? null })
    }
    const karigars = container.resolve<KarigarModuleService>(KARIGAR_MODULE)
    const karigar = input.karigar_id ? await karigars.karigarById(input.karigar_id) : await karigars.karigarNamed(input.karigar_name!)
    if (!karigar) {
      return new StepResponse({ karigar_id: null as string | null, karigar_name: input.karigar_name ?? null })
    }
    if (!karigar.active) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `${karigar.name} is marked as taking no work; choose another karigar or mark him active on the Karigars page`, DOMAIN_CONFLICT)
    }
    return new StepResponse({ karigar_id: karigar.id as string | null, karigar_name: karigar.name as string | null })
  }
)
