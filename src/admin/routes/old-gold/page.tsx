import { defineRouteConfig } from "@medusajs/admin-sdk"
import type { BranchSummary as Branch } from "../../../types/http"
import { ArrowDownCircle, ArrowPath, XMark } from "@medusajs/icons"
import { Button, Container, Heading, IconButton, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { BranchField, IdentityFields, useCounterBranches } from "../../components/counter-fields"
import { CustomerPicker } from "../../components/customer-picker"
import { RequirePermission } from "../../components/require-permission"
import { may, useStaffAccess } from "../../lib/access"
import { downloadFile } from "../../lib/files"
import { inrPaise, newIdempotencyKey, when } from "../../lib/format"
import { sdk } from "../../lib/sdk"
import type { CustomerSummary } from "../../lib/types"

type ArticleDraft = { description: string; metal: string; gross_g: string; deduction_g: string; tested_purity: string; purity_test: "xrf" | "touchstone" }
type Valued = { description: string; net_weight_mg: number; fine_weight_mg: number; melting_loss_mg: number; payable_fine_mg: number; value_paise: number; rate: { purity: number; rate_per_g_paise: number } }
type Valuation = { articles: Valued[]; total_paise: number; pan_required: boolean; cash_limit_paise: number }
type Voucher = { id: string; number: string; kind: string; total_value_paise: number; branch_id: string; issued_at: string }
type Stock = { branch_id: string; metal: string; fine_mg: number }

const grams = (mg: number) => `${(mg / 1000).toFixed(3)} g`
const toMg = (g: string) => Math.round(Number(g.replace(/,/g, "")) * 1000)
const toPaise = (r: string) => Math.round(Number(r.replace(/,/g, "")) * 100)
const newKey = () => newIdempotencyKey("OG")
const blank = (): ArticleDraft => ({ description: "", metal: "gold", gross_g: "", deduction_g: "0", tested_purity: "916", purity_test: "xrf" })
const printVoucher = (v: { id: string; number: string }) =>
  downloadFile(`/admin/old-gold/vouchers/${v.id}/pdf`, `${v.number.replace(/\//g, "-")}.pdf`).catch((e: Error) => toast.error("Not printed", { description: e.message }))

/** Weigh and test the old articles, value them at today's buying rates, and issue the voucher. */
function OldGoldDesk({ branches }: { branches: Branch[] }) {
  const queryClient = useQueryClient()
  const [branchId, setBranchId] = useState("")
  const [customer, setCustomer] = useState<CustomerSummary | null>(null)
  const [articles, setArticles] = useState<ArticleDraft[]>([blank()])
  const [valuation, setValuation] = useState<Valuation | null>(null)
  const [kind, setKind] = useState<"exchange" | "purchase">("exchange")
  const [cash, setCash] = useState("")
  const [bankReference, setBankReference] = useState("")
  const [pan, setPan] = useState("")
  const [form60, setForm60] = useState(false)
  const [key, setKey] = useState(newKey)
  useEffect(() => {
    if (!branchId && branches.length) {
      setBranchId(branches[0].id)
    }
  }, [branchId, branches])
  const body = () =>
    articles.map((a) => ({ description: a.description.trim(), metal: a.metal, gross_weight_mg: toMg(a.gross_g), deduction_weight_mg: toMg(a.deduction_g || "0"), tested_purity: Number(a.tested_purity), purity_test: a.purity_test }))
  const value = useMutation({
    mutationFn: () => sdk.client.fetch<Valuation>("/admin/old-gold/valuations", { method: "POST", body: { branch_id: branchId, articles: body() } }),
    onSuccess: setValuation,
    onError: (e: Error) => toast.error("Not valued", { description: e.message }),
  })
  const total = valuation?.total_paise ?? 0
  const cashPaise = kind === "purchase" ? Math.min(toPaise(cash || "0"), total) : 0
  const issue = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ voucher: Voucher }>("/admin/old-gold/vouchers", {
        method: "POST",
        body: {
          idempotency_key: key,
          branch_id: branchId,
          customer_id: customer!.id,
          kind,
          articles: body(),
          ...(kind === "exchange" ? { sale_credit_paise: total } : { cash_paise: cashPaise, bank_paise: total - cashPaise, ...(bankReference.trim() ? { bank_reference: bankReference.trim() } : {}) }),
          ...(valuation?.pan_required && pan.trim() ? { pan: pan.trim() } : {}),
          ...(valuation?.pan_required && form60 ? { form_60: true } : {}),
        },
      }),
    onSuccess: ({ voucher }) => {
      toast.success(`Voucher ${voucher.number} issued`, { description: kind === "exchange" ? "Its number is the old-gold tender's reference at the counter" : undefined })
      void printVoucher(voucher)
      setArticles([blank()])
      setValuation(null)
      setCash("")
      setBankReference("")
      setPan("")
      setForm60(false)
      setKey(newKey())
      queryClient.invalidateQueries({ queryKey: ["old-gold"] })
    },
    onError: (e: Error) => toast.error("Not issued", { description: e.message }),
  })
  const setArticle = (i: number, patch: Partial<ArticleDraft>) => {
    setValuation(null)
    setArticles((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)))
  }
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Old gold</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Weigh and test each article, value it at today's buying rate, then issue the voucher: an exchange credits a sale (its number is the counter's old-gold tender), a purchase pays the customer (cash within the day's limit, the rest by bank).
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
        <BranchField branches={branches} value={branchId} onChange={(v) => { setBranchId(v); setValuation(null) }} />
        <div className="flex flex-col gap-y-1">
          <Label size="small">Customer</Label>
          <CustomerPicker value={customer} onChange={setCustomer} />
        </div>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {articles.map((a, i) => (
          <div key={i} className="grid grid-cols-1 gap-2 md:grid-cols-[2fr_1fr_1fr_1fr_1fr_1fr_auto]">
            <Input aria-label="Article" placeholder="Article (e.g. chain, broken clasp)" value={a.description} onChange={(e) => setArticle(i, { description: e.target.value })} />
            <Select value={a.metal} onValueChange={(metal) => setArticle(i, { metal })}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>{["gold", "silver", "platinum"].map((m) => <Select.Item key={m} value={m}>{m}</Select.Item>)}</Select.Content>
            </Select>
            <Input aria-label="Gross weight (g)" placeholder="Gross g" inputMode="decimal" value={a.gross_g} onChange={(e) => setArticle(i, { gross_g: e.target.value })} />
            <Input aria-label="Stone and dust (g)" placeholder="Less g" inputMode="decimal" value={a.deduction_g} onChange={(e) => setArticle(i, { deduction_g: e.target.value })} />
            <Input aria-label="Tested purity" placeholder="Purity ‰" inputMode="numeric" value={a.tested_purity} onChange={(e) => setArticle(i, { tested_purity: e.target.value })} />
            <Select value={a.purity_test} onValueChange={(purity_test) => setArticle(i, { purity_test: purity_test as ArticleDraft["purity_test"] })}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>
                <Select.Item value="xrf">XRF</Select.Item>
                <Select.Item value="touchstone">Touchstone</Select.Item>
              </Select.Content>
            </Select>
            <IconButton variant="transparent" aria-label="Remove article" onClick={() => { setValuation(null); setArticles((list) => list.filter((_, j) => j !== i)) }}><XMark /></IconButton>
          </div>
        ))}
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" onClick={() => setArticles((list) => [...list, blank()])}>Add article</Button>
          <Button size="small" disabled={!branchId || !articles.length} isLoading={value.isPending} onClick={() => value.mutate()}>Value</Button>
        </div>
      </div>
      {valuation && (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Article</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Net</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Fine</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Melting loss</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Payable fine</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Rate</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Value</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {valuation.articles.map((a, i) => (
                <Table.Row key={i}>
                  <Table.Cell>{a.description}</Table.Cell>
                  <Table.Cell className="text-right">{grams(a.net_weight_mg)}</Table.Cell>
                  <Table.Cell className="text-right">{grams(a.fine_weight_mg)}</Table.Cell>
                  <Table.Cell className="text-right">{grams(a.melting_loss_mg)}</Table.Cell>
                  <Table.Cell className="text-right">{grams(a.payable_fine_mg)}</Table.Cell>
                  <Table.Cell className="text-right">{inrPaise(a.rate.rate_per_g_paise)}/g at {a.rate.purity}</Table.Cell>
                  <Table.Cell className="text-right">{inrPaise(a.value_paise)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <div className="flex flex-col gap-y-2 px-6 py-4">
            <Text size="small" weight="plus">Worth {inrPaise(total)}</Text>
            <div className="grid grid-cols-1 items-end gap-2 md:grid-cols-4">
              <div className="flex flex-col gap-y-1">
                <Label size="small">Settle as</Label>
                <Select value={kind} onValueChange={(v) => setKind(v as "exchange" | "purchase")}>
                  <Select.Trigger><Select.Value /></Select.Trigger>
                  <Select.Content>
                    <Select.Item value="exchange">Exchange: credit against a sale</Select.Item>
                    <Select.Item value="purchase">Purchase: pay the customer</Select.Item>
                  </Select.Content>
                </Select>
              </div>
              {kind === "purchase" && (
                <>
                  <div className="flex flex-col gap-y-1">
                    <Label size="small" htmlFor="og-cash">Cash (₹, up to {inrPaise(valuation.cash_limit_paise)} a day)</Label>
                    <Input id="og-cash" inputMode="decimal" value={cash} onChange={(e) => setCash(e.target.value)} />
                  </div>
                  <div className="flex flex-col gap-y-1">
                    <Label size="small" htmlFor="og-bank">Bank transfer {inrPaise(total - cashPaise)}: reference</Label>
                    <Input id="og-bank" value={bankReference} onChange={(e) => setBankReference(e.target.value)} />
                  </div>
                </>
              )}
            </div>
            {valuation.pan_required && (
              <IdentityFields id="og" pan={pan} form60={form60} onPan={setPan} onForm60={setForm60} />
            )}
            <div>
              <Button size="small" disabled={!customer} isLoading={issue.isPending} onClick={() => issue.mutate()}>Issue voucher</Button>
            </div>
          </div>
        </>
      )}
    </Container>
  )
}

/** The old metal each branch holds, the latest vouchers, and metal sent out (by those who may). */
function StockAndVouchers({ branches, canMove }: { branches: Branch[]; canMove: boolean }) {
  const queryClient = useQueryClient()
  const { data: stock } = useQuery({ queryKey: ["old-gold", "stock"], queryFn: () => sdk.client.fetch<{ stock: Stock[] }>("/admin/old-gold/stock") })
  const { data: vouchers } = useQuery({ queryKey: ["old-gold", "vouchers"], queryFn: () => sdk.client.fetch<{ vouchers: Voucher[] }>("/admin/old-gold/vouchers", { query: { limit: 10 } }) })
  const [move, setMove] = useState({ branch_id: "", metal: "gold", kind: "to_refinery", fine_g: "", reference: "" })
  const [key, setKey] = useState(newKey)
  const send = useMutation({
    mutationFn: () =>
      sdk.client.fetch("/admin/old-gold/movements", {
        method: "POST",
        body: { idempotency_key: key, branch_id: move.branch_id, metal: move.metal, kind: move.kind, fine_mg: toMg(move.fine_g), ...(move.reference.trim() ? { reference: move.reference.trim() } : {}) },
      }),
    onSuccess: () => {
      toast.success("Recorded")
      setKey(newKey())
      setMove((m) => ({ ...m, fine_g: "", reference: "" }))
      queryClient.invalidateQueries({ queryKey: ["old-gold"] })
    },
    onError: (e: Error) => toast.error("Not recorded", { description: e.message }),
  })
  const branchName = (id: string) => branches.find((b) => b.id === id)?.name ?? id
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Old-metal stock and vouchers</Heading>
        <IconButton variant="transparent" aria-label="Refresh" onClick={() => queryClient.invalidateQueries({ queryKey: ["old-gold"] })}><ArrowPath /></IconButton>
      </div>
      <Table>
        <Table.Body>
          {(stock?.stock ?? []).map((s) => (
            <Table.Row key={`${s.branch_id}-${s.metal}`}>
              <Table.Cell>{branchName(s.branch_id)}</Table.Cell>
              <Table.Cell>{s.metal}</Table.Cell>
              <Table.Cell className="text-right">{grams(s.fine_mg)} fine</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {canMove && (
        <div className="grid grid-cols-1 items-end gap-2 px-6 py-4 md:grid-cols-6">
          <Select value={move.branch_id} onValueChange={(branch_id) => setMove((m) => ({ ...m, branch_id }))}>
            <Select.Trigger><Select.Value placeholder="Branch" /></Select.Trigger>
            <Select.Content>{branches.map((b) => <Select.Item key={b.id} value={b.id}>{b.name}</Select.Item>)}</Select.Content>
          </Select>
          <Select value={move.metal} onValueChange={(metal) => setMove((m) => ({ ...m, metal }))}>
            <Select.Trigger><Select.Value /></Select.Trigger>
            <Select.Content>{["gold", "silver", "platinum"].map((m) => <Select.Item key={m} value={m}>{m}</Select.Item>)}</Select.Content>
          </Select>
          <Select value={move.kind} onValueChange={(kind) => setMove((m) => ({ ...m, kind }))}>
            <Select.Trigger><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value="to_refinery">To the refinery</Select.Item>
              <Select.Item value="to_karigar">To a karigar</Select.Item>
              <Select.Item value="melted">Melted</Select.Item>
              <Select.Item value="scrap_sale">Sold as scrap</Select.Item>
              <Select.Item value="adjustment">Adjustment (±)</Select.Item>
            </Select.Content>
          </Select>
          <Input aria-label="Fine weight (g)" placeholder="Fine g" inputMode="decimal" value={move.fine_g} onChange={(e) => setMove((m) => ({ ...m, fine_g: e.target.value }))} />
          <Input aria-label="Reference" placeholder="Challan / reference" value={move.reference} onChange={(e) => setMove((m) => ({ ...m, reference: e.target.value }))} />
          <Button size="small" variant="secondary" disabled={!move.branch_id || !move.fine_g} isLoading={send.isPending} onClick={() => send.mutate()}>Record</Button>
        </div>
      )}
      <Table>
        <Table.Body>
          {(vouchers?.vouchers ?? []).map((v) => (
            <Table.Row key={v.id}>
              <Table.Cell>{v.number}</Table.Cell>
              <Table.Cell>{v.kind}</Table.Cell>
              <Table.Cell>{branchName(v.branch_id)}</Table.Cell>
              <Table.Cell>{when(v.issued_at)}</Table.Cell>
              <Table.Cell className="text-right">{inrPaise(v.total_value_paise)}</Table.Cell>
              <Table.Cell className="text-right"><Button size="small" variant="transparent" onClick={() => void printVoucher(v)}>Print</Button></Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

const OldGoldPage = () => {
  const { data: me } = useStaffAccess()
  const { all: branches, mine } = useCounterBranches()
  return (
    <RequirePermission resource="old_gold" action="read" what="see old gold">
      <div className="flex flex-col gap-y-3">
        {may(me, "old_gold", "buy") && <OldGoldDesk branches={mine} />}
        <StockAndVouchers branches={branches} canMove={may(me, "old_gold", "write")} />
      </div>
    </RequirePermission>
  )
}

export const config = defineRouteConfig({
  label: "Old gold",
  icon: ArrowDownCircle,
})

export default OldGoldPage
