import type { MedusaContainer } from "@medusajs/framework/types"
import { findStalledRepriceJobs, runRepriceJob } from "../workflows/jewelry"

/** Every five minutes: resume reprice jobs that a stopped process left unfinished. */
export default async function resumeRepriceJobs(container: MedusaContainer) {
  for (const job of await findStalledRepriceJobs(container)) {
    await runRepriceJob(container, job.id)
  }
}

export const config = {
  name: "resume-reprice-jobs",
  schedule: "*/5 * * * *",
}
