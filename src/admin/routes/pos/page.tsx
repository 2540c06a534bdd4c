import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShoppingCart, XMark } from "@medusajs/icons"
import { Badge, Button, Container, Heading, IconButton, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { BranchField, IdentityFields, useCounterBranches } from "../../components/counter-fields"
import { PriceLimitsPanel } from "../../components/price-limits-panel"
import { CustomerPicker } from "../../components/customer-picker"
import { may, useStaffAccess } from "../../lib/access"
import { downloadFile } from "../../lib/files"
import { inr, inrPaise, newIdempotencyKey, when } from "../../lib/format"
import { sdk } from "../../lib/sdk"
import type { CustomerSummary } from "../../lib/types"
import type { ApprovalMemoListResponse, ApprovalMemoResponse } from "../../../types/http"

type Quote = {
  lines: { tag_code: string; title: string; quantity: number; unit_price: number; making_charge: number | null; making_discount: number; metal: string | null; purity: number | null; rate_per_g: number | null }[]
  discount: { rates: { metal: string; purity: number; rate_per_g: number; priced_at_per_g: number }[] }
  scheme_waiver: { percent: number; amount: number }
  beyond_limits: string[]
  total: number
  points_value: number
  to_pay: number
  points_balance: number
  points_limit: number
  cash_still_allowed_today: number
  pan_required: boolean
  pan_on_file: string | null
}
type Sale = {
  id: string
  order: { id: string; display_id?: number } | null
  total: number
  change_due: number
  payment_link: { short_url: string; amount: number } | null
}
type TenderDraft = { kind: string; amount: string; reference: string }
type Item = { tag_code: string; quantity: number; making_discount: string }
type Approval = {
  id: string
  status: "pending" | "approved" | "rejected" | "used"
  reason: string
  making_discount_paise: number
  bill_discount_paise: number
  request?: { rate_changes?: { metal: string; purity: number; from_paise: number; to_paise: number }[] }
  branch_id: string
  created_at: string
}

/** What the server reads of the pieces: the making discount only where one was typed. */
const itemsBody = (items: Item[]) => items.map((i) => ({ tag_code: i.tag_code, quantity: i.quantity, ...(i.making_discount.trim() ? { making_discount: i.making_discount.trim() } : {}) }))

/** Requests for discounts beyond a seller's limits, waiting for a manager of the user's branches to decide. */
function ApprovalsQueue() {
  const queryClient = useQueryClient()
  const { data } = useQuery({
    queryKey: ["pos-approvals", "pending"],
    refetchInterval: 10_000,
    queryFn: () => sdk.client.fetch<{ approvals: Approval[] }>("/admin/pos/approvals", { query: { status: "pending", limit: 50 } }),
  })
  const decide = useMutation({
    mutationFn: ({ id, verdict }: { id: string; verdict: "approve" | "reject" }) => sdk.client.fetch(`/admin/pos/approvals/${id}/${verdict}`, { method: "POST", body: {} }),
    onSuccess: (_r, { verdict }) => {
      toast.success(verdict === "approve" ? "Approved" : "Rejected")
      queryClient.invalidateQueries({ queryKey: ["pos-approvals"] })
    },
    onError: (e: Error) => toast.error("Not decided", { description: e.message }),
  })
  if (!data?.approvals.length) {
    return null
  }
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Discounts waiting for your approval</Heading>
      </div>
      <Table>
        <Table.Body>
          {data.approvals.map((a) => (
            <Table.Row key={a.id}>
              <Table.Cell>{when(a.created_at)}</Table.Cell>
              <Table.Cell>
                {inrPaise(a.making_discount_paise)} off making{a.bill_discount_paise ? `, ${inrPaise(a.bill_discount_paise)} off the bill` : ""}
                {(a.request?.rate_changes ?? []).map((c) => `, ${c.metal} ${c.purity} at ${inrPaise(c.to_paise)}/g (priced at ${inrPaise(c.from_paise)}/g)`).join("")}
              </Table.Cell>
              <Table.Cell>{a.reason}</Table.Cell>
              <Table.Cell className="text-right">
                <div className="flex justify-end gap-x-2">
                  <Button size="small" variant="secondary" onClick={() => decide.mutate({ id: a.id, verdict: "reject" })}>Reject</Button>
                  <Button size="small" onClick={() => decide.mutate({ id: a.id, verdict: "approve" })}>Approve</Button>
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

const TENDERS: [string, string][] = [
  ["cash", "Cash"],
  ["card", "Card"],
  ["upi", "UPI"],
  ["razorpay_link", "Razorpay payment link"],
  ["old_gold", "Old gold"],
  ["scheme", "Savings scheme"],
]

const newKey = () => newIdempotencyKey("COUNTER")

const CounterSalePage = () => {
  const { mine: branches } = useCounterBranches()
  const [branchId, setBranchId] = useState("")
  const [customer, setCustomer] = useState<CustomerSummary | null>(null)
  const [tag, setTag] = useState("")
  const [items, setItems] = useState<Item[]>([])
  const [billDiscount, setBillDiscount] = useState("")
  // The bill's own metal rates (₹ a gram) by "metal/purity"; a new set of pieces starts from the rates they are priced at.
  const [rates, setRates] = useState<Record<string, string>>({})
  const tagCodes = items.map((i) => i.tag_code).join(",")
  useEffect(() => setRates({}), [tagCodes])
  const [reason, setReason] = useState("")
  const [approvalId, setApprovalId] = useState<string | null>(null)
  const { data: me } = useStaffAccess()
  const [points, setPoints] = useState("0")
  const [tenders, setTenders] = useState<TenderDraft[]>([{ kind: "cash", amount: "", reference: "" }])
  const [key, setKey] = useState(newKey)
  const [sold, setSold] = useState<Sale | null>(null)
  const [pan, setPan] = useState("")
  const [form60, setForm60] = useState(false)
  // An approval memo the customer is buying pieces of: its pieces count as at the branch, and the sale brings them back.
  const [memo, setMemo] = useState<{ id: string; number: string } | null>(null)
  useEffect(() => setMemo(null), [customer?.id, branchId])
  const openMemos = useQuery({
    queryKey: ["pos-memos", customer?.id, branchId],
    enabled: !!customer && !!branchId,
    queryFn: () => sdk.client.fetch<ApprovalMemoListResponse>("/admin/approval-memos", { query: { customer_id: customer!.id, branch_id: branchId, status: "open", limit: 5 } }),
  })
  const billMemo = async (id: string) => {
    try {
      const { memo: m, lines } = await sdk.client.fetch<ApprovalMemoResponse>(`/admin/approval-memos/${id}`)
      const out = lines.filter((l) => l.state === "out")
      setItems((list) => [...list.filter((i) => !out.some((l) => l.tag_code === i.tag_code)), ...out.map((l) => ({ tag_code: l.tag_code, quantity: l.quantity, making_discount: "" }))])
      setMemo({ id: m.id, number: m.number })
    } catch (e) {
      toast.error("Memo not read", { description: (e as Error).message })
    }
  }
  useEffect(() => {
    if (!branchId && branches.length) {
      setBranchId(branches[0].id)
    }
  }, [branchId, branches])

  const pointsNumber = Number.isInteger(Number(points)) && Number(points) >= 0 ? Number(points) : 0
  // Scheme cards among the tenders: a matured card's making-charge waiver comes off the bill.
  const schemeCards = useMemo(() => tenders.filter((t) => t.kind === "scheme" && t.reference.trim()).map((t) => t.reference.trim()), [tenders])
  const ready = !!branchId && !!customer && items.length > 0
  // The bill as every counter route takes it: pieces with their making discounts, the bill discount, the bill's own rates.
  const bill = useMemo(() => {
    const own = Object.entries(rates)
      .filter(([, rate]) => rate.trim())
      .map(([kind, rate]) => ({ metal: kind.split("/")[0], purity: Number(kind.split("/")[1]), rate_per_g: rate.trim() }))
    return {
      branch_id: branchId,
      customer_id: customer?.id,
      items: itemsBody(items),
      ...(billDiscount.trim() ? { bill_discount: billDiscount.trim() } : {}),
      ...(own.length ? { rates: own } : {}),
    }
  }, [branchId, customer, items, billDiscount, rates])
  const quote = useQuery({
    queryKey: ["pos-quote", bill, pointsNumber, schemeCards, memo?.id],
    enabled: ready,
    retry: false,
    queryFn: () =>
      sdk.client.fetch<{ quote: Quote }>("/admin/pos/quote", {
        method: "POST",
        body: { ...bill, loyalty_points: pointsNumber, ...(schemeCards.length ? { scheme_cards: schemeCards } : {}), ...(memo ? { memo_id: memo.id } : {}) },
      }),
  })
  const approval = useQuery({
    queryKey: ["pos-approval", approvalId],
    enabled: !!approvalId,
    refetchInterval: (q) => (q.state.data?.approval.status === "pending" ? 5_000 : false),
    queryFn: () => sdk.client.fetch<{ approval: Approval }>(`/admin/pos/approvals/${approvalId}`),
  })
  const askApproval = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ approval: Approval }>("/admin/pos/approvals", {
        method: "POST",
        body: { ...bill, reason },
      }),
    onSuccess: ({ approval: a }) => {
      setApprovalId(a.id)
      toast.success("Sent to a manager for approval")
    },
    onError: (e: Error) => toast.error("Not sent", { description: e.message }),
  })
  const [estimate, setEstimate] = useState<{ id: string; number: string } | null>(null)
  const makeEstimate = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ estimate: { id: string; number: string } }>("/admin/pos/estimates", {
        method: "POST",
        body: bill,
      }),
    onSuccess: ({ estimate: e }) => {
      setEstimate(e)
      void printEstimate(e, "a4")
    },
    onError: (e: Error) => toast.error("No estimate", { description: e.message }),
  })
  // An estimate is for the bill it was printed for: another bill sells without it.
  useEffect(() => setEstimate(null), [bill])
  const printEstimate = (e: { id: string; number: string }, format: "a4" | "thermal") =>
    downloadFile(`/admin/pos/estimates/${e.id}/pdf?format=${format}`, `${e.number}.pdf`).catch((err: Error) => toast.error("Not printed", { description: err.message }))
  const beyond = quote.data?.quote.beyond_limits ?? []
  // Each metal and purity priced by rate on the bill, with the rate its pieces are priced at: from the last bill
  // that priced, so a rate the server refuses can still be corrected.
  const [metalRates, setMetalRates] = useState<{ kind: string; label: string; priced_at: number }[]>([])
  useEffect(() => {
    const q = quote.data?.quote
    if (!q) {
      if (!items.length) {
        setMetalRates([])
      }
      return
    }
    const kinds = new Map<string, { kind: string; label: string; priced_at: number }>()
    for (const line of q.lines) {
      if (line.metal && line.purity && line.rate_per_g !== null) {
        const kind = `${line.metal}/${line.purity}`
        const changed = q!.discount.rates.find((c) => `${c.metal}/${c.purity}` === kind)
        kinds.set(kind, { kind, label: `${line.metal} ${line.purity}`, priced_at: changed?.priced_at_per_g ?? line.rate_per_g })
      }
    }
    setMetalRates([...kinds.values()])
  }, [quote.data, items.length])
  const approved = approval.data?.approval.status === "approved"
  const tendered = useMemo(() => tenders.reduce((s, t) => s + (Number(t.amount.replace(/,/g, "")) || 0), 0), [tenders])
  const toPay = quote.data?.quote.to_pay ?? 0
  const left = Math.round((toPay - tendered) * 100) / 100
  // Rule 114B: a bill of ₹2 lakh or more needs PAN or Form 60 unless the customer's profile holds a PAN.
  const askIdentity = !!quote.data?.quote.pan_required && !quote.data.quote.pan_on_file

  const sell = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ sale: Sale; replayed: boolean }>("/admin/pos/orders", {
        method: "POST",
        body: {
          idempotency_key: key,
          ...bill,
          ...(approved ? { approval_id: approvalId } : {}),
          ...(estimate ? { estimate_id: estimate.id } : {}),
          ...(memo ? { memo_id: memo.id } : {}),
          loyalty_points: pointsNumber,
          tenders: tenders.filter((t) => t.amount.trim()).map((t) => ({ kind: t.kind, amount: t.amount.trim(), ...(t.reference.trim() ? { reference: t.reference.trim() } : {}) })),
          ...(askIdentity && pan.trim() ? { pan: pan.trim() } : {}),
          ...(askIdentity && form60 ? { form_60: true } : {}),
        },
      }),
    onSuccess: ({ sale }) => {
      setSold(sale)
      toast.success(`Sold: order #${sale.order?.display_id}`, { description: sale.change_due ? `Change due ${inr(sale.change_due)}` : undefined })
      setItems([])
      setTenders([{ kind: "cash", amount: "", reference: "" }])
      setPoints("0")
      setPan("")
      setForm60(false)
      setBillDiscount("")
      setReason("")
      setApprovalId(null)
      setEstimate(null)
      setMemo(null)
      void openMemos.refetch()
      setKey(newKey())
    },
    onError: (e: Error) => toast.error("Not sold", { description: e.message }),
  })

  const addTag = () => {
    const code = tag.trim().toUpperCase()
    if (!code) {
      return
    }
    setItems((list) => (list.some((i) => i.tag_code === code) ? list.map((i) => (i.tag_code === code ? { ...i, quantity: i.quantity + 1 } : i)) : [...list, { tag_code: code, quantity: 1, making_discount: "" }]))
    setTag("")
  }
  const setTender = (i: number, patch: Partial<TenderDraft>) => setTenders((list) => list.map((t, j) => (j === i ? { ...t, ...patch } : t)))

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Counter sale</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Scan the pieces, take the tenders; the order, the payments and the branch's stock are recorded together. Cash of ₹2,00,000 or more from one customer in a day is refused (Income Tax Act s.269ST).
          </Text>
        </div>
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          <BranchField branches={branches} value={branchId} onChange={setBranchId} />
          <div className="flex flex-col gap-y-1">
            <Label size="small">Customer</Label>
            <CustomerPicker value={customer} onChange={setCustomer} />
          </div>
          {!!openMemos.data?.memos.length && (
            <div className="flex flex-col gap-y-1 md:col-span-2">
              {openMemos.data.memos.map((m) => (
                <div key={m.id} className="flex items-center gap-x-2">
                  <Badge size="2xsmall" color={m.overdue ? "red" : "purple"}>{m.overdue ? "Overdue" : "On approval"}</Badge>
                  <Text size="small">
                    {m.number}: {m.summary.out} piece{m.summary.out === 1 ? "" : "s"} with the customer, due {when(m.due_at)}
                    {memo?.id === m.id ? " — on this bill" : ""}
                  </Text>
                  {memo?.id !== m.id && (
                    <Button size="small" variant="secondary" onClick={() => void billMemo(m.id)}>Bill the pieces</Button>
                  )}
                </div>
              ))}
            </div>
          )}
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="pos-tag">Tag code (scan or type, Enter)</Label>
            <Input
              id="pos-tag"
              placeholder="SGJ-…"
              value={tag}
              onChange={(e) => setTag(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault()
                  addTag()
                }
              }}
            />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="pos-points">
              Loyalty points{quote.data ? ` (balance ${quote.data.quote.points_balance}, up to ${quote.data.quote.points_limit} on this bill)` : ""}
            </Label>
            <Input id="pos-points" inputMode="numeric" value={points} onChange={(e) => setPoints(e.target.value)} />
          </div>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Tag</Table.HeaderCell>
              <Table.HeaderCell>Piece</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Qty</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Price (before GST)</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Making charge</Table.HeaderCell>
              <Table.HeaderCell>Making discount (₹)</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {items.map((item) => {
              const line = quote.data?.quote.lines.find((l) => l.tag_code === item.tag_code)
              return (
                <Table.Row key={item.tag_code}>
                  <Table.Cell>{item.tag_code}</Table.Cell>
                  <Table.Cell>{line?.title ?? "…"}</Table.Cell>
                  <Table.Cell className="text-right">{item.quantity}</Table.Cell>
                  <Table.Cell className="text-right">{line ? inr(line.unit_price * line.quantity) : "—"}</Table.Cell>
                  <Table.Cell className="text-right">{line?.making_charge ? inr(line.making_charge) : "—"}</Table.Cell>
                  <Table.Cell>
                    <Input
                      size="small"
                      aria-label={`Making discount on ${item.tag_code}`}
                      inputMode="decimal"
                      placeholder="0"
                      disabled={!line?.making_charge}
                      value={item.making_discount}
                      onChange={(e) => setItems((list) => list.map((i) => (i.tag_code === item.tag_code ? { ...i, making_discount: e.target.value } : i)))}
                    />
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    <IconButton size="small" variant="transparent" aria-label={`Remove ${item.tag_code}`} onClick={() => setItems((list) => list.filter((i) => i.tag_code !== item.tag_code))}>
                      <XMark />
                    </IconButton>
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <div className="flex items-center gap-x-2">
            <Label size="small" htmlFor="pos-bill-discount">Discount on the bill (₹, before GST)</Label>
            <Input id="pos-bill-discount" size="small" className="w-32" inputMode="decimal" placeholder="0" value={billDiscount} onChange={(e) => setBillDiscount(e.target.value)} />
          </div>
          {metalRates.map((r) => (
            <div key={r.kind} className="flex items-center gap-x-2">
              <Label size="small" htmlFor={`pos-rate-${r.kind}`}>
                Rate on this bill, {r.label} (₹ a gram; priced at {inr(r.priced_at)})
              </Label>
              <Input
                id={`pos-rate-${r.kind}`}
                size="small"
                className="w-32"
                inputMode="decimal"
                placeholder={String(r.priced_at)}
                value={rates[r.kind] ?? ""}
                onChange={(e) => setRates((all) => ({ ...all, [r.kind]: e.target.value }))}
              />
            </div>
          ))}
          {quote.error && <Text size="small" className="text-ui-fg-error">{(quote.error as Error).message}</Text>}
          {quote.data && (
            <div className="flex items-center gap-x-2">
              <Button size="small" variant="secondary" isLoading={makeEstimate.isPending} onClick={() => makeEstimate.mutate()}>Print estimate</Button>
              {estimate && (
                <>
                  <Text size="small">Estimate {estimate.number} (the sale keeps its prices while today's rates hold)</Text>
                  <Button size="small" variant="transparent" onClick={() => void printEstimate(estimate, "thermal")}>80 mm copy</Button>
                </>
              )}
            </div>
          )}
          {beyond.length > 0 && (
            <div className="flex flex-col gap-y-2">
              <Text size="small" className="text-ui-fg-error">Beyond your limits: {beyond.join("; ")}.</Text>
              {approval.data ? (
                <Text size="small">
                  Manager's approval: <strong>{approval.data.approval.status}</strong>
                  {approval.data.approval.status === "pending" ? " (waiting…)" : ""}
                </Text>
              ) : (
                <div className="flex items-center gap-x-2">
                  <Input size="small" aria-label="Why this discount" placeholder="Why (e.g. wedding order, regular customer)" value={reason} onChange={(e) => setReason(e.target.value)} />
                  <Button size="small" variant="secondary" disabled={reason.trim().length < 3} isLoading={askApproval.isPending} onClick={() => askApproval.mutate()}>Ask a manager</Button>
                </div>
              )}
            </div>
          )}
          {quote.data && (
            <Text size="small">
              Bill {inr(quote.data.quote.total)} (GST included
              {quote.data.quote.scheme_waiver.amount ? `; ${quote.data.quote.scheme_waiver.percent} % of making charges, ${inr(quote.data.quote.scheme_waiver.amount)}, waived by the scheme` : ""}){quote.data.quote.points_value ? `, points −${inr(quote.data.quote.points_value)}` : ""}: <strong>{inr(quote.data.quote.to_pay)} to pay</strong>. Cash still allowed today: {inr(quote.data.quote.cash_still_allowed_today)}.
            </Text>
          )}
        </div>
      </Container>
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">Tenders</Heading>
          <Badge size="small" color={!quote.data ? "grey" : left === 0 ? "green" : left < 0 ? "orange" : "grey"}>
            {/* An empty or not yet priced bill is not "settled": there is nothing to take yet. */}
            {!quote.data ? "No bill yet" : left === 0 ? "Settled" : left > 0 ? `${inr(left)} still to take` : `${inr(-left)} change (from cash)`}
          </Badge>
        </div>
        <div className="flex flex-col gap-y-2 px-6 py-4">
          {tenders.map((t, i) => (
            <div key={i} className="grid grid-cols-1 gap-2 md:grid-cols-[200px_1fr_1fr_auto]">
              <Select value={t.kind} onValueChange={(kind) => setTender(i, { kind })}>
                <Select.Trigger><Select.Value /></Select.Trigger>
                <Select.Content>
                  {TENDERS.map(([value, label]) => <Select.Item key={value} value={value}>{label}</Select.Item>)}
                </Select.Content>
              </Select>
              <Input aria-label="Amount (₹)" placeholder="Amount (₹)" inputMode="decimal" value={t.amount} onChange={(e) => setTender(i, { amount: e.target.value })} />
              <Input aria-label="Reference" placeholder={t.kind === "card" ? "Approval code" : t.kind === "upi" ? "UTR" : t.kind === "old_gold" ? "Voucher no." : t.kind === "scheme" ? "Scheme card no." : "Reference (optional)"} value={t.reference} onChange={(e) => setTender(i, { reference: e.target.value })} />
              <IconButton variant="transparent" aria-label="Remove tender" onClick={() => setTenders((list) => list.filter((_, j) => j !== i))}>
                <XMark />
              </IconButton>
            </div>
          ))}
          {askIdentity && (
            <IdentityFields id="pos" pan={pan} form60={form60} onPan={setPan} onForm60={setForm60} />
          )}
          {quote.data?.quote.pan_on_file && quote.data.quote.pan_required && <Text size="small" className="text-ui-fg-subtle">PAN on file: {quote.data.quote.pan_on_file}</Text>}
          <div className="flex gap-x-2">
            <Button size="small" variant="secondary" onClick={() => setTenders((list) => [...list, { kind: "card", amount: left > 0 ? String(left) : "", reference: "" }])}>Add tender</Button>
            <Button size="small" disabled={!ready || !quote.data || left > 0 || (askIdentity && !pan.trim() && !form60) || (beyond.length > 0 && !approved)} isLoading={sell.isPending} onClick={() => sell.mutate()}>Record sale</Button>
          </div>
        </div>
        {sold && (
          <div className="flex flex-col gap-y-1 px-6 py-4">
            <Text size="small">
              Last sale: {sold.order ? <Link to={`/orders/${sold.order.id}`}>order #{sold.order.display_id}</Link> : "—"}, {inr(sold.total)}
              {sold.change_due ? `, change ${inr(sold.change_due)}` : ""}.
            </Text>
            {sold.payment_link && (
              <Text size="small">
                Payment link for {inr(sold.payment_link.amount)} sent to the customer: <a href={sold.payment_link.short_url} target="_blank" rel="noreferrer">{sold.payment_link.short_url}</a>
              </Text>
            )}
          </div>
        )}
      </Container>
      {may(me, "pos", "approve") && <ApprovalsQueue />}
      {may(me, "pos", "write") && <PriceLimitsPanel />}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Counter sale",
  icon: ShoppingCart,
})

export default CounterSalePage
