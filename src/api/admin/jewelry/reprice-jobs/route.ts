import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { JEWELRY_MODULE } from "../../../../modules/jewelry"
import type JewelryModuleService from "../../../../modules/jewelry/service"
import type { RepriceJobsQueryType } from "../validators"
import { createRepriceJob, runRepriceJob } from "../../../../workflows/jewelry"

/** GET /admin/jewelry/reprice-jobs: newest first. */
export async function GET(req: MedusaRequest<unknown, RepriceJobsQueryType>, res: MedusaResponse) {
  const q = req.validatedQuery as RepriceJobsQueryType
  const jewelry: JewelryModuleService = req.scope.resolve(JEWELRY_MODULE)
  const [jobs, count] = await jewelry.listAndCountRepriceJobs(q.status ? { status: q.status } : {}, {
    order: { created_at: "DESC" },
    take: q.limit,
    skip: q.offset,
  })
  res.json({ reprice_jobs: jobs, count, limit: q.limit, offset: q.offset })
}

/** POST /admin/jewelry/reprice-jobs: reprice the catalogue now; answers 202 with the job to follow. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const job = await createRepriceJob(req.scope, "manual")
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  runRepriceJob(req.scope, job.id).catch((e) => logger.error(`Reprice job ${job.id} failed: ${(e as Error).message}`))
  res.status(202).json({ reprice_job: job })
}
