import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CrmModule from "../modules/crm"

/** Every customer has one CRM profile. */
export default defineLink(CustomerModule.linkable.customer, {
  linkable: CrmModule.linkable.customerProfile,
  deleteCascade: true,
})
