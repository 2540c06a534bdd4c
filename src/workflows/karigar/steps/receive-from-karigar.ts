import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KARIGAR_MODULE } from "../../../modules/karigar"
import type KarigarModuleService from "../../../modules/karigar/service"
import type { ReceiveInput } from "../../../modules/karigar/service"

/** Books the receipt against its issue (checked under the lock); a receipt this run booked is taken back if a later step fails. */
export const receiveFromKarigarStep = createStep(
  "receive-from-karigar",
  async (input: ReceiveInput, { container }) => {
    const booked = await container.resolve<KarigarModuleService>(KARIGAR_MODULE).receive(input)
    return new StepResponse(booked, booked.created ? booked.receipt.id : null)
  },
  async (receiptId, { container }) => {
    if (receiptId) {
      await container.resolve<KarigarModuleService>(KARIGAR_MODULE).withdrawReceipt(receiptId)
    }
  }
)
