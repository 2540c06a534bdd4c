import { MedusaService } from "@medusajs/framework/utils"
import { CustomerProfile } from "./models/customer-profile"
import { FollowUpTask } from "./models/follow-up-task"
import { Interaction } from "./models/interaction"

class CrmModuleService extends MedusaService({ CustomerProfile, Interaction, FollowUpTask }) {}

export default CrmModuleService
