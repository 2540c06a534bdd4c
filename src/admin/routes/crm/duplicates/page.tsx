import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Input, Select, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { customerName, customerPhone } from "../../../lib/customers"
import { when } from "../../../lib/format"
import { sdk } from "../../../lib/sdk"
import type { DuplicateGroup } from "../../../lib/types"
import { Paginator } from "../../../components/paginator"

const PAGE = 10
const REASONS = { all: "Any reason", phone: "Same phone", email: "Same email", name_birthday: "Same name and birthday" } as const

function Group({ group }: { group: DuplicateGroup }) {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  // A customer with a storefront login must be the one kept; otherwise the oldest record.
  const preferred =
    group.customers.find((c) => c.has_account) ??
    [...group.customers].sort((a, b) => (a.created_at ?? "").localeCompare(b.created_at ?? ""))[0]
  const [keep, setKeep] = useState(preferred?.id)
  const [reason, setReason] = useState("")
  const merge = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ moved: Record<string, unknown> }>("/admin/crm/customers/merge", {
        method: "POST",
        body: { survivor_id: keep, merged_ids: group.customer_ids.filter((id) => id !== keep), ...(reason ? { reason } : {}) },
      }),
    onSuccess: ({ moved }) => {
      toast.success("Customers merged", {
        description: `${moved.orders} orders, ${moved.interactions} interactions and ${moved.follow_up_tasks} follow-ups moved`,
      })
      queryClient.invalidateQueries({ queryKey: ["crm-duplicates"] })
    },
    onError: (e: Error) => toast.error("Not merged", { description: e.message }),
  })
  const others = group.customers.filter((c) => c.id !== keep)
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <div className="flex items-center gap-x-2">
        <Badge size="2xsmall">{REASONS[group.reason]}</Badge>
        <Text size="small" className="text-ui-fg-subtle">{group.key}</Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Keep</Table.HeaderCell>
            <Table.HeaderCell>Customer</Table.HeaderCell>
            <Table.HeaderCell>Phone</Table.HeaderCell>
            <Table.HeaderCell>Email</Table.HeaderCell>
            <Table.HeaderCell>Since</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {group.customers.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell>
                <input
                  type="radio"
                  name={`keep-${group.reason}-${group.key}`}
                  aria-label={`Keep ${customerName(c)}`}
                  checked={keep === c.id}
                  onChange={() => setKeep(c.id)}
                />
              </Table.Cell>
              <Table.Cell>
                <Link to={`/customers/${c.id}`} className="text-ui-fg-interactive">{customerName(c)}</Link>
                {c.has_account && <Badge size="2xsmall" className="ml-2">login</Badge>}
              </Table.Cell>
              <Table.Cell>{customerPhone(c) ?? "—"}</Table.Cell>
              <Table.Cell>{c.email ?? "—"}</Table.Cell>
              <Table.Cell>{when(c.created_at)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="flex items-center gap-x-2">
        <Input size="small" placeholder="Reason (kept in the audit record)" value={reason} onChange={(e) => setReason(e.target.value)} />
        <Button
          size="small"
          isLoading={merge.isPending}
          disabled={!keep || !others.length}
          onClick={async () => {
            const ok = await prompt({
              title: "Merge customers?",
              description: `${others.map(customerName).join(", ")} will be folded into ${customerName(group.customers.find((c) => c.id === keep))}: orders, interactions, follow-ups and wishlist move, and the duplicate records are retired (an audit record keeps them).`,
              confirmText: "Merge",
              cancelText: "Cancel",
            })
            if (ok) {
              merge.mutate()
            }
          }}
        >
          Merge into the kept customer
        </Button>
      </div>
    </div>
  )
}

const DuplicatesPage = () => {
  const [by, setBy] = useState<keyof typeof REASONS>("all")
  const [page, setPage] = useState(0)
  const { data, isLoading } = useQuery({
    queryKey: ["crm-duplicates", by, page],
    queryFn: () =>
      sdk.client.fetch<{ groups: DuplicateGroup[]; count: number }>("/admin/crm/customers/duplicates", {
        query: { ...(by === "all" ? {} : { by }), limit: PAGE, offset: page * PAGE },
      }),
  })
  const count = data?.count ?? 0
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Duplicate customers</Heading>
          <Text size="small" className="text-ui-fg-subtle">People recorded more than once. Choose the record to keep and merge the others into it.</Text>
        </div>
        <div className="w-56">
          <Select
            value={by}
            onValueChange={(v) => {
              setBy(v as keyof typeof REASONS)
              setPage(0)
            }}
          >
            <Select.Trigger aria-label="Reason"><Select.Value /></Select.Trigger>
            <Select.Content>
              {Object.entries(REASONS).map(([value, label]) => (
                <Select.Item key={value} value={value}>{label}</Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {isLoading && <Text size="small" className="text-ui-fg-subtle px-6 py-4">Looking for duplicates…</Text>}
      {!isLoading && count === 0 && <Text size="small" className="text-ui-fg-subtle px-6 py-4">No duplicates found.</Text>}
      {(data?.groups ?? []).map((group) => (
        <Group key={`${group.reason}-${group.key}`} group={group} />
      ))}
      <Paginator count={count} pageSize={PAGE} page={page} setPage={setPage} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Duplicates",
})

export default DuplicatesPage
