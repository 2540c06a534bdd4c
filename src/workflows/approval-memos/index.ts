export { issueApprovalMemoWorkflow } from "./workflows/issue-approval-memo"
export type { IssueApprovalMemoInput } from "./steps/prepare-approval-memo"
export { returnApprovalPiecesWorkflow, type ReturnApprovalPiecesInput } from "./workflows/return-approval-pieces"
