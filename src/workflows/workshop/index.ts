export { receiveJobCardWorkflow } from "./workflows/receive-job-card"
export type { ReceiveJobInput } from "./steps/prepare-job-card"
export { moveJobCardWorkflow } from "./workflows/move-job-card"
export { addJobPhotosWorkflow } from "./workflows/add-job-photos"
