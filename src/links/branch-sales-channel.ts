import { defineLink } from "@medusajs/framework/utils"
import SalesChannelModule from "@medusajs/medusa/sales-channel"
import BranchModule from "../modules/branch"

/** Each branch sells through exactly one Medusa sales channel. */
export default defineLink(
  BranchModule.linkable.branch,
  SalesChannelModule.linkable.salesChannel
)
