import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { InStorePaymentService } from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [InStorePaymentService],
})
