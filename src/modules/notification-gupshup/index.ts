import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { GupshupNotificationService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [GupshupNotificationService],
})
