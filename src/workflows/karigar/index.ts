export { issueToKarigarWorkflow } from "./workflows/issue-to-karigar"
export type { IssueToKarigarInput } from "./steps/prepare-karigar-issue"
export { receiveFromKarigarWorkflow } from "./workflows/receive-from-karigar"
export { saveKarigarWorkflow } from "./workflows/save-karigar"
