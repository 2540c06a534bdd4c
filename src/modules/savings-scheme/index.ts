import { Module } from "@medusajs/framework/utils"
import SavingsSchemeModuleService from "./service"

export const SAVINGS_SCHEME_MODULE = "savingsScheme"

export default Module(SAVINGS_SCHEME_MODULE, {
  service: SavingsSchemeModuleService,
})
