import { defineRouteConfig } from "@medusajs/admin-sdk"
import type { BranchSummary as Branch } from "../../../types/http"
import { CreditCard } from "@medusajs/icons"
import { Badge, Container, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { Paginator } from "../../components/paginator"
import { indiaDay, inr, when } from "../../lib/format"
import { sdk } from "../../lib/sdk"

type Money = { count: number; amount: number; amount_paise: number }
type TenderRow = { tender: string; label: string; captured: Money; refunded: Money; failed: Money; net: { amount: number } }
type Totals = { captured: Money; refunded: Money; failed: Money; net: { amount: number } }
type Reconciliation = {
  date: string
  branches: { branch: { id: string | null; code: string | null; name: string }; tenders: TenderRow[]; totals: Totals }[]
  totals: Totals
  entries: { kind: "captured" | "refunded" | "failed"; id: string; at: string; tender_label: string; branch_code: string | null; amount: number; display_id: number | null; order_id: string | null; reference: string | null }[]
  count: number
}
type Sale = {
  id: string
  branch: { code?: string; name?: string }
  order: { id: string; display_id?: number } | null
  total: number
  change_due: number
  tenders: { kind: string; label: string; amount: number; status: string }[]
  payment_link: { short_url: string; status: string } | null
  created_at: string
}
type PaymentLink = { id: string; order_id: string; short_url: string; amount: number; status: string; created_at: string; message: { channel: string; status: string; reason: string | null } | null }

const PAGE = 20


const KIND_COLOR = { captured: "green", refunded: "orange", failed: "red" } as const

function TenderTable({ rows, totals }: { rows: TenderRow[]; totals: Totals }) {
  const cell = (m: Money) => (m.count ? `${inr(m.amount)} (${m.count})` : "—")
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Tender</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Captured</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Refunded</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Failed</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Net</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((r) => (
          <Table.Row key={r.tender}>
            <Table.Cell>{r.label}</Table.Cell>
            <Table.Cell className="text-right">{cell(r.captured)}</Table.Cell>
            <Table.Cell className="text-right">{cell(r.refunded)}</Table.Cell>
            <Table.Cell className="text-right">{cell(r.failed)}</Table.Cell>
            <Table.Cell className="text-right">{inr(r.net.amount)}</Table.Cell>
          </Table.Row>
        ))}
        <Table.Row>
          <Table.Cell><Text size="small" weight="plus">Total</Text></Table.Cell>
          <Table.Cell className="text-right">{cell(totals.captured)}</Table.Cell>
          <Table.Cell className="text-right">{cell(totals.refunded)}</Table.Cell>
          <Table.Cell className="text-right">{cell(totals.failed)}</Table.Cell>
          <Table.Cell className="text-right"><Text size="small" weight="plus">{inr(totals.net.amount)}</Text></Table.Cell>
        </Table.Row>
      </Table.Body>
    </Table>
  )
}

function ReconciliationSection({ branches }: { branches: Branch[] }) {
  const [date, setDate] = useState(indiaDay())
  const [branchId, setBranchId] = useState("all")
  const [page, setPage] = useState(0)
  const { data, isFetching, error } = useQuery({
    queryKey: ["payments-reconciliation", date, branchId, page],
    queryFn: () =>
      sdk.client.fetch<Reconciliation>("/admin/payments/reconciliation", {
        query: { date, ...(branchId !== "all" ? { branch_id: branchId } : {}), limit: PAGE, offset: page * PAGE },
      }),
  })
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">Payments</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The day's captured, refunded and failed payments by branch and tender (India time).
            {data ? ` Net ${inr(data.totals.net.amount)}.` : ""}
          </Text>
        </div>
        <div className="flex gap-x-3">
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="recon-date">Day</Label>
            <Input id="recon-date" type="date" value={date} max={indiaDay()} onChange={(e) => { setDate(e.target.value); setPage(0) }} />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small">Branch</Label>
            <Select value={branchId} onValueChange={(v) => { setBranchId(v); setPage(0) }}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>
                <Select.Item value="all">All branches</Select.Item>
                {branches.map((b) => <Select.Item key={b.id} value={b.id}>{b.name}</Select.Item>)}
              </Select.Content>
            </Select>
          </div>
        </div>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {data && !data.branches.length && <Text size="small" className="px-6 py-4 text-ui-fg-subtle">{isFetching ? "Loading…" : "No payments on this day."}</Text>}
      {data?.branches.map((b) => (
        <div key={b.branch.id ?? "none"} className="flex flex-col gap-y-2 px-6 py-4">
          <Heading level="h2">{b.branch.name}</Heading>
          <TenderTable rows={b.tenders} totals={b.totals} />
        </div>
      ))}
      {!!data?.entries.length && (
        <div className="flex flex-col">
          <Heading level="h2" className="px-6 py-4">Entries</Heading>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Time</Table.HeaderCell>
                <Table.HeaderCell>What</Table.HeaderCell>
                <Table.HeaderCell>Tender</Table.HeaderCell>
                <Table.HeaderCell>Branch</Table.HeaderCell>
                <Table.HeaderCell>Order</Table.HeaderCell>
                <Table.HeaderCell>Note</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.entries.map((e) => (
                <Table.Row key={`${e.kind}-${e.id}`}>
                  <Table.Cell>{when(e.at)}</Table.Cell>
                  <Table.Cell><Badge size="2xsmall" color={KIND_COLOR[e.kind]}>{e.kind}</Badge></Table.Cell>
                  <Table.Cell>{e.tender_label}</Table.Cell>
                  <Table.Cell>{e.branch_code ?? "—"}</Table.Cell>
                  <Table.Cell>{e.order_id ? <Link to={`/orders/${e.order_id}`}>#{e.display_id}</Link> : "—"}</Table.Cell>
                  <Table.Cell>{e.reference ?? ""}</Table.Cell>
                  <Table.Cell className="text-right">{inr(e.amount)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Paginator count={data.count} pageSize={PAGE} page={page} setPage={setPage} />
        </div>
      )}
    </Container>
  )
}

function SalesSection() {
  const [page, setPage] = useState(0)
  const { data } = useQuery({
    queryKey: ["pos-sales", page],
    queryFn: () => sdk.client.fetch<{ sales: Sale[]; count: number }>("/admin/pos/orders", { query: { limit: 10, offset: page * 10 } }),
  })
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Counter sales</Heading>
        <Text size="small" className="text-ui-fg-subtle">Newest first; make one on the Counter sale page.</Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>When</Table.HeaderCell>
            <Table.HeaderCell>Branch</Table.HeaderCell>
            <Table.HeaderCell>Order</Table.HeaderCell>
            <Table.HeaderCell>Tenders</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Change</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.sales ?? []).map((s) => (
            <Table.Row key={s.id}>
              <Table.Cell>{when(s.created_at)}</Table.Cell>
              <Table.Cell>{s.branch.code ?? "—"}</Table.Cell>
              <Table.Cell>{s.order ? <Link to={`/orders/${s.order.id}`}>#{s.order.display_id}</Link> : "—"}</Table.Cell>
              <Table.Cell>
                {s.tenders.map((t) => `${t.label} ${inr(t.amount)}${t.status === "pending" ? " (awaiting payment)" : ""}`).join(" · ")}
              </Table.Cell>
              <Table.Cell className="text-right">{s.change_due ? inr(s.change_due) : "—"}</Table.Cell>
              <Table.Cell className="text-right">{inr(s.total)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Paginator count={data?.count ?? 0} pageSize={10} page={page} setPage={setPage} />
    </Container>
  )
}

function LinksSection() {
  const [page, setPage] = useState(0)
  const { data } = useQuery({
    queryKey: ["payment-links", page],
    queryFn: () => sdk.client.fetch<{ payment_links: PaymentLink[]; count: number }>("/admin/payments/links", { query: { limit: 10, offset: page * 10 } }),
  })
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Payment links</Heading>
        <Text size="small" className="text-ui-fg-subtle">Razorpay links sent for order balances, and how their message went.</Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Sent</Table.HeaderCell>
            <Table.HeaderCell>Order</Table.HeaderCell>
            <Table.HeaderCell>Link</Table.HeaderCell>
            <Table.HeaderCell>Message</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.payment_links ?? []).map((l) => (
            <Table.Row key={l.id}>
              <Table.Cell>{when(l.created_at)}</Table.Cell>
              <Table.Cell><Link to={`/orders/${l.order_id}`}>Open</Link></Table.Cell>
              <Table.Cell><a href={l.short_url} target="_blank" rel="noreferrer">{l.short_url}</a></Table.Cell>
              <Table.Cell>{l.message ? `${l.message.channel.toUpperCase()} ${l.message.status}${l.message.reason ? ` (${l.message.reason})` : ""}` : "—"}</Table.Cell>
              <Table.Cell><Badge size="2xsmall" color={l.status === "paid" ? "green" : l.status === "created" ? "blue" : "grey"}>{l.status}</Badge></Table.Cell>
              <Table.Cell className="text-right">{inr(l.amount)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Paginator count={data?.count ?? 0} pageSize={10} page={page} setPage={setPage} />
    </Container>
  )
}

const PaymentsPage = () => {
  const { data: branches } = useQuery({ queryKey: ["branches"], queryFn: () => sdk.client.fetch<{ branches: Branch[] }>("/admin/branches", { query: { limit: 100 } }) })
  return (
    <div className="flex flex-col gap-y-3">
      <ReconciliationSection branches={branches?.branches ?? []} />
      <SalesSection />
      <LinksSection />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Payments",
  icon: CreditCard,
})

export default PaymentsPage
