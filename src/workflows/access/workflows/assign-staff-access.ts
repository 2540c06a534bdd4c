import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { saveStaffAccessStep, type StaffAccessInput } from "../steps/save-staff-access"

/** Sets a staff user's role and branches (the admin's Staff & roles page). */
export const assignStaffAccessWorkflow = createWorkflow("assign-staff-access", (input: StaffAccessInput) => {
  const access = saveStaffAccessStep(input)
  return new WorkflowResponse(access)
})
