import { Badge, Text } from "@medusajs/ui"

type ActiveOffer = { id: string; code: string; description: string; valid_until: string | null; campaign: string }
type RecentOffer = { id: string; code: string; status: string; description: string; campaign: { name: string }; redeemed_order_id: string | null }
export type OffersData = { active: ActiveOffer[]; recent: RecentOffer[]; count: number }

const day = (value: string | null) => (value ? new Date(value).toLocaleDateString("en-IN", { day: "numeric", month: "short", year: "numeric" }) : "no end date")

/** The customer's offers in the Customer 360: the codes they can use now, and their latest offers. */
export function OffersSection({ data }: { data: OffersData }) {
  if (!data.count) {
    return <Text size="small" className="text-ui-fg-subtle">No offers yet</Text>
  }
  return (
    <div className="flex flex-col gap-y-2">
      {data.active.map((o) => (
        <div key={o.id} className="flex items-center justify-between gap-x-3">
          <div className="flex flex-col">
            <Text size="small" className="font-mono">{o.code}</Text>
            <Text size="xsmall" className="text-ui-fg-subtle">{o.description} · {o.campaign} · until {day(o.valid_until)}</Text>
          </div>
          <Badge size="2xsmall" color="green">usable</Badge>
        </div>
      ))}
      {data.recent
        .filter((o) => !data.active.some((a) => a.id === o.id))
        .map((o) => (
          <div key={o.id} className="flex items-center justify-between gap-x-3">
            <Text size="xsmall" className="text-ui-fg-subtle">{o.campaign.name}: {o.description}</Text>
            <Badge size="2xsmall" color="grey">{o.status}</Badge>
          </div>
        ))}
    </div>
  )
}
