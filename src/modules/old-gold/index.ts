import { Module } from "@medusajs/framework/utils"
import OldGoldModuleService from "./service"

export const OLD_GOLD_MODULE = "oldGold"

export default Module(OLD_GOLD_MODULE, {
  service: OldGoldModuleService,
})
