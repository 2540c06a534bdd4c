import { Module } from "@medusajs/framework/utils"
import PreferencesModuleService from "./service"

export const PREFERENCES_MODULE = "preferences"

export default Module(PREFERENCES_MODULE, {
  service: PreferencesModuleService,
})
