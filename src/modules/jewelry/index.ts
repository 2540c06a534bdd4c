import { Module } from "@medusajs/framework/utils"
import JewelryModuleService from "./service"

export const JEWELRY_MODULE = "jewelry"

export default Module(JEWELRY_MODULE, {
  service: JewelryModuleService,
})
