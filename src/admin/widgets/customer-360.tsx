import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { LoyaltySection, type LoyaltyData } from "../components/loyalty-section"
import { MessagesSection, type MessagesData } from "../components/messages-section"
import { OffersSection, type OffersData } from "../components/offers-section"
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
    recent_orders: { id: string; display_id: number; created_at: string; total: number; items: { title: string; quantity: number }[] }[]
  }
  interactions: { id: string; kind: string; channel: string; summary: string; occurred_at: string }[]
  open_tasks: { id: string; title: string; due_at: string }[]
  sections: Record<string, { title: string; data?: unknown; error?: string }>
}

const CHANNELS = ["walk_in", "call", "whatsapp", "sms", "email", "video", "home_visit"] as const
const KINDS = ["enquiry", "purchase", "complaint", "repair", "follow_up", "feedback"] as const
const label = (value: string) => value.replace(/_/g, " ")

/** Staff note what happened; a follow-up date also opens a task. */
function LogInteraction({ customerId }: { customerId: string }) {
  const queryClient = useQueryClient()
  const [channel, setChannel] = useState<string>("walk_in")
  const [kind, setKind] = useState<string>("enquiry")
  const [summary, setSummary] = useState("")
  const [followUp, setFollowUp] = useState("")
  const save = useMutation({
    mutationFn: () =>
      sdk.client.fetch(`/admin/crm/customers/${customerId}/interactions`, {
        method: "POST",
        body: {
          channel,
          kind,
          summary,
          // A date alone means 11:00 at the shop that day.
          ...(followUp ? { follow_up_at: new Date(`${followUp}T11:00:00+05:30`).toISOString() } : {}),
        },
      }),
    onSuccess: () => {
      toast.success(followUp ? "Interaction logged, follow-up scheduled" : "Interaction logged")
      setSummary("")
      setFollowUp("")
      queryClient.invalidateQueries({ queryKey: ["customer-360", customerId] })
    },
    onError: (e: Error) => toast.error("Not saved", { description: e.message }),
  })
  return (
    <form
      className="grid grid-cols-1 gap-3 md:grid-cols-4"
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate()
      }}
    >
      <div className="flex flex-col gap-y-1">
        <Label size="small">Channel</Label>
        <Select value={channel} onValueChange={setChannel}>
          <Select.Trigger><Select.Value /></Select.Trigger>
          <Select.Content>
            {CHANNELS.map((c) => <Select.Item key={c} value={c}>{label(c)}</Select.Item>)}
          </Select.Content>
        </Select>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">Kind</Label>
        <Select value={kind} onValueChange={setKind}>
          <Select.Trigger><Select.Value /></Select.Trigger>
          <Select.Content>
            {KINDS.map((k) => <Select.Item key={k} value={k}>{label(k)}</Select.Item>)}
          </Select.Content>
        </Select>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="follow-up">Follow up on</Label>
        <Input id="follow-up" type="date" value={followUp} onChange={(e) => setFollowUp(e.target.value)} />
      </div>
      <div className="flex items-end">
        <Button type="submit" size="small" isLoading={save.isPending} disabled={!summary.trim()}>Log interaction</Button>
      </div>
      <div className="col-span-full">
        <Textarea
          aria-label="Summary"
          placeholder="What did the customer ask for, what was promised?"
          maxLength={2000}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
        />
      </div>
    </form>
  )
}

type LikelyToBuySection = {
  model: { id: string; trained_at: string } | null
  designs: { rank: number; design_id: string; title: string; reason: string; in_stock: { tag_code: string; branch_code: string; available: number }[] }[]
}

type WishlistSection = { count: number; items: { id: string; title: string | null; variant_title: string | null; sku: string | null }[] }

/** The preference model's top designs for the customer, each with why and its pieces in stock to show (docs/preferences.md). */
function LikelyToBuy({ data }: { data: LikelyToBuySection }) {
  if (!data.model) {
    return <Text size="small" className="text-ui-fg-subtle">No preference model trained yet (npm run ml:train, or the nightly training)</Text>
  }
  if (!data.designs.length) {
    return <Text size="small" className="text-ui-fg-subtle">Nothing yet: no purchases, wishlist or enquiries to learn from</Text>
  }
  return (
    <>
      {data.designs.map((d) => (
        <Text key={d.design_id} size="small">
          {d.rank}. {d.title} <span className="text-ui-fg-subtle">— {d.reason}</span>
          <span className="text-ui-fg-muted">
            {" · "}
            {d.in_stock.length ? `in stock: ${d.in_stock.map((p) => `${p.tag_code} (${p.branch_code})`).join(", ")}` : "none in stock"}
          </span>
        </Text>
      ))}
      <Text size="xsmall" className="text-ui-fg-muted">Model of {new Date(data.model.trained_at).toLocaleDateString("en-IN")}</Text>
    </>
  )
}

/** Sections other features add to the 360 (src/customer-360/sections). */
function Sections({ customerId, sections }: { customerId: string; sections: View360["sections"] }) {
  const entries = Object.entries(sections ?? {})
  if (!entries.length) {
    return null
  }
  return (
    <>
      {entries.map(([id, section]) => (
        <div key={id} className="px-6 py-4">
          <Text size="small" weight="plus">{section.title}</Text>
          {section.error ? (
            <Text size="small" className="text-ui-fg-error">{section.error}</Text>
          ) : id === "loyalty" ? (
            <LoyaltySection customerId={customerId} data={section.data as LoyaltyData} />
          ) : id === "messages" ? (
            <MessagesSection customerId={customerId} data={section.data as MessagesData} />
          ) : id === "offers" ? (
            <OffersSection data={section.data as OffersData} />
          ) : id === "wishlist" ? (
            (section.data as WishlistSection).count ? (
              (section.data as WishlistSection).items.map((item) => (
                <Text key={item.id} size="small">{item.title ?? item.sku} {item.variant_title ? `· ${item.variant_title}` : ""}</Text>
              ))
            ) : (
              <Text size="small" className="text-ui-fg-subtle">Nothing saved</Text>
            )
          ) : id === "likely_to_buy" ? (
            <LikelyToBuy data={section.data as LikelyToBuySection} />
          ) : (
            <pre className="text-ui-fg-subtle txt-compact-xsmall overflow-x-auto">{JSON.stringify(section.data, null, 2)}</pre>
          )}
        </div>
      ))}
    </>
  )
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
        <LogInteraction customerId={customer.id} />
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
      <div className="px-6 py-4">
        <Text size="small" weight="plus">Recent orders</Text>
        {purchases.recent_orders.length ? (
          purchases.recent_orders.map((o) => (
            <div key={o.id} className="flex items-start gap-x-2 py-1">
              <a href={`/app/orders/${o.id}`} className="text-ui-fg-interactive txt-compact-small">#{o.display_id}</a>
              <Text size="small" className="flex-1">{o.items.map((i) => `${i.title} ×${i.quantity}`).join(", ")}</Text>
              <Text size="xsmall" className="text-ui-fg-subtle">{inr(o.total)} · {when(o.created_at)}</Text>
            </div>
          ))
        ) : (
          <Text size="small" className="text-ui-fg-subtle">No orders yet</Text>
        )}
      </div>
      <Sections customerId={customer.id} sections={data.sections} />
    </Container>
  )
}

// Opens the customer page: the shop's default layout puts this id first (src/lib/admin-layout.ts, which
// holds the same id; the admin build reads it here, as a literal).
export const config = defineWidgetConfig({
  id: "jewel-customer-360",
  zone: "customer.details.before",
})

export default Customer360Widget
