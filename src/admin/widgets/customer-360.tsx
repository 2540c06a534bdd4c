import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { inr, when } from "../lib/format"
import { sdk } from "../lib/sdk"

type View360 = {
  profile: {
    phone: string | null
    birthday: string | null
    anniversary: string | null
    ring_size: string | null
    preferred_metals: string[]
    tags: string[]
    pan_masked: string | null
    consents: Record<string, { status: string; at: string }> | null
  } | null
  purchases: {
    lifetime_value: number
    order_count: number
    average_order_value: number
    last_purchase_at: string | null
    favourite_metal: string | null
    favourite_category: string | null
  }
  interactions: { id: string; kind: string; channel: string; summary: string; occurred_at: string }[]
  open_tasks: { id: string; title: string; due_at: string }[]
}

const day = (value: string | null) => (value ? new Date(value).toLocaleDateString("en-IN", { day: "numeric", month: "short" }) : "—")

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="xsmall" className="text-ui-fg-subtle">{label}</Text>
      <Text size="small" weight="plus">{value}</Text>
    </div>
  )
}

/** On Medusa's customer page: the jeweller's view of the customer. */
const Customer360Widget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data } = useQuery({
    queryKey: ["customer-360", customer.id],
    queryFn: () => sdk.client.fetch<View360>(`/admin/crm/customers/${customer.id}/360`),
  })
  if (!data) {
    return null
  }
  const { profile, purchases } = data
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Customer 360</Heading>
        <div className="flex gap-x-1">
          {(profile?.tags ?? []).map((tag) => (
            <Badge key={tag} size="2xsmall">{tag}</Badge>
          ))}
        </div>
      </div>
      <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
        <Stat label="Lifetime value" value={inr(purchases.lifetime_value)} />
        <Stat label="Orders" value={String(purchases.order_count)} />
        <Stat label="Average order" value={inr(purchases.average_order_value)} />
        <Stat label="Last purchase" value={when(purchases.last_purchase_at)} />
        <Stat label="Favourite metal" value={purchases.favourite_metal ?? "—"} />
        <Stat label="Favourite category" value={purchases.favourite_category ?? "—"} />
        <Stat label="Birthday" value={day(profile?.birthday ?? null)} />
        <Stat label="Anniversary" value={day(profile?.anniversary ?? null)} />
        <Stat label="Phone" value={profile?.phone ?? "—"} />
        <Stat label="Ring size" value={profile?.ring_size ?? "—"} />
        <Stat label="PAN" value={profile?.pan_masked ?? "—"} />
        <Stat
          label="Consents"
          value={
            Object.entries(profile?.consents ?? {})
              .map(([channel, c]) => `${channel}: ${c.status}`)
              .join(", ") || "—"
          }
        />
      </div>
      <div className="px-6 py-4">
        <Text size="small" weight="plus">Open follow-ups</Text>
        {data.open_tasks.length ? (
          data.open_tasks.map((t) => (
            <div key={t.id} className="flex justify-between py-1">
              <Text size="small">{t.title}</Text>
              <Text size="small" className={new Date(t.due_at) < new Date() ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
                {when(t.due_at)}
              </Text>
            </div>
          ))
        ) : (
          <Text size="small" className="text-ui-fg-subtle">None</Text>
        )}
      </div>
      <div className="px-6 py-4">
        <Text size="small" weight="plus">Recent interactions</Text>
        {data.interactions.length ? (
          data.interactions.map((i) => (
            <div key={i.id} className="flex items-start gap-x-2 py-1">
              <Badge size="2xsmall" color={i.kind === "purchase" ? "green" : i.kind === "complaint" ? "red" : "grey"}>{i.kind}</Badge>
              <Text size="small" className="flex-1">{i.summary}</Text>
              <Text size="xsmall" className="text-ui-fg-subtle">{i.channel} · {when(i.occurred_at)}</Text>
            </div>
          ))
        ) : (
          <Text size="small" className="text-ui-fg-subtle">None yet</Text>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default Customer360Widget
