import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import type { CertificateView } from "../../../types/http"

export type CertificateRecord = CertificateView

/**
 * Records the certificate on the piece (jewelry_attributes.certificate) and
 * then removes the file it replaces. Compensation puts the previous record back.
 */
export const setCertificateStep = createStep(
  "set-certificate",
  async ({ attributes_id, certificate, previous }: { attributes_id: string; certificate: CertificateRecord; previous: Record<string, unknown> | null }, { container }) => {
    const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
    await jewelry.updateJewelryAttributes({ id: attributes_id, certificate })
    const replaced = typeof previous?.file_id === "string" && previous.file_id !== certificate.file_id ? previous.file_id : null
    if (replaced) {
      // Gone for good only once the new one is recorded; a file that is already missing is no reason to fail.
      await container.resolve(Modules.FILE).deleteFiles(replaced).catch(() => undefined)
    }
    return new StepResponse(certificate, { attributes_id, previous })
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve<JewelryModuleService>(JEWELRY_MODULE).updateJewelryAttributes({ id: undo.attributes_id, certificate: undo.previous })
    }
  }
)
