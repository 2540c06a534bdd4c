import { defineRouteConfig } from "@medusajs/admin-sdk"
import type { BranchSummary as Branch } from "../../../types/http"
import { CreditCard } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Select, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { BranchField, IdentityFields, useCounterBranches } from "../../components/counter-fields"
import { CustomerPicker } from "../../components/customer-picker"
import { Paginator } from "../../components/paginator"
import { RequirePermission } from "../../components/require-permission"
import { may, useStaffAccess } from "../../lib/access"
import { inrPaise, newIdempotencyKey } from "../../lib/format"
import { useDebounced } from "../../lib/hooks"
import { sdk } from "../../lib/sdk"
import type { CustomerSummary } from "../../lib/types"

type Bonus = { type: "instalments"; count: number } | { type: "percent_of_paid" | "making_waiver"; bps: number } | { type: "none" }
type Template = { id: string; code: string; name: string; kind: "amount" | "weight"; purity: number | null; instalment_paise: number; instalments: number; maturity_months: number; bonus: Bonus; grace_days: number; early_closure_after: number; active: boolean }
type Card = { id: string; number: string; template_name: string; customer_id: string; branch_id: string; enrolled_on: string; matures_on: string; status: "active" | "redeemed"; redeemed_paise: number | null }
type Passbook = Card & {
  terms: { kind: "amount" | "weight"; instalment_paise: number }
  schedule: { sequence: number; due_on: string; paid: boolean }[]
  instalments: { sequence: number; paid_on: string; amount_paise: number; tender: string; reference: string | null; fine_mg: number | null }[]
  statement: { paid_count: number; paid_paise: number; late_count: number; missed_count: number; next_due_on: string | null; matured: boolean; bonus_paise: number; fine_mg: number; making_waiver_bps: number }
  redeemable_value_paise: number | null
  payment_links: { id: string; sequence: number; amount_paise: number; short_url: string; status: string; problem: string | null; created_at: string }[]
}
type Liability = { totals: { cards: number; matured: number; paid_paise: number; fine_mg: number; bonus_earned_paise: number } }

const PAGE = 20

function bonusText(bonus: Bonus, instalment: number): string {
  if (bonus.type === "instalments") {
    return `${bonus.count} instalment${bonus.count === 1 ? "" : "s"} (${inrPaise(bonus.count * instalment)})`
  }
  if (bonus.type === "none") {
    return "none"
  }
  return `${bonus.bps / 100} % ${bonus.type === "making_waiver" ? "off making charges" : "of what was paid"}`
}

/** One card: the statement, the schedule with what was paid, and the next instalment taken at the counter. */
function PassbookPanel({ id, canSell }: { id: string; canSell: boolean }) {
  const queryClient = useQueryClient()
  const { data } = useQuery({ queryKey: ["scheme-card", id], queryFn: () => sdk.client.fetch<{ scheme: Passbook }>(`/admin/schemes/enrolments/${id}`) })
  const [tender, setTender] = useState("upi")
  const [reference, setReference] = useState("")
  const [key, setKey] = useState(() => newIdempotencyKey("INST"))
  const pay = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ scheme: Passbook }>(`/admin/schemes/enrolments/${id}/instalments`, {
        method: "POST",
        body: { idempotency_key: key, amount_paise: data!.scheme.terms.instalment_paise, tender, ...(reference.trim() ? { reference: reference.trim() } : {}) },
      }),
    onSuccess: () => {
      toast.success("Instalment taken")
      setKey(newIdempotencyKey("INST"))
      setReference("")
      queryClient.invalidateQueries({ queryKey: ["scheme-card", id] })
      queryClient.invalidateQueries({ queryKey: ["scheme-cards"] })
    },
    onError: (e: Error) => toast.error("Not taken", { description: e.message }),
  })
  const sendLink = useMutation({
    mutationFn: () => sdk.client.fetch<{ payment_link: { short_url: string } }>(`/admin/schemes/enrolments/${id}/payment-link`, { method: "POST", body: {} }),
    onSuccess: ({ payment_link }) => {
      toast.success("Payment link sent to the customer", { description: payment_link.short_url })
      queryClient.invalidateQueries({ queryKey: ["scheme-card", id] })
    },
    onError: (e: Error) => toast.error("No payment link", { description: e.message }),
  })
  const card = data?.scheme
  if (!card) {
    return null
  }
  const s = card.statement
  const paidOn = new Map(card.instalments.map((i) => [i.sequence, i]))
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <Heading level="h2">{card.number} · {card.template_name}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Paid {s.paid_count} of {card.schedule.length} ({inrPaise(s.paid_paise)}{card.terms.kind === "weight" ? `, ${s.fine_mg} mg of gold` : ""}) · matures {card.matures_on}
        {s.late_count ? ` · ${s.late_count} late (no bonus)` : ""}
        {s.missed_count ? ` · ${s.missed_count} missed` : ""}
        {card.status === "redeemed" ? ` · redeemed for ${inrPaise(card.redeemed_paise ?? 0)}` : card.redeemable_value_paise ? ` · worth ${inrPaise(card.redeemable_value_paise)} against a purchase today` : " · nothing redeemable yet"}
      </Text>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>#</Table.HeaderCell>
            <Table.HeaderCell>Due</Table.HeaderCell>
            <Table.HeaderCell>Paid on</Table.HeaderCell>
            <Table.HeaderCell>Tender</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {card.schedule.map((due) => {
            const paid = paidOn.get(due.sequence)
            return (
              <Table.Row key={due.sequence}>
                <Table.Cell>{due.sequence}</Table.Cell>
                <Table.Cell>{due.due_on}</Table.Cell>
                <Table.Cell>{paid?.paid_on ?? "—"}</Table.Cell>
                <Table.Cell>{paid ? `${paid.tender.toUpperCase()}${paid.reference ? ` · ${paid.reference}` : ""}` : ""}</Table.Cell>
                <Table.Cell className="text-right">{paid ? inrPaise(paid.amount_paise) : ""}{paid?.fine_mg ? ` · ${paid.fine_mg} mg` : ""}</Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
      {canSell && card.status === "active" && s.next_due_on && (
        <div className="grid grid-cols-1 items-end gap-2 md:grid-cols-4">
          <div className="flex flex-col gap-y-1">
            <Label size="small">Tender</Label>
            <Select value={tender} onValueChange={setTender}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>
                <Select.Item value="upi">UPI</Select.Item>
                <Select.Item value="card">Card</Select.Item>
                <Select.Item value="cash">Cash</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="instalment-reference">Reference (UTR, approval code)</Label>
            <Input id="instalment-reference" value={reference} onChange={(e) => setReference(e.target.value)} />
          </div>
          <Button size="small" isLoading={pay.isPending} onClick={() => pay.mutate()}>
            Take instalment {s.paid_count + 1} ({inrPaise(card.terms.instalment_paise)})
          </Button>
          <Button size="small" variant="secondary" isLoading={sendLink.isPending} onClick={() => sendLink.mutate()}>
            Send a payment link
          </Button>
        </div>
      )}
      {card.payment_links.length > 0 && (
        <div className="flex flex-col gap-y-1">
          <Text size="small" weight="plus">Payment links</Text>
          {card.payment_links.map((l) => (
            <Text key={l.id} size="small" className={l.status === "unapplied" ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
              Instalment {l.sequence} · {inrPaise(l.amount_paise)} · {l.status}
              {l.status === "created" ? ` · ${l.short_url}` : ""}
              {l.problem ? ` · refund it: ${l.problem}` : ""}
            </Text>
          ))}
        </div>
      )}
    </div>
  )
}

/** Enrols the chosen customer at a branch in an offered scheme; PAN or Form 60 when the scheme comes to ₹2 lakh. */
function EnrolForm({ templates, branches, onEnrolled }: { templates: Template[]; branches: Branch[]; onEnrolled: (id: string) => void }) {
  const queryClient = useQueryClient()
  const [branchId, setBranchId] = useState("")
  const [templateId, setTemplateId] = useState("")
  const [customer, setCustomer] = useState<CustomerSummary | null>(null)
  const [pan, setPan] = useState("")
  const [form60, setForm60] = useState(false)
  const [key, setKey] = useState(() => newIdempotencyKey("ENROL"))
  useEffect(() => {
    if (!branchId && branches.length) {
      setBranchId(branches[0].id)
    }
  }, [branchId, branches])
  const enrol = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ scheme: Card }>("/admin/schemes/enrolments", {
        method: "POST",
        body: { idempotency_key: key, template_id: templateId, branch_id: branchId, customer_id: customer!.id, ...(pan.trim() ? { pan: pan.trim() } : {}), ...(form60 ? { form_60: true } : {}) },
      }),
    onSuccess: ({ scheme }) => {
      toast.success(`Enrolled: card ${scheme.number}`)
      setKey(newIdempotencyKey("ENROL"))
      setCustomer(null)
      setPan("")
      setForm60(false)
      queryClient.invalidateQueries({ queryKey: ["scheme-cards"] })
      onEnrolled(scheme.id)
    },
    onError: (e: Error) => toast.error("Not enrolled", { description: e.message }),
  })
  return (
    <div className="grid grid-cols-1 items-end gap-4 px-6 py-4 md:grid-cols-3">
      <div className="flex flex-col gap-y-1">
        <Label size="small">Scheme</Label>
        <Select value={templateId} onValueChange={setTemplateId}>
          <Select.Trigger><Select.Value placeholder="Choose a scheme" /></Select.Trigger>
          <Select.Content>
            {templates.filter((t) => t.active).map((t) => <Select.Item key={t.id} value={t.id}>{t.name} · {t.instalments} × {inrPaise(t.instalment_paise)}</Select.Item>)}
          </Select.Content>
        </Select>
      </div>
      <BranchField branches={branches} value={branchId} onChange={setBranchId} />
      <div className="flex flex-col gap-y-1">
        <Label size="small">Customer</Label>
        <CustomerPicker value={customer} onChange={setCustomer} />
      </div>
      <div className="md:col-span-2">
        <IdentityFields id="enrol" pan={pan} form60={form60} onPan={setPan} onForm60={setForm60} />
      </div>
      <Button size="small" disabled={!templateId || !branchId || !customer} isLoading={enrol.isPending} onClick={() => enrol.mutate()}>Enrol</Button>
    </div>
  )
}

type TemplateDraft = {
  code: string
  name: string
  kind: "amount" | "weight"
  purity: string
  instalment: string
  instalments: string
  maturity_months: string
  bonus_type: Bonus["type"]
  bonus_value: string
  grace_days: string
  early_closure_after: string
}

const EMPTY_TEMPLATE: TemplateDraft = {
  code: "",
  name: "",
  kind: "amount",
  purity: "916",
  instalment: "",
  instalments: "11",
  maturity_months: "12",
  bonus_type: "instalments",
  bonus_value: "1",
  grace_days: "7",
  early_closure_after: "6",
}

/** The template as the API takes it; the server checks every rule and names each field it refuses. */
function templateBody(d: TemplateDraft) {
  const whole = (v: string) => (v.trim() === "" ? undefined : Number(v))
  const bonus =
    d.bonus_type === "instalments"
      ? { type: "instalments", count: whole(d.bonus_value) }
      : d.bonus_type === "none"
        ? { type: "none" }
        : { type: d.bonus_type, bps: Math.round(Number(d.bonus_value) * 100) }
  return {
    code: d.code.trim(),
    name: d.name.trim(),
    kind: d.kind,
    ...(d.kind === "weight" ? { purity: whole(d.purity) } : {}),
    instalment_paise: Math.round(Number(d.instalment.replace(/,/g, "")) * 100),
    instalments: whole(d.instalments),
    maturity_months: whole(d.maturity_months),
    bonus,
    grace_days: whole(d.grace_days),
    early_closure_after: whole(d.early_closure_after),
  }
}

/** Offers a new scheme (owner and branch managers). */
function OfferForm() {
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState<TemplateDraft>(EMPTY_TEMPLATE)
  const set = (field: keyof TemplateDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }))
  const offer = useMutation({
    mutationFn: () => sdk.client.fetch<{ template: Template }>("/admin/schemes/templates", { method: "POST", body: templateBody(draft) }),
    onSuccess: ({ template }) => {
      toast.success(`Offered: ${template.name}`)
      setDraft(EMPTY_TEMPLATE)
      queryClient.invalidateQueries({ queryKey: ["scheme-templates"] })
    },
    onError: (e: Error) => toast.error("Not offered", { description: e.message }),
  })
  const field = (id: keyof TemplateDraft, label: string, props: { inputMode?: "decimal" | "numeric"; placeholder?: string } = {}) => (
    <div className="flex flex-col gap-y-1">
      <Label size="small" htmlFor={`offer-${id}`}>{label}</Label>
      <Input id={`offer-${id}`} size="small" value={draft[id]} onChange={(e) => set(id)(e.target.value)} {...props} />
    </div>
  )
  return (
    <div className="grid grid-cols-1 items-end gap-3 px-6 py-4 md:grid-cols-4">
      {field("code", "Code", { placeholder: "GOLD11" })}
      {field("name", "Name", { placeholder: "Swarna 11+1" })}
      <div className="flex flex-col gap-y-1">
        <Label size="small">Kind</Label>
        <Select value={draft.kind} onValueChange={set("kind")}>
          <Select.Trigger><Select.Value /></Select.Trigger>
          <Select.Content>
            <Select.Item value="amount">Amount (a money bonus)</Select.Item>
            <Select.Item value="weight">Weight (buys gold each month)</Select.Item>
          </Select.Content>
        </Select>
      </div>
      {draft.kind === "weight" ? field("purity", "Gold purity", { inputMode: "numeric" }) : <div />}
      {field("instalment", "Instalment (₹)", { inputMode: "decimal", placeholder: "5000" })}
      {field("instalments", "Instalments", { inputMode: "numeric" })}
      {field("maturity_months", "Matures after (months)", { inputMode: "numeric" })}
      {field("grace_days", "Grace days", { inputMode: "numeric" })}
      <div className="flex flex-col gap-y-1">
        <Label size="small">Bonus</Label>
        <Select value={draft.bonus_type} onValueChange={set("bonus_type")}>
          <Select.Trigger><Select.Value /></Select.Trigger>
          <Select.Content>
            <Select.Item value="instalments">Instalments paid by the shop</Select.Item>
            <Select.Item value="percent_of_paid">% of what was paid</Select.Item>
            <Select.Item value="making_waiver">% off making charges</Select.Item>
            <Select.Item value="none">None</Select.Item>
          </Select.Content>
        </Select>
      </div>
      {draft.bonus_type === "none" ? <div /> : field("bonus_value", draft.bonus_type === "instalments" ? "Bonus instalments" : "Bonus %", { inputMode: "decimal" })}
      {field("early_closure_after", "Early closure after (instalments)", { inputMode: "numeric" })}
      <Button size="small" disabled={!draft.code.trim() || !draft.name.trim() || !draft.instalment.trim()} isLoading={offer.isPending} onClick={() => offer.mutate()}>
        Offer this scheme
      </Button>
    </div>
  )
}

const SchemesPage = () => {
  const { data: me } = useStaffAccess()
  const canSell = may(me, "schemes", "sell")
  const canOffer = may(me, "schemes", "write")
  const queryClient = useQueryClient()
  const setOffered = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => sdk.client.fetch(`/admin/schemes/templates/${id}`, { method: "POST", body: { active } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["scheme-templates"] }),
    onError: (e: Error) => toast.error("Not changed", { description: e.message }),
  })
  const { data: templates } = useQuery({ queryKey: ["scheme-templates"], queryFn: () => sdk.client.fetch<{ templates: Template[] }>("/admin/schemes/templates") })
  const { all: allBranches, mine: myBranches } = useCounterBranches()
  const { data: liability } = useQuery({ queryKey: ["scheme-liability"], enabled: may(me, "reports", "read"), queryFn: () => sdk.client.fetch<Liability>("/admin/schemes/liability") })
  const [q, setQ] = useState("")
  const [status, setStatus] = useState("active")
  const [page, setPage] = useState(0)
  const [openId, setOpenId] = useState<string | null>(null)
  const term = useDebounced(q.trim())
  useEffect(() => setPage(0), [term, status])
  const { data: cards } = useQuery({
    queryKey: ["scheme-cards", term, status, page],
    queryFn: () => sdk.client.fetch<{ schemes: Card[]; count: number }>("/admin/schemes/enrolments", { query: { ...(term ? { q: term } : {}), status, limit: PAGE, offset: page * PAGE } }),
  })
  const branchName = (id: string) => allBranches.find((b) => b.id === id)?.name ?? id
  return (
    <RequirePermission resource="schemes" action="read" what="see savings schemes">
      <div className="flex flex-col gap-y-3">
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h1">Savings schemes</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Customers pay a fixed amount each month; at maturity the card pays for jewellery as a "Savings scheme" tender at the counter, whole and once.
              {liability ? ` Running: ${liability.totals.cards} cards, ${inrPaise(liability.totals.paid_paise)} received${liability.totals.fine_mg ? `, ${liability.totals.fine_mg} mg of gold held` : ""}, ${liability.totals.matured} matured with ${inrPaise(liability.totals.bonus_earned_paise)} of bonus earned.` : ""}
            </Text>
          </div>
          {canSell && <EnrolForm templates={templates?.templates ?? []} branches={myBranches} onEnrolled={setOpenId} />}
        </Container>
        <Container className="divide-y p-0">
          <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
            <Input type="search" placeholder="Card number, e.g. MUM/SC26-27/0001" value={q} onChange={(e) => setQ(e.target.value)} />
            <Select value={status} onValueChange={setStatus}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>
                <Select.Item value="active">Running</Select.Item>
                <Select.Item value="redeemed">Redeemed</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Card</Table.HeaderCell>
                <Table.HeaderCell>Scheme</Table.HeaderCell>
                <Table.HeaderCell>Branch</Table.HeaderCell>
                <Table.HeaderCell>Enrolled</Table.HeaderCell>
                <Table.HeaderCell>Matures</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(cards?.schemes ?? []).map((c) => (
                <Table.Row key={c.id} className="cursor-pointer" onClick={() => setOpenId(c.id)}>
                  <Table.Cell>{c.number}</Table.Cell>
                  <Table.Cell>{c.template_name}</Table.Cell>
                  <Table.Cell>{branchName(c.branch_id)}</Table.Cell>
                  <Table.Cell>{c.enrolled_on}</Table.Cell>
                  <Table.Cell>{c.matures_on}</Table.Cell>
                  <Table.Cell><StatusBadge color={c.status === "active" ? "green" : "grey"}>{c.status === "active" ? "running" : "redeemed"}</StatusBadge></Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Paginator count={cards?.count ?? 0} pageSize={PAGE} page={page} setPage={setPage} />
          {openId && <PassbookPanel id={openId} canSell={canSell} />}
        </Container>
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Schemes offered</Heading>
            <Text size="small" className="text-ui-fg-subtle">At most 12 monthly instalments and 365 days to maturity; the bonus only with every instalment on time.</Text>
          </div>
          {canOffer && <OfferForm />}
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Code</Table.HeaderCell>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>Instalments</Table.HeaderCell>
                <Table.HeaderCell>Matures after</Table.HeaderCell>
                <Table.HeaderCell>Bonus</Table.HeaderCell>
                <Table.HeaderCell>Offered</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(templates?.templates ?? []).map((t) => (
                <Table.Row key={t.id}>
                  <Table.Cell>{t.code}</Table.Cell>
                  <Table.Cell>{t.name}{t.kind === "weight" ? ` (gold ${t.purity})` : ""}</Table.Cell>
                  <Table.Cell>{t.instalments} × {inrPaise(t.instalment_paise)}</Table.Cell>
                  <Table.Cell>{t.maturity_months} months</Table.Cell>
                  <Table.Cell>{bonusText(t.bonus, t.instalment_paise)}</Table.Cell>
                  <Table.Cell>
                    {t.active ? "yes" : "no"}
                    {canOffer && (
                      <Button size="small" variant="transparent" onClick={() => setOffered.mutate({ id: t.id, active: !t.active })}>
                        {t.active ? "Withdraw" : "Offer again"}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Container>
      </div>
    </RequirePermission>
  )
}

export const config = defineRouteConfig({
  label: "Savings schemes",
  icon: CreditCard,
})

export default SchemesPage
