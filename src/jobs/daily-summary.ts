import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { parseSummaryChannels, parseSummaryTime, summaryDay, summaryKey, summaryRecipients, summaryVariables, type SummaryFigures } from "../lib/daily-summary"
import { istDayRange } from "../lib/pos"
import { ACCESS_MODULE } from "../modules/access"
import type AccessModuleService from "../modules/access/service"
import { ANALYTICS_MODULE } from "../modules/analytics"
import type AnalyticsModuleService from "../modules/analytics/service"
import { BRANCH_MODULE } from "../modules/branch"
import type BranchModuleService from "../modules/branch/service"
import { CRM_MODULE } from "../modules/crm"
import type CrmModuleService from "../modules/crm/service"
import { MESSAGING_MODULE } from "../modules/messaging"
import type MessagingModuleService from "../modules/messaging/service"
import { reconciliationView } from "../modules/pos/queries/reconciliation"
import { queueMessageWorkflow } from "../workflows/messaging"

const TOP_PIECES = 3

/** A day's figures for the whole shop (`branchId` null) or one branch: sales facts, the payments reconciliation and follow-ups. */
export async function dailySummaryFigures(container: MedusaContainer, day: string, branchId: string | null, now = new Date()): Promise<SummaryFigures> {
  const range = istDayRange(day)
  const branchIds = branchId ? [branchId] : undefined
  const analytics = container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
  const [[total], byMetal, top, money, followUps, branch] = await Promise.all([
    analytics.salesReport({ ...range, group_by: "total", branch_ids: branchIds }),
    analytics.salesReport({ ...range, group_by: "metal", metal: "gold", branch_ids: branchIds }),
    analytics.topSellers({ ...range, branch_ids: branchIds, limit: TOP_PIECES }),
    reconciliationView(container, { date: day, limit: 0, offset: 0 }, branchIds ?? null),
    container.resolve<CrmModuleService>(CRM_MODULE).summarizeFollowUps({ ...range, now, branch_ids: branchIds }),
    branchId ? container.resolve<BranchModuleService>(BRANCH_MODULE).retrieveBranch(branchId, { select: ["name"] }) : null,
  ])
  const titles = new Map<string, string>()
  if (top.length) {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "product_variant",
      fields: ["id", "title", "product.title"],
      filters: { id: top.map((t) => t.variant_id) },
    })
    for (const v of data as { id: string; title: string | null; product?: { title: string } | null }[]) {
      titles.set(v.id, v.product?.title ?? v.title ?? v.id)
    }
  }
  const cash = money.branches.flatMap((b) => b.tenders).filter((t) => t.tender === "cash")
  return {
    scope: branch?.name ?? "All branches",
    day,
    bills: total?.bills ?? 0,
    pieces: total?.pieces ?? 0,
    revenue_paise: total?.revenue_paise ?? 0,
    gst_paise: total?.gst_paise ?? 0,
    gold_net_weight_mg: byMetal.reduce((n, r) => n + r.net_weight_mg, 0),
    top_pieces: top.map((t) => ({ title: titles.get(t.variant_id) ?? t.variant_id, revenue_paise: t.revenue_paise })),
    cash_net_paise: cash.reduce((n, t) => n + t.net.amount_paise, 0),
    collected_net_paise: money.totals.net.amount_paise,
    failed_payments: money.totals.failed.count,
    overdue_follow_ups: followUps.reduce((n, f) => n + f.overdue, 0),
  }
}

/**
 * Once DAILY_SUMMARY_AT (India time, 09:00 by default) has come round, the
 * summary of the day before goes to each owner (the whole shop) and each
 * branch manager (one a branch of theirs), by DAILY_SUMMARY_CHANNEL: on the
 * phone in their user's metadata (`phone`) — without one it is stored as not
 * sent, with why — and/or to their email address. Each summary is queued
 * once (its idempotency key names the user, scope, day and email or phone).
 * Answers how many it queued.
 */
export async function sendDailySummaries(container: MedusaContainer, now = new Date(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const time = parseSummaryTime(env.DAILY_SUMMARY_AT)
  if (!time) {
    return 0
  }
  const day = summaryDay(time, now)
  const channels = parseSummaryChannels(env.DAILY_SUMMARY_CHANNEL)
  const staff = await container.resolve<AccessModuleService>(ACCESS_MODULE).listStaffAccesses({}, { select: ["user_id", "role", "branch_ids"], take: null })
  const roles = staff.map((s) => ({ user_id: s.user_id, role: s.role as string, branch_ids: (s.branch_ids as string[] | null) ?? [] }))
  if (!roles.some((s) => s.role === "owner")) {
    // A shop nobody was made the owner of treats every user without a role as its owner (the access module's rule).
    const all = await container.resolve(Modules.USER).listUsers({}, { select: ["id"], take: null })
    roles.push(...all.filter((u) => !roles.some((s) => s.user_id === u.id)).map((u) => ({ user_id: u.id, role: "owner", branch_ids: [] })))
  }
  const everyone = summaryRecipients(roles).flatMap((recipient) => channels.map((channel) => ({ ...recipient, channel, key: summaryKey(recipient, day, channel) })))
  // The job looks every quarter of an hour: the day's figures are read only for summaries not yet queued.
  const sent = everyone.length
    ? await container.resolve<MessagingModuleService>(MESSAGING_MODULE).listMessages({ idempotency_key: everyone.map((r) => r.key) }, { select: ["idempotency_key"], take: null })
    : []
  const recipients = everyone.filter((r) => !sent.some((m) => m.idempotency_key === r.key))
  if (!recipients.length) {
    return 0
  }
  const users = await container.resolve(Modules.USER).listUsers({ id: [...new Set(recipients.map((r) => r.user_id))] }, { select: ["id", "first_name", "email", "metadata"] })
  const figures = new Map<string, SummaryFigures>()
  let queued = 0
  for (const r of recipients) {
    const user = users.find((u) => u.id === r.user_id)
    if (!user) {
      continue
    }
    const scope = r.branch_id ?? "shop"
    const f = figures.get(scope) ?? figures.set(scope, await dailySummaryFigures(container, day, r.branch_id, now)).get(scope)!
    await queueMessageWorkflow(container).run({
      input: {
        event: "daily_summary",
        to: r.channel === "email" ? user.email : ((user.metadata as { phone?: string } | null)?.phone ?? null),
        user_id: user.id,
        channel: r.channel,
        variables: { staff_name: user.first_name || user.email, ...summaryVariables(f) },
        idempotency_key: r.key,
      },
    })
    queued += 1
  }
  return queued
}

/** Every quarter of an hour; sends once a day, after DAILY_SUMMARY_AT (docs/reports.md, "The daily summary"). */
export default async function dailySummaryJob(container: MedusaContainer) {
  await sendDailySummaries(container)
}

export const config = {
  name: "daily-summary",
  schedule: "*/15 * * * *",
}
