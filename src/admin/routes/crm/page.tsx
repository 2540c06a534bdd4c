import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { customerName, customerPhone } from "../../lib/customers"
import { when } from "../../lib/format"
import { useDebounced } from "../../lib/hooks"
import { sdk } from "../../lib/sdk"
import type { CustomerSummary, FollowUpTask, Occasion } from "../../lib/types"
import { Paginator } from "../../components/paginator"

const PAGE = 10

function CustomerSearch() {
  const [q, setQ] = useState("")
  const [page, setPage] = useState(0)
  const term = useDebounced(q.trim())
  const { data, isFetching } = useQuery({
    queryKey: ["crm-customers", term, page],
    queryFn: () =>
      sdk.client.fetch<{ customers: CustomerSummary[]; count: number }>("/admin/crm/customers", {
        query: { ...(term ? { q: term } : {}), limit: PAGE, offset: page * PAGE },
      }),
  })
  const count = data?.count ?? 0
  return (
    <Container className="p-0">
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Heading level="h2">Find a customer</Heading>
        <Input
          type="search"
          autoFocus
          placeholder="Name, email, phone (98200 12345, +91…) or the tag of a piece they bought"
          value={q}
          onChange={(e) => {
            setQ(e.target.value)
            setPage(0)
          }}
        />
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Customer</Table.HeaderCell>
            <Table.HeaderCell>Phone</Table.HeaderCell>
            <Table.HeaderCell>Email</Table.HeaderCell>
            <Table.HeaderCell>Tags</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.customers ?? []).map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell>
                <Link to={`/customers/${c.id}`} className="text-ui-fg-interactive">{customerName(c)}</Link>
              </Table.Cell>
              <Table.Cell>{customerPhone(c) ?? "—"}</Table.Cell>
              <Table.Cell>{c.email ?? "—"}</Table.Cell>
              <Table.Cell>
                <div className="flex gap-x-1">
                  {(c.profile?.tags ?? []).map((tag) => <Badge key={tag} size="2xsmall">{tag}</Badge>)}
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {!isFetching && count === 0 && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">No customer matches “{term}”.</Text>
      )}
      <Paginator count={count} pageSize={PAGE} page={page} setPage={setPage} />
    </Container>
  )
}

function endOfToday(): string {
  const end = new Date()
  end.setHours(23, 59, 59, 999)
  return end.toISOString()
}

function FollowUps() {
  const queryClient = useQueryClient()
  const [page, setPage] = useState(0)
  const { data } = useQuery({
    queryKey: ["crm-tasks", "due", page],
    queryFn: () =>
      sdk.client.fetch<{ tasks: FollowUpTask[]; count: number }>("/admin/crm/tasks", {
        query: { status: "open", due_before: endOfToday(), limit: PAGE, offset: page * PAGE },
      }),
  })
  const complete = useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/crm/tasks/${id}/complete`, { method: "POST", body: { status: "done" } }),
    onSuccess: () => {
      toast.success("Follow-up done")
      queryClient.invalidateQueries({ queryKey: ["crm-tasks"] })
    },
    onError: (e: Error) => toast.error("Not saved", { description: e.message }),
  })
  const count = data?.count ?? 0
  return (
    <Container className="p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Follow-ups due today and overdue</Heading>
        <Text size="small" className="text-ui-fg-subtle">{count} open</Text>
      </div>
      <Table>
        <Table.Body>
          {(data?.tasks ?? []).map((t) => (
            <Table.Row key={t.id}>
              <Table.Cell>
                <Badge size="2xsmall" color={t.overdue ? "red" : "orange"}>{t.overdue ? "overdue" : "today"}</Badge>
              </Table.Cell>
              <Table.Cell className="max-w-[320px] truncate">{t.title}</Table.Cell>
              <Table.Cell>
                <Link to={`/customers/${t.customer_id}`} className="text-ui-fg-interactive">{customerName(t.customer)}</Link>
                {customerPhone(t.customer) && <Text size="xsmall" className="text-ui-fg-subtle">{customerPhone(t.customer)}</Text>}
              </Table.Cell>
              <Table.Cell>{when(t.due_at)}</Table.Cell>
              <Table.Cell className="text-right">
                <Button size="small" variant="secondary" isLoading={complete.isPending && complete.variables === t.id} onClick={() => complete.mutate(t.id)}>
                  Done
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {count === 0 && <Text size="small" className="text-ui-fg-subtle px-6 py-4">Nothing due. Well done.</Text>}
      <Paginator count={count} pageSize={PAGE} page={page} setPage={setPage} />
    </Container>
  )
}

function Occasions() {
  const { data } = useQuery({
    queryKey: ["crm-upcoming", 7],
    queryFn: () => sdk.client.fetch<{ occasions: Occasion[] }>("/admin/crm/upcoming", { query: { days: 7 } }),
  })
  const occasions = data?.occasions ?? []
  return (
    <Container className="p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Birthdays and anniversaries this week</Heading>
      </div>
      <Table>
        <Table.Body>
          {occasions.map((o) => (
            <Table.Row key={`${o.kind}-${o.customer?.id}`}>
              <Table.Cell>
                <Badge size="2xsmall" color={o.kind === "birthday" ? "blue" : "purple"}>{o.kind}</Badge>
              </Table.Cell>
              <Table.Cell>
                <Link to={`/customers/${o.customer?.id}`} className="text-ui-fg-interactive">{customerName(o.customer)}</Link>
              </Table.Cell>
              <Table.Cell>{o.phone ?? "—"}</Table.Cell>
              <Table.Cell>
                {o.in_days === 0 ? "today" : o.in_days === 1 ? "tomorrow" : `in ${o.in_days} days`} ·{" "}
                {new Date(Date.UTC(o.on.year, o.on.month - 1, o.on.day)).toLocaleDateString("en-IN", { day: "numeric", month: "short" })}
                {o.years > 0 ? ` · ${o.years} years` : ""}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {occasions.length === 0 && <Text size="small" className="text-ui-fg-subtle px-6 py-4">None in the next 7 days.</Text>}
    </Container>
  )
}

const CrmPage = () => (
  <div className="flex flex-col gap-y-3">
    <Container className="flex items-center justify-between px-6 py-4">
      <div>
        <Heading level="h1">CRM</Heading>
        <Text size="small" className="text-ui-fg-subtle">Today's work: who to call, who to wish, and any customer in a second.</Text>
      </div>
      <Button size="small" variant="secondary" asChild>
        <Link to="/crm/duplicates">Duplicates</Link>
      </Button>
    </Container>
    <CustomerSearch />
    <FollowUps />
    <Occasions />
  </div>
)

export const config = defineRouteConfig({
  label: "CRM",
  icon: Users,
})

export default CrmPage
