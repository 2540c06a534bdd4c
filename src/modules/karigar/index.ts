import { Module } from "@medusajs/framework/utils"
import KarigarModuleService from "./service"

export const KARIGAR_MODULE = "karigar"

export default Module(KARIGAR_MODULE, {
  service: KarigarModuleService,
})
