import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"

export type RunProgress = {
  run_id: string
  processed: number
  issued: number
  messaged: number
  /** The batch's last offer id: where the next batch of its share reads on. */
  last_id: string | null
}

/** Counts a batch into its run (and beats the run's heartbeat); compensation takes the batch's share back out. */
export const recordOfferRunProgressStep = createStep(
  "record-offer-run-progress",
  async (progress: RunProgress, { container }) => {
    await container.resolve<OffersModuleService>(OFFERS_MODULE).addRunProgress(progress.run_id, progress)
    return new StepResponse(progress, progress)
  },
  async (progress, { container }) => {
    if (progress) {
      await container
        .resolve<OffersModuleService>(OFFERS_MODULE)
        .addRunProgress(progress.run_id, { processed: -progress.processed, issued: -progress.issued, messaged: -progress.messaged })
    }
  }
)
