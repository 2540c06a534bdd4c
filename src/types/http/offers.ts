/** A campaign's results (GET /admin/offers/campaigns/:id/report). Revenue and discounts are exact rupee decimals. */
export type CampaignReport = {
  audience: number
  issued: number
  messages: { queued: number; sent: number; delivered: number; failed: number; not_sent: number }
  redeemed: number
  expired: number
  cancelled: number
  redemption_rate: number
  revenue: string
  discounts: string
}
