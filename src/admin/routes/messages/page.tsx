import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Button, Container, Heading, Label, Select, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { MessageStatus, RESENDABLE_STATUSES } from "../../components/message-status"
import { Paginator } from "../../components/paginator"
import { sdk } from "../../lib/sdk"

type Message = {
  id: string
  customer_id: string | null
  to: string | null
  channel: "sms" | "whatsapp" | "email"
  subject?: string | null
  event: string
  status: string
  reason: string | null
  body: string
  attempts: number
  created_at: string
}

const CHANNEL_NAMES: Record<string, string> = { sms: "SMS", whatsapp: "WhatsApp", email: "Email" }
type Template = { event: string; channel: string; language: string; kind: string; variables: string[]; body: string; content_sid: string | null; is_default: boolean }

const PAGE = 20
const ALL = "all"
const STATUSES = ["queued", "sending", "sent", "delivered", "read", "failed", "undelivered", "not_sent"]

function Filter({ label, value, options, onChange }: { label: string; value: string; options: string[]; onChange: (v: string) => void }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="xsmall">{label}</Label>
      <Select size="small" value={value} onValueChange={onChange}>
        <Select.Trigger><Select.Value /></Select.Trigger>
        <Select.Content>
          <Select.Item value={ALL}>All</Select.Item>
          {options.map((o) => (
            <Select.Item key={o} value={o}>{o.replace(/_/g, " ")}</Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}

/** Every message, newest first, filtered; failed ones can be sent again. */
function MessageLog({ events }: { events: string[] }) {
  const queryClient = useQueryClient()
  const [page, setPage] = useState(0)
  const [filters, setFilters] = useState({ status: ALL, channel: ALL, event: ALL })
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ALL))
  const { data } = useQuery({
    queryKey: ["messages", filters, page],
    queryFn: () => sdk.client.fetch<{ messages: Message[]; count: number }>("/admin/messages", { query: { ...query, limit: PAGE, offset: page * PAGE } }),
  })
  const resend = useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/messages/${id}/resend`, { method: "POST" }),
    onSuccess: () => {
      toast.success("Queued again")
      queryClient.invalidateQueries({ queryKey: ["messages"] })
    },
    onError: (e: Error) => toast.error("Not queued", { description: e.message }),
  })
  const set = (key: keyof typeof filters) => (value: string) => {
    setFilters((f) => ({ ...f, [key]: value }))
    setPage(0)
  }
  return (
    <>
      <div className="grid grid-cols-1 gap-3 px-6 py-4 md:grid-cols-3">
        <Filter label="Status" value={filters.status} options={STATUSES} onChange={set("status")} />
        <Filter label="Channel" value={filters.channel} options={["sms", "whatsapp", "email"]} onChange={set("channel")} />
        <Filter label="Event" value={filters.event} options={events} onChange={set("event")} />
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>When</Table.HeaderCell>
            <Table.HeaderCell>To</Table.HeaderCell>
            <Table.HeaderCell>Event</Table.HeaderCell>
            <Table.HeaderCell>Message</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.messages ?? []).map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>{new Date(m.created_at).toLocaleString("en-IN", { dateStyle: "medium", timeStyle: "short" })}</Table.Cell>
              <Table.Cell>
                {m.customer_id ? <a className="text-ui-fg-interactive" href={`/app/customers/${m.customer_id}`}>{m.to ?? "—"}</a> : m.to ?? "—"}
                <Text size="xsmall" className="text-ui-fg-subtle">{CHANNEL_NAMES[m.channel] ?? m.channel}</Text>
              </Table.Cell>
              <Table.Cell>{m.event.replace(/_/g, " ")}</Table.Cell>
              <Table.Cell className="max-w-md whitespace-normal">
                {m.subject && <Text size="small" weight="plus">{m.subject}</Text>}
                <Text size="small">{m.body}</Text>
                {m.reason && <Text size="xsmall" className="text-ui-fg-error">{m.reason}</Text>}
              </Table.Cell>
              <Table.Cell><MessageStatus status={m.status} /></Table.Cell>
              <Table.Cell>
                {RESENDABLE_STATUSES.includes(m.status) && (
                  <Button size="small" variant="secondary" isLoading={resend.isPending && resend.variables === m.id} onClick={() => resend.mutate(m.id)}>
                    Resend
                  </Button>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Paginator count={data?.count ?? 0} pageSize={PAGE} page={page} setPage={setPage} />
    </>
  )
}

/** The wording of each event's message per channel and language, with a preview before saving. */
function TemplateEditor({ templates }: { templates: Template[] }) {
  const queryClient = useQueryClient()
  const [pick, setPick] = useState({ event: templates[0]?.event ?? "order_placed", channel: "sms", language: "en" })
  const current = templates.find((t) => t.event === pick.event && t.channel === pick.channel && t.language === pick.language)
  const [body, setBody] = useState(current?.body ?? "")
  useEffect(() => setBody(current?.body ?? ""), [current?.body, pick.event, pick.channel, pick.language])
  const preview = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ preview: { text: string; length: number; segments: number } }>("/admin/messages/templates/preview", {
        method: "POST",
        body: { event: pick.event, channel: pick.channel, language: pick.language, body },
      }),
    onError: (e: Error) => toast.error("Cannot preview", { description: e.message }),
  })
  const save = useMutation({
    mutationFn: () => sdk.client.fetch("/admin/messages/templates", { method: "POST", body: { ...pick, body } }),
    onSuccess: () => {
      toast.success("Template saved")
      queryClient.invalidateQueries({ queryKey: ["message-templates"] })
    },
    onError: (e: Error) => toast.error("Not saved", { description: e.message }),
  })
  const events = [...new Set(templates.map((t) => t.event))]
  const choose = (key: keyof typeof pick) => (value: string) => {
    setPick((p) => ({ ...p, [key]: value }))
    preview.reset()
  }
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        {(
          [
            ["event", "Event", events],
            ["channel", "Channel", ["sms", "whatsapp", "email"]],
            ["language", "Language", ["en", "hi"]],
          ] as const
        ).map(([key, label, options]) => (
          <div key={key} className="flex flex-col gap-y-1">
            <Label size="xsmall">{label}</Label>
            <Select size="small" value={pick[key]} onValueChange={choose(key)}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>
                {options.map((o) => (
                  <Select.Item key={o} value={o}>{o.replace(/_/g, " ")}</Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        ))}
      </div>
      <Textarea aria-label="Template" rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
      <Text size="xsmall" className="text-ui-fg-subtle">
        {current?.kind === "promotional" ? "Promotional: needs consent, waits out quiet hours. " : "Transactional. "}
        Variables: {(current?.variables ?? []).map((v) => `{{${v}}}`).join(" ")}
        {current?.is_default ? " · built-in wording" : " · the shop's wording"}
      </Text>
      {preview.data && (
        <div className="bg-ui-bg-subtle rounded-md p-3">
          <Text size="small">{preview.data.preview.text}</Text>
          <Text size="xsmall" className="text-ui-fg-subtle">{preview.data.preview.length} characters{pick.channel === "sms" ? ` · ${preview.data.preview.segments} SMS segment(s)` : ""}</Text>
        </div>
      )}
      <div className="flex gap-x-2">
        <Button size="small" variant="secondary" isLoading={preview.isPending} onClick={() => preview.mutate()}>Preview</Button>
        <Button size="small" isLoading={save.isPending} onClick={() => save.mutate()}>Save template</Button>
      </div>
    </div>
  )
}

const MessagesPage = () => {
  const { data } = useQuery({ queryKey: ["message-templates"], queryFn: () => sdk.client.fetch<{ templates: Template[] }>("/admin/messages/templates") })
  const events = [...new Set((data?.templates ?? []).map((t) => t.event))]
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Messages</Heading>
          <Text size="small" className="text-ui-fg-subtle">SMS and WhatsApp messages to customers and staff, with their delivery status.</Text>
        </div>
        <MessageLog events={events} />
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Templates</Heading>
          <Text size="small" className="text-ui-fg-subtle">An unknown variable is refused when saving; the preview fills in sample values.</Text>
        </div>
        {data && <TemplateEditor templates={data.templates} />}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Messages",
  icon: ChatBubbleLeftRight,
})

export default MessagesPage
