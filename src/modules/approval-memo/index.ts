import { Module } from "@medusajs/framework/utils"
import ApprovalMemoModuleService from "./service"

export const APPROVAL_MEMO_MODULE = "approvalMemo"

export default Module(APPROVAL_MEMO_MODULE, {
  service: ApprovalMemoModuleService,
})
