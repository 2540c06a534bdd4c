import { defineRouteConfig } from "@medusajs/admin-sdk"
import { History } from "@medusajs/icons"
import { Badge, Container, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Paginator } from "../../components/paginator"
import { RequirePermission } from "../../components/require-permission"
import { when } from "../../lib/format"
import { useDebounced } from "../../lib/hooks"
import { sdk } from "../../lib/sdk"

type Change = { before: unknown; after: unknown }
type AuditEntry = {
  id: string
  actor_type: string
  actor_id: string | null
  ip: string | null
  user_agent: string | null
  action: string
  entity: string
  entity_id: string
  branch_id: string | null
  changes: Record<string, Change> | null
  metadata: Record<string, unknown> | null
  created_at: string
}

const PAGE = 25
const ALL = "all"
const ENTITIES = ["metal_rate", "product_variant", "customer", "payment", "campaign", "user"]

/** A recorded value as one short line: null as "—", objects and lists as JSON. */
function show(value: unknown): string {
  if (value === null || value === undefined || value === "") {
    return "—"
  }
  if (typeof value === "object") {
    return JSON.stringify(value)
  }
  return String(value)
}

function Changes({ changes }: { changes: AuditEntry["changes"] }) {
  const rows = Object.entries(changes ?? {})
  if (!rows.length) {
    return <Text size="xsmall" className="text-ui-fg-subtle">no field changed</Text>
  }
  return (
    <div className="flex flex-col gap-y-0.5">
      {rows.map(([field, { before, after }]) => (
        <Text key={field} size="xsmall">
          <span className="text-ui-fg-subtle">{field.replace(/_/g, " ")}: </span>
          <span className="line-through decoration-ui-fg-muted">{show(before)}</span>
          {" → "}
          <span className="font-medium">{show(after)}</span>
        </Text>
      ))}
    </div>
  )
}

function TextFilter({ label, value, placeholder, onChange }: { label: string; value: string; placeholder: string; onChange: (v: string) => void }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="xsmall">{label}</Label>
      <Input size="small" value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </div>
  )
}

const AuditPage = () => (
  <RequirePermission resource="audit" action="read" what="read the audit log">
    <AuditLog />
  </RequirePermission>
)

/** Who changed what, newest first: money, points, prices and customer data. The trail cannot be edited. */
const AuditLog = () => {
  const [page, setPage] = useState(0)
  const [entity, setEntity] = useState(ALL)
  const [text, setText] = useState({ action: "", actor_id: "", entity_id: "" })
  const typed = useDebounced(text, 300)
  const query: Record<string, string | number> = { limit: PAGE, offset: page * PAGE }
  if (entity !== ALL) {
    query.entity = entity
  }
  for (const [key, value] of Object.entries(typed)) {
    const v = value.trim()
    if (v) {
      // What is typed in Action is a prefix: "metal" finds metal_rate.published.
      query[key] = key === "action" && !v.endsWith("*") ? `${v}*` : v
    }
  }
  const { data, error } = useQuery({
    queryKey: ["audit", query],
    queryFn: () => sdk.client.fetch<{ audit_entries: AuditEntry[]; count: number }>("/admin/audit", { query }),
  })
  const type = (key: keyof typeof text) => (value: string) => {
    setText((t) => ({ ...t, [key]: value }))
    setPage(0)
  }
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Audit log</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Metal rates, prices, points, refunds, consents, merges, campaign runs and staff roles: who, when, from where, and each field before → after.
          Phone numbers, e-mail, PAN and addresses are masked. Entries are never changed or removed.
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-3 px-6 py-4 md:grid-cols-4">
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall">Record type</Label>
          <Select
            size="small"
            value={entity}
            onValueChange={(v) => {
              setEntity(v)
              setPage(0)
            }}
          >
            <Select.Trigger><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>All</Select.Item>
              {ENTITIES.map((e) => (
                <Select.Item key={e} value={e}>{e.replace(/_/g, " ")}</Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <TextFilter label="Action" value={text.action} placeholder="metal_rate, loyalty_points.adjusted" onChange={type("action")} />
        <TextFilter label="Actor id" value={text.actor_id} placeholder="user_…" onChange={type("actor_id")} />
        <TextFilter label="Record id" value={text.entity_id} placeholder="cus_…, mrate_…" onChange={type("entity_id")} />
      </div>
      {error && (
        <div className="px-6 py-2">
          <Text size="small" className="text-ui-fg-error">{(error as Error).message}</Text>
        </div>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>When</Table.HeaderCell>
            <Table.HeaderCell>Who</Table.HeaderCell>
            <Table.HeaderCell>Action</Table.HeaderCell>
            <Table.HeaderCell>Record</Table.HeaderCell>
            <Table.HeaderCell>Before → after</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.audit_entries ?? []).map((e) => (
            <Table.Row key={e.id}>
              <Table.Cell className="whitespace-nowrap">{when(e.created_at)}</Table.Cell>
              <Table.Cell>
                <Text size="small">{e.actor_id ?? "—"}</Text>
                <Text size="xsmall" className="text-ui-fg-subtle">{e.actor_type}{e.ip ? ` · ${e.ip}` : ""}</Text>
              </Table.Cell>
              <Table.Cell><Badge size="2xsmall">{e.action}</Badge></Table.Cell>
              <Table.Cell>
                <Text size="small">{e.entity.replace(/_/g, " ")}</Text>
                <Text size="xsmall" className="text-ui-fg-subtle">{e.entity_id}{e.branch_id ? ` · ${e.branch_id}` : ""}</Text>
              </Table.Cell>
              <Table.Cell className="max-w-md whitespace-normal"><Changes changes={e.changes} /></Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Paginator count={data?.count ?? 0} pageSize={PAGE} page={page} setPage={setPage} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Audit log",
  icon: History,
})

export default AuditPage
