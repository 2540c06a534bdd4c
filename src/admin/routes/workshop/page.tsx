import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Tools } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Select, StatusBadge, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useRef, useState } from "react"
import type { BranchSummary as Branch } from "../../../types/http"
import { BranchField, useCounterBranches } from "../../components/counter-fields"
import { CustomerPicker } from "../../components/customer-picker"
import { DeskPage, EmptyList, FilterTabs } from "../../components/desk-page"
import { Paginator } from "../../components/paginator"
import { may, useStaffAccess } from "../../lib/access"
import { backendUrl, downloadFile, postForm } from "../../lib/files"
import { inrPaise, newIdempotencyKey, when } from "../../lib/format"
import { sdk } from "../../lib/sdk"
import type { CustomerSummary } from "../../lib/types"

type JobStatus = "received" | "with_karigar" | "ready" | "delivered" | "cancelled"
type Job = {
  id: string
  number: string
  kind: "repair" | "custom_order"
  article: string
  work: string
  status: JobStatus
  branch: { id: string; name: string }
  customer: { id: string; name: string; phone: string | null }
  gross_weight_in_mg: number
  net_weight_in_mg: number
  gross_weight_out_mg: number | null
  net_weight_out_mg: number | null
  least_weight_out_mg: number | null
  allowed_loss_bps: number
  customer_material: string | null
  estimate_paise: number | null
  due_at: string
  karigar_name: string | null
  overdue: boolean
  received_at: string
  delivered_at: string | null
  photos: { file_id: string; stage: "in" | "out"; filename: string; url: string }[]
  payments: { id: string; kind: "advance" | "balance" | "refund"; tender: Tender; amount_paise: number; reference: string | null; number: string | null; paid_at: string; voucher_url: string | null }[]
  paid_paise: number
  charges_paise: number | null
  invoice: { id: string; number: string; url: string } | null
}
type Tender = "cash" | "card" | "upi"
type Bill = { charges_paise: number; gst_rate: number; cgst_paise: number; sgst_paise: number; grand_total_paise: number; paid_paise: number; balance_paise: number; sac: string }

const LABEL: Record<JobStatus, string> = { received: "Received", with_karigar: "With the karigar", ready: "Ready for pickup", delivered: "Delivered", cancelled: "Cancelled" }
const COLOR: Record<JobStatus, "blue" | "orange" | "green" | "grey" | "purple"> = { received: "blue", with_karigar: "orange", ready: "purple", delivered: "green", cancelled: "grey" }
/** The steps a job may take next, as buttons (src/lib/workshop.ts keeps the rule; the server checks it). */
const NEXT: Record<JobStatus, JobStatus[]> = { received: ["with_karigar", "ready", "cancelled"], with_karigar: ["ready", "cancelled"], ready: ["with_karigar", "delivered", "cancelled"], delivered: [], cancelled: [] }
const JOB_FILTERS = [
  ["open", "In the workshop"],
  ["overdue", "Overdue"],
  ["done", "Delivered or cancelled"],
] as const
const g = (mg: number | null) => (mg === null ? "—" : `${(mg / 1000).toFixed(3)} g`)
const printJob = (job: Job) =>
  printFile(`/admin/job-cards/${job.id}/pdf`, job.number)
const TENDERS: [Tender, string][] = [
  ["cash", "Cash"],
  ["card", "Card"],
  ["upi", "UPI"],
]
const PAYMENT_LABEL = { advance: "Advance", balance: "Balance", refund: "Handed back" } as const
const fileName = (number: string) => `${number.replace(/\//g, "-")}.pdf`
const printFile = (url: string, number: string) => downloadFile(url, fileName(number)).catch((e: Error) => toast.error("Not printed", { description: e.message }))
/** Rupees as the API takes them ("331.00") from paise. */
const rupeesOf = (paise: number) => (paise / 100).toFixed(2)
const inFiveDays = () => new Date(Date.now() + 5 * 86_400_000 + 5.5 * 3_600_000).toISOString().slice(0, 10)

/** Take in a repair or a custom order. */
function TakeIn({ branches, onTaken }: { branches: Branch[]; onTaken: (id: string) => void }) {
  const queryClient = useQueryClient()
  const [branchId, setBranchId] = useState("")
  const [customer, setCustomer] = useState<CustomerSummary | null>(null)
  const [kind, setKind] = useState<"repair" | "custom_order">("repair")
  const [article, setArticle] = useState("")
  const [work, setWork] = useState("")
  const [gross, setGross] = useState("")
  const [net, setNet] = useState("")
  const [material, setMaterial] = useState("")
  const [estimate, setEstimate] = useState("")
  const [due, setDue] = useState(inFiveDays)
  const [key, setKey] = useState(() => newIdempotencyKey("JOB"))
  useEffect(() => {
    if (!branchId && branches.length) {
      setBranchId(branches[0].id)
    }
  }, [branchId, branches])
  const take = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ job: Job }>("/admin/job-cards", {
        method: "POST",
        body: {
          branch_id: branchId,
          customer_id: customer!.id,
          kind,
          article,
          work,
          ...(gross.trim() ? { gross_weight_in: gross.trim() } : {}),
          ...(net.trim() ? { net_weight_in: net.trim() } : {}),
          ...(material.trim() ? { customer_material: material.trim() } : {}),
          ...(estimate.trim() ? { estimate: estimate.trim() } : {}),
          due_at: `${due}T18:00:00+05:30`,
          idempotency_key: key,
        },
      }),
    onSuccess: ({ job }) => {
      toast.success(`Job ${job.number} taken in`, { description: `${job.article}, due ${when(job.due_at)}` })
      setArticle("")
      setWork("")
      setGross("")
      setNet("")
      setMaterial("")
      setEstimate("")
      setKey(newIdempotencyKey("JOB"))
      queryClient.invalidateQueries({ queryKey: ["job-cards"] })
      onTaken(job.id)
    },
    onError: (e: Error) => toast.error("Not taken in", { description: e.message }),
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
          <Label size="small">Kind</Label>
          <Select value={kind} onValueChange={(v) => setKind(v as "repair" | "custom_order")}>
            <Select.Trigger aria-label="Kind"><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value="repair">Repair</Select.Item>
              <Select.Item value="custom_order">Custom order</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="job-article">Article</Label>
          <Input id="job-article" placeholder="22K rope chain, 18 in" value={article} onChange={(e) => setArticle(e.target.value)} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="job-gross">Gross weight in (g)</Label>
          <Input id="job-gross" inputMode="decimal" value={gross} onChange={(e) => setGross(e.target.value)} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="job-net">Net weight in (g)</Label>
          <Input id="job-net" inputMode="decimal" value={net} onChange={(e) => setNet(e.target.value)} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="job-material">Customer's own gold or stones</Label>
          <Input id="job-material" placeholder="e.g. old ring 4.2 g 22K" value={material} onChange={(e) => setMaterial(e.target.value)} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="job-estimate">Estimate (₹)</Label>
          <Input id="job-estimate" inputMode="decimal" value={estimate} onChange={(e) => setEstimate(e.target.value)} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="job-due">Due</Label>
          <Input id="job-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </div>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="job-work">Work to do</Label>
        <Textarea id="job-work" rows={2} value={work} onChange={(e) => setWork(e.target.value)} />
      </div>
      <div className="flex justify-end">
        <Button size="small" disabled={!branchId || !customer || !article.trim() || !work.trim()} isLoading={take.isPending} onClick={() => take.mutate()}>Take in</Button>
      </div>
    </div>
  )
}

/** The article's photos, as it came in and as it goes back, and a way to add more (on a phone the picker offers the camera). */
function JobPhotos({ job, canWork }: { job: Job; canWork: boolean }) {
  const queryClient = useQueryClient()
  const input = useRef<HTMLInputElement>(null)
  const add = useMutation({
    mutationFn: async (files: FileList) => {
      const form = new FormData()
      for (const file of Array.from(files)) {
        form.append("files", file)
      }
      form.append("stage", job.status === "ready" || job.status === "delivered" ? "out" : "in")
      const { status, body } = await postForm<{ message?: string }>(`/admin/job-cards/${job.id}/photos`, form)
      if (status >= 400) {
        throw new Error(body.message ?? "The photos were not stored")
      }
    },
    onSuccess: () => {
      toast.success("Photos kept with the job")
      void queryClient.invalidateQueries({ queryKey: ["job-cards"] })
    },
    onError: (e: Error) => toast.error("Photos not stored", { description: e.message }),
    onSettled: () => {
      if (input.current) {
        input.current.value = ""
      }
    },
  })
  return (
    <div className="flex flex-wrap items-center gap-3 px-6 py-4">
      {job.photos.map((p) => (
        <a key={p.file_id} href={backendUrl(p.url)} target="_blank" rel="noreferrer" title={`${p.stage === "in" ? "Taken in" : "Handed back"}: ${p.filename}`}>
          <img src={backendUrl(p.url)} alt={`${job.article}, ${p.stage === "in" ? "as taken in" : "as handed back"}`} className="h-20 w-20 rounded-md border object-cover" />
        </a>
      ))}
      {!job.photos.length && <Text size="small" className="text-ui-fg-subtle">No photos yet.</Text>}
      {canWork && job.status !== "cancelled" && (
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="job-photos">Add photos</Label>
          <input id="job-photos" ref={input} type="file" accept="image/jpeg,image/png,image/webp" multiple disabled={add.isPending} onChange={(e) => e.target.files?.length && add.mutate(e.target.files)} />
        </div>
      )}
    </div>
  )
}

/** Tender and reference, as the advance and the balance take them. */
function TenderFields({ id, tender, setTender, reference, setReference }: { id: string; tender: Tender; setTender: (t: Tender) => void; reference: string; setReference: (r: string) => void }) {
  return (
    <>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor={`${id}-tender`}>Paid by</Label>
        <Select value={tender} onValueChange={(v) => setTender(v as Tender)}>
          <Select.Trigger id={`${id}-tender`}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {TENDERS.map(([value, label]) => (
              <Select.Item key={value} value={value}>{label}</Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {tender !== "cash" && (
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor={`${id}-reference`}>Reference</Label>
          <Input id={`${id}-reference`} placeholder="Slip or UPI ref." value={reference} onChange={(e) => setReference(e.target.value)} />
        </div>
      )}
    </>
  )
}

/** The job's money: what was paid and handed back with each voucher, the invoice once delivered, and an advance while it is open. */
function JobMoney({ job, canWork }: { job: Job; canWork: boolean }) {
  const queryClient = useQueryClient()
  const [amount, setAmount] = useState("")
  const [tender, setTender] = useState<Tender>("cash")
  const [reference, setReference] = useState("")
  const [key, setKey] = useState(() => newIdempotencyKey("ADV"))
  const open = job.status !== "delivered" && job.status !== "cancelled"
  const take = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ payment: Job["payments"][number] }>(`/admin/job-cards/${job.id}/payments`, {
        method: "POST",
        body: { tender, amount: amount.trim(), ...(reference.trim() && tender !== "cash" ? { reference: reference.trim() } : {}), idempotency_key: key },
      }),
    onSuccess: ({ payment }) => {
      toast.success(`Advance taken: ${inrPaise(payment.amount_paise)}`, { description: `Receipt voucher ${payment.number}` })
      setAmount("")
      setReference("")
      setKey(newIdempotencyKey("ADV"))
      void queryClient.invalidateQueries({ queryKey: ["job-cards"] })
    },
    onError: (e: Error) => toast.error("Advance not taken", { description: e.message }),
  })
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex items-center justify-between">
        <Text size="small" weight="plus">Paid: {inrPaise(job.paid_paise)}{job.charges_paise !== null ? ` · work billed at ${inrPaise(job.charges_paise)} + GST` : ""}</Text>
        {job.invoice && (
          <Button size="small" variant="secondary" onClick={() => void printFile(job.invoice!.url, job.invoice!.number)}>Print invoice {job.invoice.number}</Button>
        )}
      </div>
      {job.payments.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>When</Table.HeaderCell>
              <Table.HeaderCell>What</Table.HeaderCell>
              <Table.HeaderCell>Paid by</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
              <Table.HeaderCell>Voucher</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {job.payments.map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>{when(p.paid_at)}</Table.Cell>
                <Table.Cell>{PAYMENT_LABEL[p.kind]}</Table.Cell>
                <Table.Cell>{TENDERS.find(([t]) => t === p.tender)?.[1]}{p.reference ? ` · ${p.reference}` : ""}</Table.Cell>
                <Table.Cell className="text-right">{p.kind === "refund" ? "−" : ""}{inrPaise(p.amount_paise)}</Table.Cell>
                <Table.Cell>
                  {p.voucher_url && p.number ? (
                    <Button size="small" variant="transparent" onClick={() => void printFile(p.voucher_url!, p.number!)}>{p.number}</Button>
                  ) : (
                    job.invoice?.number ?? "—"
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {canWork && open && (
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="job-advance">Advance (₹)</Label>
            <Input id="job-advance" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </div>
          <TenderFields id="job-advance" tender={tender} setTender={setTender} reference={reference} setReference={setReference} />
          <Button size="small" variant="secondary" disabled={!amount.trim()} isLoading={take.isPending} onClick={() => take.mutate()}>Take advance</Button>
        </div>
      )}
    </div>
  )
}

/** One job: its weights and where it is; the next steps as buttons (to the karigar asks who, delivery asks the weights). */
function JobDesk({ jobId, canWork }: { jobId: string; canWork: boolean }) {
  const queryClient = useQueryClient()
  const [karigar, setKarigar] = useState("")
  const [grossOut, setGrossOut] = useState("")
  const [netOut, setNetOut] = useState("")
  const [charges, setCharges] = useState("")
  const [gstin, setGstin] = useState("")
  const [tender, setTender] = useState<Tender>("cash")
  const [reference, setReference] = useState("")
  const { data } = useQuery({ queryKey: ["job-cards", jobId], queryFn: () => sdk.client.fetch<{ job: Job }>(`/admin/job-cards/${jobId}`) })
  // The shop's karigars, offered as the name is typed; a job sent to one of them is linked to his account.
  const karigars = useQuery({
    queryKey: ["karigars", "taking-work"],
    queryFn: () => sdk.client.fetch<{ karigars: { id: string; name: string }[] }>("/admin/karigars", { query: { active: "true", limit: 100 } }),
    enabled: canWork,
  })
  const ready = data?.job.status === "ready"
  const chargesGiven = charges.trim() || (data?.job.estimate_paise !== null && data?.job.estimate_paise !== undefined ? rupeesOf(data.job.estimate_paise) : "")
  // What delivery would bill, worked out by the server as the charges and GSTIN are typed.
  const bill = useQuery({
    queryKey: ["job-cards", jobId, "bill", chargesGiven, gstin.trim(), data?.job.paid_paise],
    queryFn: () => sdk.client.fetch<{ bill: Bill }>(`/admin/job-cards/${jobId}/bill`, { query: { charges: chargesGiven, ...(gstin.trim().length === 15 ? { gstin: gstin.trim() } : {}) } }),
    enabled: ready && !!chargesGiven,
    retry: false,
  })
  const balance = bill.data?.bill.balance_paise ?? 0
  const move = useMutation({
    mutationFn: (status: JobStatus) =>
      sdk.client.fetch<{ job: Job }>(`/admin/job-cards/${jobId}/steps`, {
        method: "POST",
        body: {
          status,
          ...(status === "with_karigar" && karigar.trim() ? { karigar_name: karigar.trim() } : {}),
          ...(status === "delivered"
            ? {
                gross_weight_out: grossOut.trim(),
                net_weight_out: netOut.trim(),
                ...(charges.trim() ? { charges: charges.trim() } : {}),
                ...(gstin.trim() ? { gstin: gstin.trim() } : {}),
                ...(balance > 0 ? { tenders: [{ tender, amount: rupeesOf(balance), ...(reference.trim() && tender !== "cash" ? { reference: reference.trim() } : {}) }] } : {}),
              }
            : {}),
        },
      }),
    onSuccess: ({ job }) => {
      toast.success(`Job ${job.number}: ${LABEL[job.status].toLowerCase()}`, { description: job.invoice ? `Invoice ${job.invoice.number}. The customer is told.` : "The customer is told." })
      queryClient.invalidateQueries({ queryKey: ["job-cards"] })
    },
    onError: (e: Error) => toast.error("Not moved", { description: e.message }),
  })
  if (!data) {
    return null
  }
  const { job } = data
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{job.number}: {job.article}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {job.kind === "repair" ? "Repair" : "Custom order"} for {job.customer.name}{job.customer.phone ? ` · ${job.customer.phone}` : ""} · {job.branch.name} · due {when(job.due_at)}
            {job.karigar_name ? ` · karigar ${job.karigar_name}` : ""}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          {job.overdue && <Badge color="red">Overdue</Badge>}
          <StatusBadge color={COLOR[job.status]}>{LABEL[job.status]}</StatusBadge>
          <Button size="small" variant="secondary" onClick={() => void printJob(job)}>Print job card</Button>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2 px-6 py-4 md:grid-cols-4">
        <Text size="small">Work: {job.work}</Text>
        <Text size="small">In: {g(job.gross_weight_in_mg)} gross, {g(job.net_weight_in_mg)} net</Text>
        <Text size="small">Out: {g(job.gross_weight_out_mg)} gross, {g(job.net_weight_out_mg)} net</Text>
        <Text size="small">{job.least_weight_out_mg !== null ? `Back at least ${g(job.least_weight_out_mg)} (${job.allowed_loss_bps / 100} % loss allowed)` : "Made to order"}</Text>
        {job.customer_material && <Text size="small">Customer's material: {job.customer_material}</Text>}
        {job.estimate_paise !== null && <Text size="small">Estimate: {inrPaise(job.estimate_paise)}</Text>}
      </div>
      <JobPhotos job={job} canWork={canWork} />
      <JobMoney job={job} canWork={canWork} />
      {canWork && NEXT[job.status].length > 0 && (
        <div className="flex flex-wrap items-end gap-3 px-6 py-4">
          {NEXT[job.status].includes("with_karigar") && (
            <div className="flex items-end gap-2">
              <div className="flex flex-col gap-y-1">
                <Label size="small" htmlFor="job-karigar">Karigar</Label>
                <Input id="job-karigar" list="job-karigars" placeholder={job.karigar_name ?? "Name"} value={karigar} onChange={(e) => setKarigar(e.target.value)} />
                <datalist id="job-karigars">
                  {karigars.data?.karigars.map((k) => <option key={k.id} value={k.name} />)}
                </datalist>
              </div>
              <Button size="small" variant="secondary" isLoading={move.isPending && move.variables === "with_karigar"} onClick={() => move.mutate("with_karigar")}>To the karigar</Button>
            </div>
          )}
          {NEXT[job.status].includes("ready") && (
            <Button size="small" variant="secondary" isLoading={move.isPending && move.variables === "ready"} onClick={() => move.mutate("ready")}>Ready for pickup</Button>
          )}
          {NEXT[job.status].includes("delivered") && (
            <div className="flex items-end gap-2">
              <div className="flex flex-col gap-y-1">
                <Label size="small" htmlFor="job-gross-out">Gross out (g)</Label>
                <Input id="job-gross-out" inputMode="decimal" value={grossOut} onChange={(e) => setGrossOut(e.target.value)} />
              </div>
              <div className="flex flex-col gap-y-1">
                <Label size="small" htmlFor="job-net-out">Net out (g)</Label>
                <Input id="job-net-out" inputMode="decimal" value={netOut} onChange={(e) => setNetOut(e.target.value)} />
              </div>
              <div className="flex flex-col gap-y-1">
                <Label size="small" htmlFor="job-charges">Charges (₹)</Label>
                <Input id="job-charges" inputMode="decimal" placeholder={job.estimate_paise !== null ? rupeesOf(job.estimate_paise) : "0.00"} value={charges} onChange={(e) => setCharges(e.target.value)} />
              </div>
              <div className="flex flex-col gap-y-1">
                <Label size="small" htmlFor="job-gstin">Customer's GSTIN</Label>
                <Input id="job-gstin" placeholder="If registered" value={gstin} onChange={(e) => setGstin(e.target.value.toUpperCase())} />
              </div>
              {balance > 0 && <TenderFields id="job-balance" tender={tender} setTender={setTender} reference={reference} setReference={setReference} />}
              <Button size="small" disabled={!grossOut.trim() || !netOut.trim() || !bill.data} isLoading={move.isPending && move.variables === "delivered"} onClick={() => move.mutate("delivered")}>Deliver</Button>
            </div>
          )}
          {ready && bill.data && (
            <Text size="small" className="w-full text-ui-fg-subtle">
              Bill {inrPaise(bill.data.bill.grand_total_paise)} (work {inrPaise(bill.data.bill.charges_paise)} + GST {bill.data.bill.gst_rate / 1000} % at SAC {bill.data.bill.sac})
              {bill.data.bill.paid_paise ? `, ${inrPaise(bill.data.bill.paid_paise)} paid in advance` : ""}:{" "}
              {balance > 0 ? `${inrPaise(balance)} to take` : balance < 0 ? `${inrPaise(-balance)} to hand back the way it was paid` : "nothing to take"}
            </Text>
          )}
          {ready && bill.error && <Text size="small" className="w-full text-ui-fg-error">{(bill.error as Error).message}</Text>}
          <Button size="small" variant="transparent" isLoading={move.isPending && move.variables === "cancelled"} onClick={() => move.mutate("cancelled")}>Cancel job</Button>
        </div>
      )}
    </Container>
  )
}

/** The branches' jobs, open ones first by due date. */
function JobList({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const [filter, setFilter] = useState<"open" | "overdue" | "done">("open")
  const [page, setPage] = useState(0)
  useEffect(() => setPage(0), [filter])
  const { data } = useQuery({
    queryKey: ["job-cards", "list", filter, page],
    queryFn: () =>
      sdk.client.fetch<{ jobs: Job[]; count: number }>("/admin/job-cards", {
        query: {
          limit: 10,
          offset: page * 10,
          ...(filter === "overdue" ? { overdue: "true" } : { status: filter === "open" ? ["received", "with_karigar", "ready"] : ["delivered", "cancelled"] }),
        },
      }),
  })
  return (
    <>
      <FilterTabs tabs={JOB_FILTERS} value={filter} onChange={setFilter} />
      {data?.count ? (
        <Table>
          <Table.Body>
            {data.jobs.map((j) => (
              <Table.Row key={j.id} className={`cursor-pointer ${j.id === selected ? "bg-ui-bg-highlight" : ""}`} onClick={() => onSelect(j.id)}>
                <Table.Cell>{j.number}</Table.Cell>
                <Table.Cell>{j.article}</Table.Cell>
                <Table.Cell>{j.customer.name}</Table.Cell>
                <Table.Cell>due {when(j.due_at)}</Table.Cell>
                <Table.Cell>{j.overdue ? <Badge size="2xsmall" color="red">Overdue</Badge> : <StatusBadge color={COLOR[j.status]}>{LABEL[j.status]}</StatusBadge>}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <EmptyList>No jobs here.</EmptyList>
      )}
      {data && <Paginator count={data.count} pageSize={10} page={page} setPage={setPage} />}
    </>
  )
}

const WorkshopPage = () => {
  const { data: me } = useStaffAccess()
  const { mine } = useCounterBranches()
  const canWork = may(me, "pos", "sell")
  return (
    <DeskPage
      title="Workshop"
      description="Repairs and custom orders: take the article in with its weights, send it to a karigar, mark it ready and hand it back weighed again. The customer gets an SMS or WhatsApp at each step."
      resource="pos"
      what="see the workshop's jobs"
      param="job"
      form={canWork ? (select) => <TakeIn branches={mine} onTaken={select} /> : null}
      list={(selected, select) => <JobList selected={selected} onSelect={select} />}
      desk={(id) => <JobDesk jobId={id} canWork={canWork} />}
    />
  )
}

export const config = defineRouteConfig({
  label: "Workshop",
  icon: Tools,
})

export default WorkshopPage
