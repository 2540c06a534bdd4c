import { defineRouteConfig } from "@medusajs/admin-sdk"
import type { CampaignReport } from "../../../types/http"
import { Tag } from "@medusajs/icons"
import { Badge, Button, Container, Drawer, Heading, Input, Label, Select, Switch, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { Paginator } from "../../components/paginator"
import { ProgressBar } from "../../components/progress-bar"
import { SegmentBuilder, type Rule } from "../../components/segment-builder"
import { inr, when } from "../../lib/format"
import { sdk } from "../../lib/sdk"

type OfferType = "percentage" | "fixed" | "making_percentage"
type Offer = { type: OfferType; value: number; max_discount: number | null }
type Run = { id: string; status: string; occasion: string; total: number; processed: number; issued: number; messaged: number; skipped: number; error: string | null; created_at: string }
type Campaign = {
  id: string
  name: string
  kind: "manual" | "birthday" | "anniversary" | "winback" | "tier_upgrade"
  enabled: boolean
  status: string
  description: string
  offer: Offer
  min_order: number | null
  budget: number | null
  starts_at: string | null
  ends_at: string | null
  valid_days: number | null
  settings: { days_ahead?: number; lapsed_days?: number } | null
  channel: string
  latest_run?: Run | null
}
type OfferRow = { id: string; code: string; status: string; valid_until: string | null; customer: { first_name: string | null; last_name: string | null; phone: string | null } | null }

const PAGE = 10
const STATUS_COLOR: Record<string, "green" | "orange" | "grey" | "red" | "blue"> = {
  draft: "grey",
  scheduled: "blue",
  running: "orange",
  finished: "green",
  cancelled: "red",
  succeeded: "green",
  failed: "red",
  pending: "grey",
}

const fail = (title: string) => (e: Error) => toast.error(title, { description: e.message })

/** The discount fields of a campaign, in percent or rupees. */
function OfferFields({ offer, setOffer, minOrder, setMinOrder }: { offer: Offer; setOffer: (o: Offer) => void; minOrder: string; setMinOrder: (v: string) => void }) {
  return (
    <div className="grid grid-cols-2 gap-3">
      <div className="flex flex-col gap-y-1">
        <Label size="small">Offer</Label>
        <Select value={offer.type} onValueChange={(type) => setOffer({ ...offer, type: type as OfferType })}>
          <Select.Trigger><Select.Value /></Select.Trigger>
          <Select.Content>
            <Select.Item value="percentage">% off the jewellery</Select.Item>
            <Select.Item value="making_percentage">% off making charges</Select.Item>
            <Select.Item value="fixed">₹ off</Select.Item>
          </Select.Content>
        </Select>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">{offer.type === "fixed" ? "Amount (₹)" : "Percent"}</Label>
        <Input inputMode="decimal" value={String(offer.value)} onChange={(e) => setOffer({ ...offer, value: Number(e.target.value) })} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">Largest discount (₹, optional)</Label>
        <Input inputMode="decimal" value={offer.max_discount == null ? "" : String(offer.max_discount)} onChange={(e) => setOffer({ ...offer, max_discount: e.target.value === "" ? null : Number(e.target.value) })} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">Minimum purchase before GST (₹, optional)</Label>
        <Input inputMode="decimal" value={minOrder} onChange={(e) => setMinOrder(e.target.value)} />
      </div>
    </div>
  )
}

const offerBody = (offer: Offer) => ({ type: offer.type, value: offer.value, ...(offer.max_discount != null ? { max_discount: offer.max_discount } : {}) })
const optionalRupees = (text: string) => (text.trim() === "" ? undefined : Number(text))

/**
 * Build a segment, preview it, and save the campaign (and run it). Opened from a new-arrivals call list
 * (Preferences page, `?new_arrivals=<list id>`), it starts as a WhatsApp offer to that list's customers.
 */
function NewCampaign({ onCreated }: { onCreated: (id: string) => void }) {
  const queryClient = useQueryClient()
  const [params, setParams] = useSearchParams()
  const fromList = params.get("new_arrivals")
  const [open, setOpen] = useState(false)
  const [name, setName] = useState("")
  const [rule, setRule] = useState<Rule>({ all: [{ field: "order_count", op: "gte", value: 1 }] })
  const [offer, setOffer] = useState<Offer>({ type: "percentage", value: 10, max_discount: null })
  const [minOrder, setMinOrder] = useState("")
  const [budget, setBudget] = useState("")
  const [endsAt, setEndsAt] = useState("")
  const [channel, setChannel] = useState("auto")
  const [message, setMessage] = useState("")
  useEffect(() => {
    if (fromList) {
      setName("New arrivals for you")
      setRule({ all: [{ field: "new_arrivals_list", op: "on", value: fromList }] })
      setOffer({ type: "making_percentage", value: 20, max_discount: null })
      setChannel("whatsapp")
      setOpen(true)
      setParams({}, { replace: true })
    }
  }, [fromList, setParams])
  const preview = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ count: number; customers: { customer_id: string; first_name: string | null; last_name: string | null; lifetime_value: number }[]; took_ms: number }>(
        "/admin/offers/segments/preview",
        { method: "POST", body: { rules: rule, limit: 5 } }
      ),
    onError: fail("The segment is not valid"),
  })
  const create = useMutation({
    mutationFn: async (run: boolean) => {
      const { campaign } = await sdk.client.fetch<{ campaign: Campaign }>("/admin/offers/campaigns", {
        method: "POST",
        body: {
          name,
          rules: rule,
          offer: offerBody(offer),
          ...(optionalRupees(minOrder) !== undefined ? { min_order: optionalRupees(minOrder) } : {}),
          ...(optionalRupees(budget) !== undefined ? { budget: optionalRupees(budget) } : {}),
          ...(endsAt ? { ends_at: new Date(`${endsAt}T23:59:59+05:30`).toISOString() } : {}),
          channel,
          ...(message.trim() ? { message } : {}),
        },
      })
      if (run) {
        await sdk.client.fetch(`/admin/offers/campaigns/${campaign.id}/run`, { method: "POST", body: {} })
      }
      return campaign
    },
    onSuccess: (campaign, run) => {
      toast.success(run ? "Campaign saved and running" : "Campaign saved as a draft")
      queryClient.invalidateQueries({ queryKey: ["campaigns"] })
      setOpen(false)
      onCreated(campaign.id)
    },
    onError: fail("The campaign was not saved"),
  })
  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small">New campaign</Button>
      </Drawer.Trigger>
      <Drawer.Content className="max-w-2xl">
        <Drawer.Header>
          <Drawer.Title>New campaign</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-5 overflow-y-auto">
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="campaign-name">Name</Label>
            <Input id="campaign-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Akshaya Tritiya for gold buyers" />
          </div>
          <div className="flex flex-col gap-y-2">
            <Text size="small" weight="plus">Who</Text>
            <SegmentBuilder rule={rule} onChange={setRule} />
            <div className="flex items-center gap-x-3">
              <Button size="small" variant="secondary" type="button" isLoading={preview.isPending} onClick={() => preview.mutate()}>Preview</Button>
              {preview.data && (
                <Text size="small">
                  {preview.data.count.toLocaleString("en-IN")} customers · {preview.data.took_ms} ms
                </Text>
              )}
            </div>
            {preview.data?.customers.map((c) => (
              <Text key={c.customer_id} size="xsmall" className="text-ui-fg-subtle">
                {[c.first_name, c.last_name].filter(Boolean).join(" ") || c.customer_id} · {inr(c.lifetime_value)}
              </Text>
            ))}
          </div>
          <div className="flex flex-col gap-y-2">
            <Text size="small" weight="plus">What</Text>
            <OfferFields offer={offer} setOffer={setOffer} minOrder={minOrder} setMinOrder={setMinOrder} />
            <div className="grid grid-cols-2 gap-3">
              <div className="flex flex-col gap-y-1">
                <Label size="small">Budget for all discounts (₹, optional)</Label>
                <Input inputMode="decimal" value={budget} onChange={(e) => setBudget(e.target.value)} />
              </div>
              <div className="flex flex-col gap-y-1">
                <Label size="small">Valid until (30 days when empty)</Label>
                <Input type="date" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
              </div>
            </div>
          </div>
          <div className="flex flex-col gap-y-2">
            <Text size="small" weight="plus">How customers hear of it</Text>
            <Select value={channel} onValueChange={setChannel}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>
                <Select.Item value="auto">WhatsApp where they agreed, else SMS</Select.Item>
                <Select.Item value="whatsapp">WhatsApp</Select.Item>
                <Select.Item value="sms">SMS</Select.Item>
                <Select.Item value="none">Do not message</Select.Item>
              </Select.Content>
            </Select>
            <Textarea
              rows={3}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              placeholder="Empty: the shop's offer template. Variables: {{customer_name}} {{offer}} {{code}} {{valid_until}} {{shop_name}}"
            />
            <Text size="xsmall" className="text-ui-fg-subtle">Only customers who agreed to the channel are messaged, never between 21:00 and 09:00.</Text>
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" variant="secondary" isLoading={create.isPending && !create.variables} onClick={() => create.mutate(false)}>Save as draft</Button>
          <Button size="small" isLoading={create.isPending && create.variables} onClick={() => create.mutate(true)}>Save and run</Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** A campaign's latest run, followed every second while it runs. */
function RunProgress({ run }: { run: Run }) {
  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex items-center gap-x-2">
        <Badge size="2xsmall" color={STATUS_COLOR[run.status] ?? "grey"}>{run.status}</Badge>
        <Text size="small">
          {run.processed} of {run.total} offers issued · {run.messaged} messages queued{run.skipped ? ` · ${run.skipped} already had one` : ""} · {run.occasion === "once" ? when(run.created_at) : run.occasion}
        </Text>
      </div>
      <ProgressBar done={run.processed} total={run.total} />
      {run.error && <Text size="small" className="text-ui-fg-error">{run.error}</Text>}
    </div>
  )
}

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="flex flex-col">
      <Text size="xsmall" className="text-ui-fg-subtle">{label}</Text>
      <Text size="large" weight="plus">{value}</Text>
    </div>
  )
}

function CampaignDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const queryClient = useQueryClient()
  const [page, setPage] = useState(0)
  const { data } = useQuery({
    queryKey: ["campaign", id],
    queryFn: () => sdk.client.fetch<{ campaign: Campaign; runs: Run[]; report: CampaignReport }>(`/admin/offers/campaigns/${id}`),
    refetchInterval: (query) => (query.state.data?.runs.some((r) => r.status === "running" || r.status === "pending") ? 1000 : false),
  })
  const { data: offers } = useQuery({
    queryKey: ["campaign-offers", id, page],
    queryFn: () => sdk.client.fetch<{ offers: OfferRow[]; count: number }>(`/admin/offers/campaigns/${id}/offers`, { query: { limit: PAGE, offset: page * PAGE } }),
  })
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: ["campaign", id] })
    queryClient.invalidateQueries({ queryKey: ["campaign-offers", id] })
    queryClient.invalidateQueries({ queryKey: ["campaigns"] })
  }
  const run = useMutation({
    mutationFn: () => sdk.client.fetch(`/admin/offers/campaigns/${id}/run`, { method: "POST", body: {} }),
    onSuccess: () => {
      toast.success("Issuing offers")
      refresh()
    },
    onError: fail("Not started"),
  })
  const cancel = useMutation({
    mutationFn: () => sdk.client.fetch<{ cancelled_offers: number }>(`/admin/offers/campaigns/${id}/cancel`, { method: "POST", body: {} }),
    onSuccess: (r) => {
      toast.success(`Campaign withdrawn: ${r.cancelled_offers} offers cancelled`)
      refresh()
    },
    onError: fail("Not withdrawn"),
  })
  const campaign = data?.campaign
  const report = data?.report
  return (
    <Drawer open onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content className="max-w-2xl">
        <Drawer.Header>
          <Drawer.Title>{campaign?.name ?? "Campaign"}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-5 overflow-y-auto">
          {campaign && (
            <div className="flex flex-col gap-y-1">
              <div className="flex items-center gap-x-2">
                <Badge size="2xsmall" color={STATUS_COLOR[campaign.status] ?? "grey"}>{campaign.status}</Badge>
                <Text size="small">{campaign.description}</Text>
              </div>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {campaign.ends_at ? `Valid until ${when(campaign.ends_at)}` : campaign.valid_days ? `Each offer valid ${campaign.valid_days} days` : ""}
                {campaign.budget ? ` · budget ${inr(campaign.budget)}` : ""}
              </Text>
            </div>
          )}
          {data?.runs.slice(0, 3).map((r) => <RunProgress key={r.id} run={r} />)}
          {report && (
            <div className="grid grid-cols-4 gap-4">
              <Figure label="Issued" value={report.issued} />
              <Figure label="Messages sent" value={report.messages.sent} />
              <Figure label="Delivered" value={report.messages.delivered} />
              <Figure label="Not sent (no consent, …)" value={report.messages.not_sent} />
              <Figure label="Redeemed" value={report.redeemed} />
              <Figure label="Redemption rate" value={`${(report.redemption_rate * 100).toFixed(1)}%`} />
              <Figure label="Revenue" value={inr(Number(report.revenue))} />
              <Figure label="Discounts given" value={inr(Number(report.discounts))} />
            </div>
          )}
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Customer</Table.HeaderCell>
                <Table.HeaderCell>Code</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {offers?.offers.map((o) => (
                <Table.Row key={o.id}>
                  <Table.Cell>{[o.customer?.first_name, o.customer?.last_name].filter(Boolean).join(" ") || o.customer?.phone || "—"}</Table.Cell>
                  <Table.Cell className="font-mono">{o.code}</Table.Cell>
                  <Table.Cell><Badge size="2xsmall" color={o.status === "redeemed" ? "green" : o.status === "expired" || o.status === "cancelled" ? "grey" : "blue"}>{o.status}</Badge></Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Paginator count={offers?.count ?? 0} pageSize={PAGE} page={page} setPage={setPage} />
        </Drawer.Body>
        <Drawer.Footer>
          {campaign && campaign.kind === "manual" && (campaign.status === "draft" || campaign.status === "scheduled") && (
            <Button size="small" isLoading={run.isPending} onClick={() => run.mutate()}>Run now</Button>
          )}
          {campaign && campaign.status !== "cancelled" && (
            <Button size="small" variant="danger" isLoading={cancel.isPending} onClick={() => cancel.mutate()}>Withdraw</Button>
          )}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

const AUTOMATIC_WORDS: Record<string, (c: Campaign) => string> = {
  birthday: (c) => `${c.settings?.days_ahead ?? 7} days before a customer's birthday`,
  anniversary: (c) => `${c.settings?.days_ahead ?? 7} days before a wedding anniversary`,
  winback: (c) => `to customers who have not bought for ${c.settings?.lapsed_days ?? 180} days`,
  tier_upgrade: () => "when a customer reaches a higher loyalty tier",
}

/** An automatic campaign: switch it on or off, change its offer and timing. */
function AutomaticRow({ campaign, onOpen }: { campaign: Campaign; onOpen: () => void }) {
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState(false)
  const [offer, setOffer] = useState<Offer>(campaign.offer)
  const [minOrder, setMinOrder] = useState(campaign.min_order == null ? "" : String(campaign.min_order))
  const [validDays, setValidDays] = useState(String(campaign.valid_days ?? 30))
  const [days, setDays] = useState(String(campaign.settings?.days_ahead ?? campaign.settings?.lapsed_days ?? ""))
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => sdk.client.fetch(`/admin/offers/campaigns/${campaign.id}`, { method: "POST", body }),
    onSuccess: () => {
      toast.success("Saved")
      setEditing(false)
      queryClient.invalidateQueries({ queryKey: ["automatic-campaigns"] })
    },
    onError: fail("Not saved"),
  })
  const timing = campaign.kind === "winback" ? "lapsed_days" : campaign.kind === "tier_upgrade" ? null : "days_ahead"
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <div className="flex items-center justify-between gap-x-4">
        <div className="flex flex-col">
          <Text size="small" weight="plus">{campaign.name}</Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {campaign.description}, {AUTOMATIC_WORDS[campaign.kind](campaign)}; valid {campaign.valid_days} days
          </Text>
        </div>
        <div className="flex items-center gap-x-3">
          <Button size="small" variant="transparent" onClick={onOpen}>Results</Button>
          <Button size="small" variant="secondary" onClick={() => setEditing(!editing)}>{editing ? "Close" : "Edit"}</Button>
          <Switch aria-label={`${campaign.name} on`} checked={campaign.enabled} onCheckedChange={(enabled) => save.mutate({ enabled })} />
        </div>
      </div>
      {editing && (
        <div className="flex flex-col gap-y-3">
          <OfferFields offer={offer} setOffer={setOffer} minOrder={minOrder} setMinOrder={setMinOrder} />
          <div className="grid grid-cols-2 gap-3">
            <div className="flex flex-col gap-y-1">
              <Label size="small">Each offer valid for (days)</Label>
              <Input inputMode="numeric" value={validDays} onChange={(e) => setValidDays(e.target.value)} />
            </div>
            {timing && (
              <div className="flex flex-col gap-y-1">
                <Label size="small">{timing === "days_ahead" ? "Days ahead" : "Lapsed after (days)"}</Label>
                <Input inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
              </div>
            )}
          </div>
          <div>
            <Button
              size="small"
              isLoading={save.isPending}
              onClick={() =>
                save.mutate({
                  offer: offerBody(offer),
                  min_order: optionalRupees(minOrder) ?? null,
                  valid_days: Number(validDays),
                  ...(timing ? { [timing]: Number(days) } : {}),
                })
              }
            >
              Save
            </Button>
          </div>
        </div>
      )}
    </div>
  )
}

const CampaignsPage = () => {
  const [page, setPage] = useState(0)
  const [open, setOpen] = useState<string | null>(null)
  const { data: automatic } = useQuery({
    queryKey: ["automatic-campaigns"],
    queryFn: () => sdk.client.fetch<{ campaigns: Campaign[] }>("/admin/offers/automatic"),
  })
  const { data } = useQuery({
    queryKey: ["campaigns", page],
    queryFn: () => sdk.client.fetch<{ campaigns: Campaign[]; count: number }>("/admin/offers/campaigns", { query: { kind: "manual", limit: PAGE, offset: page * PAGE } }),
    refetchInterval: (query) => (query.state.data?.campaigns.some((c) => c.latest_run?.status === "running") ? 2000 : false),
  })
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Offer campaigns</Heading>
            <Text size="small" className="text-ui-fg-subtle">Personal offer codes for a segment of customers, each usable once by its customer.</Text>
          </div>
          <NewCampaign onCreated={setOpen} />
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Campaign</Table.HeaderCell>
              <Table.HeaderCell>Offer</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Issued</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data?.campaigns.map((c) => (
              <Table.Row key={c.id} className="cursor-pointer" onClick={() => setOpen(c.id)}>
                <Table.Cell>{c.name}</Table.Cell>
                <Table.Cell>{c.description}</Table.Cell>
                <Table.Cell><Badge size="2xsmall" color={STATUS_COLOR[c.status] ?? "grey"}>{c.status}</Badge></Table.Cell>
                <Table.Cell>{c.latest_run ? `${c.latest_run.processed} / ${c.latest_run.total}` : "—"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <Paginator count={data?.count ?? 0} pageSize={PAGE} page={page} setPage={setPage} />
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Automatic campaigns</Heading>
          <Text size="small" className="text-ui-fg-subtle">Run every morning while switched on; each customer gets one offer per occasion.</Text>
        </div>
        {automatic?.campaigns.map((c) => <AutomaticRow key={c.id} campaign={c} onOpen={() => setOpen(c.id)} />)}
      </Container>
      {open && <CampaignDetail id={open} onClose={() => setOpen(null)} />}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Offer campaigns",
  icon: Tag,
})

export default CampaignsPage
