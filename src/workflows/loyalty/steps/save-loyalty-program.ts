import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { programProblems, type LoyaltyProgram } from "../../../lib/loyalty"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

/** Stores a consistent program as the one in force (earlier ones stay as history); compensation removes it. */
export const saveLoyaltyProgramStep = createStep(
  "save-loyalty-program",
  async ({ program, user_id }: { program: LoyaltyProgram; user_id?: string | null }, { container }) => {
    const problems = programProblems(program)
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The loyalty program contradicts itself: ${problems.join("; ")}`)
    }
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const saved = await loyalty.createLoyaltyProgramSettings({ settings: program as unknown as Record<string, unknown>, updated_by: user_id ?? null })
    await loyalty.forgetProgram()
    return new StepResponse(program, saved.id)
  },
  async (id, { container }) => {
    if (id) {
      const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
      await loyalty.deleteLoyaltyProgramSettings(id)
      await loyalty.forgetProgram()
    }
  }
)
