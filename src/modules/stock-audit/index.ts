import { Module } from "@medusajs/framework/utils"
import StockAuditModuleService from "./service"

export const STOCK_AUDIT_MODULE = "stockAudit"

export default Module(STOCK_AUDIT_MODULE, {
  service: StockAuditModuleService,
})
