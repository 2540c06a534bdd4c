/**
 * Drives a campaign run: writes the audience down as pending offers (one
 * set-based pass over the customer facts), then calls issue-offers-batch
 * until none is pending. The run record carries the progress; a run that
 * stopped half-way (crash, deploy) is resumed by the resume-offer-runs job
 * from its pending offers, and running it again issues nothing twice.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { entityIds } from "../../../lib/ids"
import { shopToday } from "../../../lib/occasions"
import { newOfferCode, occasionSql, offerExpiry, termsOf, type CampaignKind } from "../../../lib/offers"
import { compileSegmentRule, type SegmentRule } from "../../../lib/segments"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"
import type { AudienceMember } from "../../../modules/offers/service"
import { issueOffersBatchWorkflow } from "../workflows/issue-offers-batch"
import { refreshAllFacts } from "./customer-facts"

/** An audience this large makes the offers' statistics stale enough to mislead the batches' reads (OffersModuleService.analyzeOffers). */
const ANALYZE_AFTER_OFFERS = 5000

export const OFFER_BATCH_SIZE = Number(process.env.OFFERS_BATCH_SIZE ?? 2000)
/** Batches of one run issued side by side (OFFERS_CONCURRENCY). */
export const OFFER_CONCURRENCY = Number(process.env.OFFERS_CONCURRENCY ?? 2)
const AUDIENCE_SLICE = 5000

type Campaign = Awaited<ReturnType<OffersModuleService["retrieveCampaign"]>>

/** The run of a campaign for an occasion ("once" for a manual campaign, the day for automatic ones), made if it does not exist. */
export async function startCampaignRun(container: MedusaContainer, campaignId: string, occasion = "once") {
  const offers: OffersModuleService = container.resolve(OFFERS_MODULE)
  const campaign = await offers.retrieveCampaign(campaignId)
  if (campaign.status === "cancelled") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Campaign "${campaign.name}" was cancelled and cannot run`)
  }
  if (campaign.kind !== "manual" && !campaign.enabled) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Campaign "${campaign.name}" is switched off`)
  }
  if (campaign.ends_at && new Date(campaign.ends_at) <= new Date()) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Campaign "${campaign.name}" ended on ${new Date(campaign.ends_at).toISOString().slice(0, 10)}`)
  }
  const [existing] = await offers.listCampaignRuns({ campaign_id: campaignId, occasion })
  if (existing) {
    return { run: existing, created: false }
  }
  try {
    const terms = termsOf(campaign) as unknown as Record<string, unknown>
    return { run: await offers.createCampaignRuns({ campaign_id: campaignId, occasion, status: "pending", terms }), created: true }
  } catch (e) {
    // Started at the same moment elsewhere: that run stands.
    const [raced] = await offers.listCampaignRuns({ campaign_id: campaignId, occasion })
    if (raced) {
      return { run: raced, created: false }
    }
    throw e
  }
}

/** Who a campaign's run is for: its rule over the customer facts (and its branch), with the occasion of each offer. */
async function findAudience(container: MedusaContainer, campaign: Campaign, now: Date): Promise<{ members: AudienceMember[]; matched: number }> {
  const rules = campaign.rules as unknown as SegmentRule | null
  if (!rules) {
    return { members: [], matched: 0 }
  }
  const scoped: SegmentRule = campaign.branch_id ? { all: [rules, { field: "home_branch", op: "in", value: [campaign.branch_id] }] } : rules
  const today = shopToday(now)
  const where = compileSegmentRule(scoped, today, now.toISOString())
  // The facts are rewritten first, so the run sees every change, also one an event missed.
  await refreshAllFacts(container)
  return container.resolve<OffersModuleService>(OFFERS_MODULE).findNewAudience(campaign.id, where, occasionSql(campaign.kind as CampaignKind, today))
}

export type RunOptions = {
  batchSize?: number
  now?: Date
  /** Customers to add to the run instead of evaluating its rule (tier upgrades as they happen). */
  audience?: AudienceMember[]
  onProgress?: (processed: number, total: number) => void
}

/** Runs (or resumes) a run to the end; returns the run as it finished. */
export async function runCampaignRun(container: MedusaContainer, runId: string, options: RunOptions = {}) {
  const offers: OffersModuleService = container.resolve(OFFERS_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const batchSize = options.batchSize ?? OFFER_BATCH_SIZE
  return container.resolve(Modules.LOCKING).execute(
    `offers-run:${runId}`,
    async () => {
      const run = await offers.retrieveCampaignRun(runId, { relations: ["campaign"] })
      const campaign = run.campaign
      if (run.status === "cancelled" || (run.status === "succeeded" && campaign.kind === "manual")) {
        return run
      }
      const now = options.now ?? new Date()
      await offers.updateCampaignRuns({ id: run.id, status: "running", started_at: run.started_at ?? now, heartbeat_at: now, error: null })
      if (campaign.kind === "manual" && campaign.status !== "running") {
        await offers.updateCampaigns({ id: campaign.id, status: "running" })
      }
      try {
        const started = Date.now()
        const { members, matched } = options.audience
          ? { members: options.audience, matched: options.audience.length }
          : await findAudience(container, campaign, now)
        const expiresAt = offerExpiry({ kind: campaign.kind as CampaignKind, ends_at: campaign.ends_at ? new Date(campaign.ends_at) : null, valid_days: campaign.valid_days }, now)
        let added = 0
        // In slices, giving the event loop back between them: a large audience must not stall the server's other requests.
        for (let i = 0; i < members.length; i += AUDIENCE_SLICE) {
          const ids = entityIds("offer", Math.min(AUDIENCE_SLICE, members.length - i))
          const slice = members.slice(i, i + AUDIENCE_SLICE).map((m, j) => ({
            id: ids[j],
            customer_id: m.customer_id,
            occasion: m.occasion,
            code: newOfferCode(campaign.kind as CampaignKind),
            expires_at: expiresAt,
          }))
          added += await offers.addPendingOffers({ id: run.id, campaign_id: campaign.id }, slice)
          await new Promise((resolve) => setImmediate(resolve))
        }
        if (added >= ANALYZE_AFTER_OFFERS) {
          await offers.analyzeOffers()
        }
        logger.info(`Campaign "${campaign.name}" run ${run.id}: ${matched} customers match, ${added} new offers written down in ${Date.now() - started} ms`)
        const [, total] = await offers.listAndCountOffers({ run_id: run.id }, { take: 1, select: ["id"] })
        // Skipped: customers of the audience who had this campaign's offer for the occasion before the run.
        const skipped = options.audience ? run.skipped + members.length - added : Math.max(0, matched - total)
        await offers.updateCampaignRuns({ id: run.id, total, skipped })
        // Batches issue side by side, each on its own share of the pending offers: the database works on one
        // while the server prepares the next.
        let processed = run.processed
        const shards = Math.max(1, OFFER_CONCURRENCY)
        // Every share finishes (or fails) before the run is settled, so nothing issues after the lock is released.
        const outcomes = await Promise.allSettled(
          Array.from({ length: shards }, async (_, shard) => {
            let after: string | null = null
            for (;;) {
              const { result } = await issueOffersBatchWorkflow(container).run({ input: { run_id: run.id, limit: batchSize, shard, shards, after } })
              after = result.last_id
              processed += result.processed
              options.onProgress?.(processed, total)
              if (result.processed < batchSize) {
                break
              }
            }
          })
        )
        const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected")
        if (failed) {
          throw failed.reason
        }
        const finished = await offers.updateCampaignRuns({ id: run.id, status: "succeeded", finished_at: new Date() })
        logger.info(`Campaign "${campaign.name}" run ${run.id}: ${finished.issued} offers issued, ${finished.messaged} messages queued`)
        if (campaign.kind === "manual") {
          await offers.updateCampaigns({ id: campaign.id, status: "finished" })
        }
        return finished
      } catch (e) {
        // Issued batches stay issued; the pending offers wait for a resume.
        return offers.updateCampaignRuns({ id: run.id, status: "failed", error: (e as Error).message.slice(0, 500), finished_at: new Date() })
      }
    },
    { timeout: 3600 }
  )
}

/** Runs left unfinished by a stopped process: pending for a minute, or running without a heartbeat for `staleMs`. */
export async function findStalledRuns(container: MedusaContainer, staleMs = 5 * 60 * 1000) {
  const offers: OffersModuleService = container.resolve(OFFERS_MODULE)
  const pending = await offers.listCampaignRuns({ status: "pending", created_at: { $lt: new Date(Date.now() - 60_000) } })
  const running = await offers.listCampaignRuns({ status: "running", heartbeat_at: { $lt: new Date(Date.now() - staleMs) } })
  return [...pending, ...running]
}
