import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Fire } from "@medusajs/icons"
import { Button, Checkbox, Container, Heading, Input, Label, Select, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import type { BranchSummary as Branch } from "../../../types/http"
import { BranchField, useCounterBranches } from "../../components/counter-fields"
import { DeskPage, EmptyList, FilterTabs } from "../../components/desk-page"
import { LabelledSelect } from "../../components/labelled-select"
import { Paginator } from "../../components/paginator"
import { may, useStaffAccess } from "../../lib/access"
import { downloadFile } from "../../lib/files"
import { grams, inrPaise, newIdempotencyKey, when } from "../../lib/format"
import { sdk } from "../../lib/sdk"

type Metal = "gold" | "silver" | "platinum"
type Balance = { metal: Metal; outstanding_mg: number; open_issues: number }
type Karigar = { id: string; name: string; phone: string | null; wastage_bps: number; active: boolean; balances: Balance[] }
type Receipt = {
  id: string
  form: "pieces" | "metal"
  description: string
  purity: number
  gross_weight_mg: number
  net_weight_mg: number
  fine_weight_mg: number
  wastage_fine_mg: number
  to_old_gold_stock: boolean
  received_at: string
  received_by: { name: string } | null
}
type Issue = {
  id: string
  number: string
  status: "open" | "settled"
  metal: Metal
  form: "metal" | "pieces"
  description: string
  purity: number
  gross_weight_mg: number
  net_weight_mg: number
  fine_weight_mg: number
  allowed_wastage_bps: number
  wastage_allowance_mg: number
  received_fine_mg: number
  wastage_fine_mg: number
  outstanding_mg: number
  value_paise: number | null
  from_old_gold_stock: boolean
  due_at: string | null
  issued_at: string
  branch: { id: string; name: string }
  karigar: { id: string; name: string }
  job_card: { id: string; number: string } | null
  receipts?: Receipt[]
}

const ISSUE_FILTERS = [
  ["open", "With the karigars"],
  ["settled", "Settled"],
] as const
const balanceText = (balances: Balance[]) => (balances.length ? balances.map((b) => `${grams(b.outstanding_mg)} fine ${b.metal}`).join(", ") : "nothing out")
const printChallan = (issue: Issue) =>
  downloadFile(`/admin/karigar-issues/${issue.id}/challan`, `${issue.number.replace(/\//g, "-")}.pdf`).catch((e: Error) => toast.error("Not printed", { description: e.message }))

function useKarigars() {
  return useQuery({ queryKey: ["karigars"], queryFn: () => sdk.client.fetch<{ karigars: Karigar[]; count: number }>("/admin/karigars", { query: { limit: 200 } }) })
}

function Field({ id, label, value, onChange, placeholder, decimal }: { id: string; label: string; value: string; onChange: (v: string) => void; placeholder?: string; decimal?: boolean }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="small" htmlFor={id}>{label}</Label>
      <Input id={id} placeholder={placeholder} inputMode={decimal ? "decimal" : undefined} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  )
}

/** Add a karigar: name, phone and the wastage his jobs allow. */
function AddKarigar() {
  const queryClient = useQueryClient()
  const [name, setName] = useState("")
  const [phone, setPhone] = useState("")
  const [wastage, setWastage] = useState("3")
  const add = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ karigar: Karigar }>("/admin/karigars", {
        method: "POST",
        body: { name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}), wastage_bps: Math.round(Number(wastage) * 100) },
      }),
    onSuccess: ({ karigar }) => {
      toast.success(`${karigar.name} added`)
      setName("")
      setPhone("")
      queryClient.invalidateQueries({ queryKey: ["karigars"] })
    },
    onError: (e: Error) => toast.error("Not added", { description: e.message }),
  })
  return (
    <div className="flex flex-wrap items-end gap-3 px-6 py-4">
      <Field id="karigar-name" label="New karigar" placeholder="Name" value={name} onChange={setName} />
      <Field id="karigar-phone" label="Phone" value={phone} onChange={setPhone} />
      <Field id="karigar-wastage" label="Wastage allowed (%)" value={wastage} onChange={setWastage} decimal />
      <Button size="small" variant="secondary" disabled={!name.trim() || !Number.isFinite(Number(wastage))} isLoading={add.isPending} onClick={() => add.mutate()}>Add karigar</Button>
    </div>
  )
}

/** Issue metal or pieces to a karigar on a job-work challan. */
function IssueForm({ branches, onIssued }: { branches: Branch[]; onIssued: (id: string) => void }) {
  const queryClient = useQueryClient()
  const { data: karigars } = useKarigars()
  const [branchId, setBranchId] = useState("")
  const [karigarId, setKarigarId] = useState("")
  const [metal, setMetal] = useState<Metal>("gold")
  const [form, setForm] = useState<"metal" | "pieces">("metal")
  const [description, setDescription] = useState("")
  const [purity, setPurity] = useState("916")
  const [gross, setGross] = useState("")
  const [net, setNet] = useState("")
  const [fromOldGold, setFromOldGold] = useState(false)
  const [key, setKey] = useState(() => newIdempotencyKey("JW"))
  useEffect(() => {
    if (!branchId && branches.length) {
      setBranchId(branches[0].id)
    }
  }, [branchId, branches])
  const issue = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ issue: Issue }>("/admin/karigar-issues", {
        method: "POST",
        body: {
          branch_id: branchId,
          karigar_id: karigarId,
          metal,
          form,
          description: description.trim(),
          purity: Number(purity),
          gross_weight: gross.trim(),
          ...(net.trim() ? { net_weight: net.trim() } : {}),
          from_old_gold_stock: fromOldGold,
          idempotency_key: key,
        },
      }),
    onSuccess: ({ issue }) => {
      toast.success(`Challan ${issue.number} issued`, { description: `${grams(issue.fine_weight_mg)} fine ${issue.metal} to ${issue.karigar.name}` })
      setDescription("")
      setGross("")
      setNet("")
      setKey(newIdempotencyKey("JW"))
      queryClient.invalidateQueries({ queryKey: ["karigars"] })
      queryClient.invalidateQueries({ queryKey: ["karigar-issues"] })
      onIssued(issue.id)
    },
    onError: (e: Error) => toast.error("Not issued", { description: e.message }),
  })
  const active = (karigars?.karigars ?? []).filter((k) => k.active)
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <div className="grid grid-cols-1 items-end gap-4 md:grid-cols-4">
        <BranchField branches={branches} value={branchId} onChange={setBranchId} />
        <div className="flex flex-col gap-y-1">
          <Label size="small">Karigar</Label>
          <Select value={karigarId} onValueChange={setKarigarId}>
            <Select.Trigger aria-label="Karigar"><Select.Value placeholder="Choose a karigar" /></Select.Trigger>
            <Select.Content>
              {active.map((k) => (
                <Select.Item key={k.id} value={k.id}>{k.name}</Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <LabelledSelect label="Metal" className="" value={metal} onChange={setMetal} options={[["gold", "Gold"], ["silver", "Silver"], ["platinum", "Platinum"]]} />
        <LabelledSelect label="Goes out as" className="" value={form} onChange={setForm} options={[["metal", "Metal"], ["pieces", "Pieces"]]} />
        <Field id="issue-description" label="What goes out" placeholder="22K bar for two bangles" value={description} onChange={setDescription} />
        <Field id="issue-purity" label="Purity (‰)" value={purity} onChange={setPurity} decimal />
        <Field id="issue-gross" label="Gross weight (g)" value={gross} onChange={setGross} decimal />
        {form === "pieces" && <Field id="issue-net" label="Net metal (g)" value={net} onChange={setNet} decimal />}
      </div>
      <div className="flex items-center justify-between">
        <div className="flex items-center gap-x-2">
          <Checkbox id="issue-old-gold" checked={fromOldGold} onCheckedChange={(v) => setFromOldGold(v === true)} />
          <Label size="small" htmlFor="issue-old-gold">From the branch's old-gold stock</Label>
        </div>
        <Button size="small" disabled={!branchId || !karigarId || !description.trim() || !gross.trim() || !purity.trim()} isLoading={issue.isPending} onClick={() => issue.mutate()}>Issue to karigar</Button>
      </div>
    </div>
  )
}

/** One challan: what went out, what came back, what is still out; a receipt form while it is open. */
/** A finished piece as the receipt form holds it, before it goes into stock. */
type PieceRow = { tag_code: string; category: string; gross: string; net: string; making: string; huid: string; design_code: string; size: string }
const emptyPiece = (category = ""): PieceRow => ({ tag_code: "", category, gross: "", net: "", making: "", huid: "", design_code: "", size: "" })
const pieceReady = (p: PieceRow) => !!(p.tag_code.trim() && p.category && p.gross.trim() && p.making.trim())

/** The pieces a karigar brings back, a row each, to go into stock at the challan's branch with the receipt. */
function ReceiptPieces({ pieces, onChange }: { pieces: PieceRow[]; onChange: (pieces: PieceRow[]) => void }) {
  const { data } = useQuery({
    queryKey: ["product-categories", "handles"],
    queryFn: () => sdk.client.fetch<{ product_categories: { handle: string; name: string }[] }>("/admin/product-categories", { query: { fields: "handle,name", limit: 100 } }),
  })
  const categories = (data?.product_categories ?? []).map((c) => [c.handle, c.name] as [string, string])
  const set = (i: number, change: Partial<PieceRow>) => onChange(pieces.map((p, j) => (j === i ? { ...p, ...change } : p)))
  const cell = (i: number, name: keyof PieceRow, label: string, placeholder?: string) => (
    <Input
      size="small"
      aria-label={`${label}, piece ${i + 1}`}
      placeholder={placeholder}
      value={pieces[i][name]}
      onChange={(e) => set(i, { [name]: e.target.value })}
    />
  )
  return (
    <div className="flex w-full flex-col gap-y-2">
      <Text size="small" className="text-ui-fg-subtle">
        Each piece goes into stock at the challan's branch, tagged and priced; the receipt weighs what they weigh together.
      </Text>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Tag</Table.HeaderCell>
            <Table.HeaderCell>Category</Table.HeaderCell>
            <Table.HeaderCell>Gross (g)</Table.HeaderCell>
            <Table.HeaderCell>Net (g)</Table.HeaderCell>
            <Table.HeaderCell>Making (₹/g)</Table.HeaderCell>
            <Table.HeaderCell>HUID</Table.HeaderCell>
            <Table.HeaderCell>Design</Table.HeaderCell>
            <Table.HeaderCell>Size</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {pieces.map((_, i) => (
            <Table.Row key={i}>
              <Table.Cell>{cell(i, "tag_code", "Tag", "MUM-B-0101")}</Table.Cell>
              <Table.Cell>
                <Select value={pieces[i].category} onValueChange={(category) => set(i, { category })}>
                  <Select.Trigger aria-label={`Category, piece ${i + 1}`} className="w-36"><Select.Value placeholder="Category" /></Select.Trigger>
                  <Select.Content>
                    {categories.map(([handle, name]) => <Select.Item key={handle} value={handle}>{name}</Select.Item>)}
                  </Select.Content>
                </Select>
              </Table.Cell>
              <Table.Cell>{cell(i, "gross", "Gross")}</Table.Cell>
              <Table.Cell>{cell(i, "net", "Net", "as gross")}</Table.Cell>
              <Table.Cell>{cell(i, "making", "Making")}</Table.Cell>
              <Table.Cell>{cell(i, "huid", "HUID")}</Table.Cell>
              <Table.Cell>{cell(i, "design_code", "Design")}</Table.Cell>
              <Table.Cell>{cell(i, "size", "Size")}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="flex gap-x-2">
        <Button size="small" variant="secondary" onClick={() => onChange([...pieces, emptyPiece(pieces[pieces.length - 1]?.category)])}>Add a piece</Button>
        {pieces.length > 1 && <Button size="small" variant="transparent" onClick={() => onChange(pieces.slice(0, -1))}>Remove the last</Button>}
      </div>
    </div>
  )
}

/** The receipt form's rows as the API takes them. */
const piecesBody = (pieces: PieceRow[]) =>
  pieces.map((p) => ({
    tag_code: p.tag_code.trim(),
    category: p.category,
    gross_weight_g: p.gross.trim(),
    net_weight_g: p.net.trim() || p.gross.trim(),
    making: { type: "per_gram", rupees: p.making.trim() },
    ...(p.huid.trim() ? { huid: p.huid.trim() } : {}),
    ...(p.design_code.trim() ? { design_code: p.design_code.trim() } : {}),
    ...(p.size.trim() ? { size: p.size.trim() } : {}),
  }))

function IssueDesk({ issueId, canWork }: { issueId: string; canWork: boolean }) {
  const queryClient = useQueryClient()
  const [form, setForm] = useState<"pieces" | "metal">("pieces")
  const [description, setDescription] = useState("")
  const [purity, setPurity] = useState("")
  const [gross, setGross] = useState("")
  const [net, setNet] = useState("")
  const [wastage, setWastage] = useState("")
  const [toOldGold, setToOldGold] = useState(false)
  const [intoStock, setIntoStock] = useState(false)
  const [pieces, setPieces] = useState<PieceRow[]>([emptyPiece()])
  const [key, setKey] = useState(() => newIdempotencyKey("JWR"))
  const stocking = form === "pieces" && intoStock
  const { data } = useQuery({ queryKey: ["karigar-issues", issueId], queryFn: () => sdk.client.fetch<{ issue: Issue }>(`/admin/karigar-issues/${issueId}`) })
  const receive = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ issue: Issue; pieces_stocked: string[] }>(`/admin/karigar-issues/${issueId}/receipts`, {
        method: "POST",
        body: {
          form,
          description: description.trim(),
          purity: Number(purity || data!.issue.purity),
          ...(stocking ? { pieces: piecesBody(pieces) } : { gross_weight: gross.trim() }),
          ...(!stocking && net.trim() ? { net_weight: net.trim() } : {}),
          ...(wastage.trim() ? { wastage: wastage.trim() } : {}),
          ...(form === "metal" && toOldGold ? { to_old_gold_stock: true } : {}),
          idempotency_key: key,
        },
      }),
    onSuccess: ({ issue, pieces_stocked }) => {
      toast.success(issue.status === "settled" ? `Challan ${issue.number} settled` : `Received on ${issue.number}`, {
        description: `${grams(issue.outstanding_mg)} fine still out${pieces_stocked.length ? ` · ${pieces_stocked.length} pieces into stock: ${pieces_stocked.join(", ")}` : ""}`,
      })
      setDescription("")
      setPieces([emptyPiece()])
      setGross("")
      setNet("")
      setWastage("")
      setKey(newIdempotencyKey("JWR"))
      queryClient.invalidateQueries({ queryKey: ["karigar-issues"] })
      queryClient.invalidateQueries({ queryKey: ["karigars"] })
    },
    onError: (e: Error) => toast.error("Not received", { description: e.message }),
  })
  if (!data) {
    return null
  }
  const { issue } = data
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{issue.number}: {issue.description}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            To {issue.karigar.name} from {issue.branch.name} · {when(issue.issued_at)}
            {issue.job_card ? ` · job ${issue.job_card.number}` : ""}
            {issue.from_old_gold_stock ? " · from old-gold stock" : ""}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <StatusBadge color={issue.status === "open" ? "orange" : "green"}>{issue.status === "open" ? "With the karigar" : "Settled"}</StatusBadge>
          <Button size="small" variant="secondary" onClick={() => void printChallan(issue)}>Print challan</Button>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2 px-6 py-4 md:grid-cols-4">
        <Text size="small">Issued: {grams(issue.net_weight_mg)} at {issue.purity} = {grams(issue.fine_weight_mg)} fine</Text>
        <Text size="small">Back: {grams(issue.received_fine_mg)} fine, wastage {grams(issue.wastage_fine_mg)}</Text>
        <Text size="small">Wastage allowed: {issue.allowed_wastage_bps / 100} % ({grams(issue.wastage_allowance_mg)})</Text>
        <Text size="small" weight="plus">Still out: {grams(issue.outstanding_mg)} fine</Text>
        {issue.value_paise !== null && <Text size="small">Declared value: {inrPaise(issue.value_paise)}</Text>}
      </div>
      {issue.receipts?.length ? (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Received</Table.HeaderCell>
              <Table.HeaderCell>What</Table.HeaderCell>
              <Table.HeaderCell>Net at purity</Table.HeaderCell>
              <Table.HeaderCell>Fine</Table.HeaderCell>
              <Table.HeaderCell>Wastage</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {issue.receipts.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>{when(r.received_at)}{r.received_by ? ` · ${r.received_by.name}` : ""}</Table.Cell>
                <Table.Cell>{r.description}{r.to_old_gold_stock ? " · into the old-gold stock" : ""}</Table.Cell>
                <Table.Cell>{grams(r.net_weight_mg)} at {r.purity}</Table.Cell>
                <Table.Cell>{grams(r.fine_weight_mg)}</Table.Cell>
                <Table.Cell>{grams(r.wastage_fine_mg)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
      {canWork && issue.status === "open" && (
        <div className="flex flex-wrap items-end gap-3 px-6 py-4">
          <LabelledSelect label="Comes back as" className="w-36" value={form} onChange={setForm} options={[["pieces", "Pieces"], ["metal", "Metal"]]} />
          <Field id="receipt-description" label="What came back" placeholder="2 bangles" value={description} onChange={setDescription} />
          <Field id="receipt-purity" label="Purity (‰)" placeholder={String(issue.purity)} value={purity} onChange={setPurity} decimal />
          {!stocking && <Field id="receipt-gross" label="Gross (g)" value={gross} onChange={setGross} decimal />}
          {!stocking && <Field id="receipt-net" label="Net metal (g)" placeholder="as gross" value={net} onChange={setNet} decimal />}
          <Field id="receipt-wastage" label="Wastage (fine g)" value={wastage} onChange={setWastage} decimal />
          {form === "metal" && (
            <div className="flex items-center gap-x-2 pb-2">
              <Checkbox id="receipt-old-gold" checked={toOldGold} onCheckedChange={(v) => setToOldGold(v === true)} />
              <Label size="small" htmlFor="receipt-old-gold">Into the old-gold stock</Label>
            </div>
          )}
          {form === "pieces" && (
            <div className="flex items-center gap-x-2 pb-2">
              <Checkbox id="receipt-into-stock" checked={intoStock} onCheckedChange={(v) => setIntoStock(v === true)} />
              <Label size="small" htmlFor="receipt-into-stock">Into stock as tagged pieces</Label>
            </div>
          )}
          {stocking && <ReceiptPieces pieces={pieces} onChange={setPieces} />}
          <Button
            size="small"
            disabled={!description.trim() || (stocking ? !pieces.every(pieceReady) : !gross.trim())}
            isLoading={receive.isPending}
            onClick={() => receive.mutate()}
          >
            Receive
          </Button>
        </div>
      )}
    </Container>
  )
}

/** The karigars with the fine metal each holds, then the challans, open ones first. */
function Lists({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const [filter, setFilter] = useState<"open" | "settled">("open")
  const [page, setPage] = useState(0)
  useEffect(() => setPage(0), [filter])
  const { data: karigars } = useKarigars()
  const { data } = useQuery({
    queryKey: ["karigar-issues", "list", filter, page],
    queryFn: () => sdk.client.fetch<{ issues: Issue[]; count: number }>("/admin/karigar-issues", { query: { limit: 10, offset: page * 10, status: filter } }),
  })
  return (
    <>
      {karigars?.count ? (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Karigar</Table.HeaderCell>
              <Table.HeaderCell>Holds of the shop's</Table.HeaderCell>
              <Table.HeaderCell>Wastage allowed</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {karigars.karigars.map((k) => (
              <Table.Row key={k.id}>
                <Table.Cell>{k.name}{k.phone ? ` · ${k.phone}` : ""}{k.active ? "" : " (resting)"}</Table.Cell>
                <Table.Cell>{balanceText(k.balances)}</Table.Cell>
                <Table.Cell>{k.wastage_bps / 100} %</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <EmptyList>No karigars yet.</EmptyList>
      )}
      <FilterTabs tabs={ISSUE_FILTERS} value={filter} onChange={setFilter} />
      {data?.count ? (
        <Table>
          <Table.Body>
            {data.issues.map((i) => (
              <Table.Row key={i.id} className={`cursor-pointer ${i.id === selected ? "bg-ui-bg-highlight" : ""}`} onClick={() => onSelect(i.id)}>
                <Table.Cell>{i.number}</Table.Cell>
                <Table.Cell>{i.karigar.name}</Table.Cell>
                <Table.Cell>{i.description}</Table.Cell>
                <Table.Cell>{grams(i.fine_weight_mg)} fine {i.metal}</Table.Cell>
                <Table.Cell>{i.status === "open" ? `${grams(i.outstanding_mg)} out` : "settled"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <EmptyList>No challans here.</EmptyList>
      )}
      {data && <Paginator count={data.count} pageSize={10} page={page} setPage={setPage} />}
    </>
  )
}

const KarigarsPage = () => {
  const { data: me } = useStaffAccess()
  const { mine } = useCounterBranches()
  const canWork = may(me, "stock", "write")
  return (
    <DeskPage
      title="Karigars"
      description="Metal and pieces out to karigars on job-work challans, pieces and metal back with the wastage each job allows, and the fine metal each karigar holds of the shop's."
      resource="stock"
      what="see the karigars' job work"
      param="challan"
      form={
        canWork
          ? (select) => (
              <>
                <AddKarigar />
                <IssueForm branches={mine} onIssued={select} />
              </>
            )
          : null
      }
      list={(selected, select) => <Lists selected={selected} onSelect={select} />}
      desk={(id) => <IssueDesk issueId={id} canWork={canWork} />}
    />
  )
}

export const config = defineRouteConfig({
  label: "Karigars",
  icon: Fire,
})

export default KarigarsPage
