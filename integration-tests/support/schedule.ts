import { WorkflowScheduler } from "@medusajs/framework/orchestration"

/**
 * Empties the app's schedule and keeps it empty for the rest of the file. The tests run each job's function
 * themselves; a quarter-hour or nightly tick of the app's own schedule must not write into a test's tables (the
 * fuzz suite counts every table's changes) nor into a template (a tick during the demo seed took yesterday's stock
 * snapshot and queued a daily summary into every copy of it). A workflow registered again later (a module loaded
 * afresh, a job file imported by a suite) would otherwise arm its timer anew; an attempt is printed with where it
 * came from.
 */
export async function stopScheduledJobs(): Promise<void> {
  const storage = (WorkflowScheduler as unknown as { storage: { schedule: (id: unknown) => Promise<void> } }).storage
  await new WorkflowScheduler().clear()
  storage.schedule = async (id) => {
    console.warn(`A scheduled job was registered after the schedule was emptied; not armed: ${String(id)}\n${new Error().stack}`)
  }
}
