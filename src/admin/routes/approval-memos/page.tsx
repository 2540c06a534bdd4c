import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Badge, Button, Checkbox, Container, Heading, Input, Label, StatusBadge, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import type { ApprovalMemoLineState, ApprovalMemoListResponse, ApprovalMemoResponse, ApprovalMemoView, BranchSummary as Branch } from "../../../types/http"
import { BranchField, useCounterBranches } from "../../components/counter-fields"
import { CustomerPicker } from "../../components/customer-picker"
import { DeskPage, EmptyList, FilterTabs } from "../../components/desk-page"
import { Paginator } from "../../components/paginator"
import { may, useStaffAccess } from "../../lib/access"
import { downloadFile } from "../../lib/files"
import { inrPaise, newIdempotencyKey, when } from "../../lib/format"
import { sdk } from "../../lib/sdk"
import { parsePieces } from "../../lib/tags"
import type { CustomerSummary } from "../../lib/types"

const STATE_COLOR: Record<ApprovalMemoLineState, "purple" | "green" | "grey"> = { out: "purple", sold: "green", returned: "grey" }
const STATE_LABEL: Record<ApprovalMemoLineState, string> = { out: "With the customer", sold: "Bought", returned: "Returned" }
const FILTERS = [
  ["open", "Open"],
  ["overdue", "Overdue"],
  ["closed", "Closed"],
  ["all", "All"],
] as const
type Filter = (typeof FILTERS)[number][0]

/** A day in India three days on, as the date box shows it (YYYY-MM-DD). */
const inThreeDays = () => new Date(Date.now() + 3 * 86_400_000 + 5.5 * 3_600_000).toISOString().slice(0, 10)

const memoPdf = (m: ApprovalMemoView) =>
  downloadFile(`/admin/approval-memos/${m.id}/pdf`, `${m.number.replace(/\//g, "-")}.pdf`).catch((e: Error) => toast.error("Memo not printed", { description: e.message }))

/** Give pieces on approval: branch, customer, due date (6 pm that day, India time), the tags. */
function GiveOnApproval({ branches, onGiven }: { branches: Branch[]; onGiven: (id: string) => void }) {
  const queryClient = useQueryClient()
  const [branchId, setBranchId] = useState("")
  const [customer, setCustomer] = useState<CustomerSummary | null>(null)
  const [due, setDue] = useState(inThreeDays)
  const [tags, setTags] = useState("")
  const [key, setKey] = useState(() => newIdempotencyKey("MEMO"))
  useEffect(() => {
    if (!branchId && branches.length) {
      setBranchId(branches[0].id)
    }
  }, [branchId, branches])
  const pieces = parsePieces(tags)
  const give = useMutation({
    mutationFn: () =>
      sdk.client.fetch<ApprovalMemoResponse>("/admin/approval-memos", {
        method: "POST",
        body: { branch_id: branchId, customer_id: customer!.id, pieces, due_at: `${due}T18:00:00+05:30`, idempotency_key: key },
      }),
    onSuccess: ({ memo }) => {
      toast.success(`Memo ${memo.number}`, { description: `${memo.summary.pieces} pieces on approval with ${memo.customer.name}, due ${when(memo.due_at)}` })
      setTags("")
      setKey(newIdempotencyKey("MEMO"))
      queryClient.invalidateQueries({ queryKey: ["approval-memo"] })
      onGiven(memo.id)
      void memoPdf(memo)
    },
    onError: (e: Error) => toast.error("Not given", { description: e.message }),
  })
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <div className="grid grid-cols-1 items-end gap-4 md:grid-cols-3">
        <BranchField branches={branches} value={branchId} onChange={setBranchId} />
        <div className="flex flex-col gap-y-1">
          <Label size="small">Customer</Label>
          <CustomerPicker value={customer} onChange={setCustomer} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="memo-due">Due back</Label>
          <Input id="memo-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </div>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="memo-tags">Tags, one a line (scan them here)</Label>
        <Textarea id="memo-tags" rows={3} value={tags} onChange={(e) => setTags(e.target.value)} placeholder="SGJ-NCK-TMP-22K-16" />
      </div>
      <div className="flex items-center justify-between">
        <Text size="small" className="text-ui-fg-subtle">The pieces leave the branch's stock until they come back or are bought; the memo prints for the customer's signature.</Text>
        <Button size="small" disabled={!branchId || !customer || !pieces.length} isLoading={give.isPending} onClick={() => give.mutate()}>Give on approval</Button>
      </div>
    </div>
  )
}

/** One memo: who has what, until when; return pieces; print it again. */
function MemoDesk({ memoId, canSell }: { memoId: string; canSell: boolean }) {
  const queryClient = useQueryClient()
  const [picked, setPicked] = useState<string[]>([])
  useEffect(() => setPicked([]), [memoId])
  const { data } = useQuery({ queryKey: ["approval-memo", memoId], queryFn: () => sdk.client.fetch<ApprovalMemoResponse>(`/admin/approval-memos/${memoId}`) })
  const giveBack = useMutation({
    mutationFn: () => sdk.client.fetch<ApprovalMemoResponse>(`/admin/approval-memos/${memoId}/returns`, { method: "POST", body: { tags: picked } }),
    onSuccess: ({ memo }) => {
      toast.success(memo.status === "closed" ? `Memo ${memo.number} closed` : `Returned: ${picked.length} piece${picked.length === 1 ? "" : "s"} back in stock`)
      setPicked([])
      queryClient.invalidateQueries({ queryKey: ["approval-memo"] })
    },
    onError: (e: Error) => toast.error("Not returned", { description: e.message }),
  })
  if (!data) {
    return null
  }
  const { memo, lines } = data
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{memo.number}: {memo.customer.name}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {memo.branch.name} · given {when(memo.issued_at)}{memo.issued_by ? ` by ${memo.issued_by.name}` : ""} · due {when(memo.due_at)}
            {memo.customer.phone ? ` · ${memo.customer.phone}` : ""}{memo.closed_at ? ` · closed ${when(memo.closed_at)}` : ""}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          {memo.overdue && <Badge color="red">Overdue</Badge>}
          <StatusBadge color={memo.status === "open" ? "orange" : "green"}>{memo.status === "open" ? "Open" : "Closed"}</StatusBadge>
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <Text size="small">
          {memo.summary.out} with the customer · {memo.summary.sold} bought · {memo.summary.returned} returned · worth {inrPaise(memo.value_paise)} when given
        </Text>
        <div className="flex gap-2">
          <Button size="small" variant="secondary" onClick={() => void memoPdf(memo)}>Print memo</Button>
          {memo.status === "open" && canSell && (
            <Button size="small" disabled={!picked.length} isLoading={giveBack.isPending} onClick={() => giveBack.mutate()}>Return selected</Button>
          )}
        </div>
      </div>
      {memo.status === "open" && canSell && (
        <div className="px-6 py-3">
          <Text size="small" className="text-ui-fg-subtle">
            Pieces the customer buys are billed on <Link className="text-ui-fg-interactive" to="/pos">Counter sale</Link>: pick the customer and "Bill the pieces" of this memo.
          </Text>
        </div>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell />
            <Table.HeaderCell>Tag</Table.HeaderCell>
            <Table.HeaderCell>Piece</Table.HeaderCell>
            <Table.HeaderCell>HUID</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Qty</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Value</Table.HeaderCell>
            <Table.HeaderCell>State</Table.HeaderCell>
            <Table.HeaderCell>When</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {lines.map((l) => (
            <Table.Row key={l.id}>
              <Table.Cell>
                {l.state === "out" && memo.status === "open" && canSell && (
                  <Checkbox
                    aria-label={`Returned: ${l.tag_code}`}
                    checked={picked.includes(l.tag_code)}
                    onCheckedChange={(on) => setPicked((list) => (on ? [...list, l.tag_code] : list.filter((t) => t !== l.tag_code)))}
                  />
                )}
              </Table.Cell>
              <Table.Cell>{l.tag_code}</Table.Cell>
              <Table.Cell>{l.description ?? "—"}</Table.Cell>
              <Table.Cell>{l.huid ?? ""}</Table.Cell>
              <Table.Cell className="text-right">{l.quantity}</Table.Cell>
              <Table.Cell className="text-right">{l.value_paise === null ? "—" : inrPaise(l.value_paise)}</Table.Cell>
              <Table.Cell><StatusBadge color={STATE_COLOR[l.state]}>{STATE_LABEL[l.state]}</StatusBadge></Table.Cell>
              <Table.Cell>{l.settled_at ? `${when(l.settled_at)}${l.settled_by ? ` · ${l.settled_by.name}` : ""}` : ""}{l.order_id ? <> · <Link className="text-ui-fg-interactive" to={`/orders/${l.order_id}`}>order</Link></> : null}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

/** The memos of the user's branches, newest first. */
function MemoList({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const [filter, setFilter] = useState<Filter>("open")
  const [page, setPage] = useState(0)
  useEffect(() => setPage(0), [filter])
  const { data } = useQuery({
    queryKey: ["approval-memo", "list", filter, page],
    queryFn: () =>
      sdk.client.fetch<ApprovalMemoListResponse>("/admin/approval-memos", {
        query: { limit: 10, offset: page * 10, ...(filter === "overdue" ? { overdue: "true" } : filter === "all" ? {} : { status: filter }) },
      }),
  })
  return (
    <>
      <FilterTabs tabs={FILTERS} value={filter} onChange={setFilter} />
      {data?.count ? (
        <Table>
          <Table.Body>
            {data.memos.map((m) => (
              <Table.Row key={m.id} className={`cursor-pointer ${m.id === selected ? "bg-ui-bg-highlight" : ""}`} onClick={() => onSelect(m.id)}>
                <Table.Cell>{m.number}</Table.Cell>
                <Table.Cell>{m.customer.name}</Table.Cell>
                <Table.Cell>{m.branch.name}</Table.Cell>
                <Table.Cell>due {when(m.due_at)}</Table.Cell>
                <Table.Cell>{m.overdue ? <Badge size="2xsmall" color="red">Overdue</Badge> : <StatusBadge color={m.status === "open" ? "orange" : "green"}>{m.status === "open" ? "Open" : "Closed"}</StatusBadge>}</Table.Cell>
                <Table.Cell className="text-right">{m.summary.out} out · {m.summary.sold} bought · {m.summary.returned} returned</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <EmptyList>No memos here.</EmptyList>
      )}
      {data && <Paginator count={data.count} pageSize={10} page={page} setPage={setPage} />}
    </>
  )
}

const ApprovalMemosPage = () => {
  const { data: me } = useStaffAccess()
  const { mine } = useCounterBranches()
  const canSell = may(me, "pos", "sell")
  return (
    <DeskPage
      title="Approval memos"
      description="Pieces a customer takes home to decide on. They leave the branch's stock until each comes back or is bought at the counter; the memo is on the branch's follow-up list for its due date and overdue after it."
      resource="pos"
      what="see approval memos"
      param="memo"
      form={canSell ? (select) => <GiveOnApproval branches={mine} onGiven={select} /> : null}
      list={(selected, select) => <MemoList selected={selected} onSelect={select} />}
      desk={(id) => <MemoDesk memoId={id} canSell={canSell} />}
    />
  )
}

export const config = defineRouteConfig({
  label: "Approval memos",
  icon: DocumentText,
})

export default ApprovalMemosPage
