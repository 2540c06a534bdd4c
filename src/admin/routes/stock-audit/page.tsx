import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath, ListCheckbox } from "@medusajs/icons"
import { Button, Container, Heading, IconButton, Input, Label, Select, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useCallback, useEffect, useRef, useState } from "react"
import { useSearchParams } from "react-router-dom"
import type {
  BranchSummary as Branch,
  StockAuditLineResult,
  StockAuditListResponse,
  StockAuditPostResponse,
  StockAuditResponse,
  StockAuditScanResponse,
  StockAuditStatusName,
  StockAuditView,
} from "../../../types/http"
import { BranchField, useCounterBranches } from "../../components/counter-fields"
import { ExportButtons } from "../../components/export-buttons"
import { Paginator } from "../../components/paginator"
import { ProgressBar } from "../../components/progress-bar"
import { RequirePermission } from "../../components/require-permission"
import { may, useStaffAccess } from "../../lib/access"
import { when } from "../../lib/format"
import { sdk } from "../../lib/sdk"

const PAGE = 50
const STATUS_COLOR: Record<StockAuditStatusName, "green" | "orange" | "blue" | "grey"> = { open: "green", closed: "orange", posted: "blue", cancelled: "grey" }
const RESULT_TABS: [StockAuditLineResult | "all", string][] = [
  ["missing", "Missing"],
  ["misplaced", "Misplaced"],
  ["extra", "Extra"],
  ["unknown", "Unknown"],
  ["found", "Found"],
  ["all", "All"],
]
/** The last scan, as the counter reads it: green expected, amber misplaced or extra, red unknown or refused. */
type LastScan = { tag: string; tone: "green" | "orange" | "red"; title: string; detail: string; duplicate?: boolean }
const TONE: Record<LastScan["tone"], string> = {
  green: "bg-ui-tag-green-bg text-ui-tag-green-text border-ui-tag-green-border",
  orange: "bg-ui-tag-orange-bg text-ui-tag-orange-text border-ui-tag-orange-border",
  red: "bg-ui-tag-red-bg text-ui-tag-red-text border-ui-tag-red-border",
}

const auditLabel = (a: StockAuditView) => `${a.branch.name}${a.category ? ` · ${a.category.name}` : ""} · opened ${when(a.opened_at)}`

/** Open an audit of a branch (or one category of it). */
function OpenAudit({ branches, onOpened }: { branches: Branch[]; onOpened: (id: string) => void }) {
  const queryClient = useQueryClient()
  const [branchId, setBranchId] = useState("")
  const [categoryId, setCategoryId] = useState("all")
  useEffect(() => {
    if (!branchId && branches.length) {
      setBranchId(branches[0].id)
    }
  }, [branchId, branches])
  const { data: categories } = useQuery({
    queryKey: ["stock-audit", "categories"],
    queryFn: () => sdk.client.fetch<{ product_categories: { id: string; name: string }[] }>("/admin/product-categories", { query: { limit: 200, fields: "id,name" } }),
  })
  const open = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ audit: StockAuditView }>("/admin/stock-audits", { method: "POST", body: { branch_id: branchId, ...(categoryId !== "all" ? { category_id: categoryId } : {}) } }),
    onSuccess: ({ audit }) => {
      toast.success("Audit opened", { description: `${audit.summary.expected.quantity} pieces under ${audit.summary.expected.tags} tags expected` })
      queryClient.invalidateQueries({ queryKey: ["stock-audit"] })
      onOpened(audit.id)
    },
    onError: (e: Error) => toast.error("Not opened", { description: e.message }),
  })
  return (
    <div className="grid grid-cols-1 items-end gap-4 px-6 py-4 md:grid-cols-[1fr_1fr_auto]">
      <BranchField branches={branches} value={branchId} onChange={setBranchId} />
      <div className="flex flex-col gap-y-1">
        <Label size="small">Category</Label>
        <Select value={categoryId} onValueChange={setCategoryId}>
          <Select.Trigger aria-label="Category"><Select.Value /></Select.Trigger>
          <Select.Content>
            <Select.Item value="all">The whole branch</Select.Item>
            {(categories?.product_categories ?? []).map((c) => <Select.Item key={c.id} value={c.id}>{c.name}</Select.Item>)}
          </Select.Content>
        </Select>
      </div>
      <Button size="small" disabled={!branchId} isLoading={open.isPending} onClick={() => open.mutate()}>Open audit</Button>
    </div>
  )
}

/**
 * The scan box: a barcode scanner types the code and Enter, so the box keeps the focus and queues what comes in
 * faster than the server answers; the last answer stands out above the counts.
 */
function ScanBox({ auditId, onScanned }: { auditId: string; onScanned: () => void }) {
  const input = useRef<HTMLInputElement>(null)
  const queue = useRef<{ tag: string; quantity: number }[]>([])
  const busy = useRef(false)
  const [tag, setTag] = useState("")
  const [quantity, setQuantity] = useState("1")
  const [pending, setPending] = useState(0)
  const [last, setLast] = useState<LastScan | null>(null)
  const [recount, setRecount] = useState("")

  const refocus = useCallback(() => setTimeout(() => input.current?.focus(), 0), [])
  useEffect(() => {
    refocus()
  }, [auditId, refocus])

  const drain = useCallback(async () => {
    if (busy.current) {
      return
    }
    busy.current = true
    while (queue.current.length) {
      const next = queue.current.shift()!
      setPending(queue.current.length)
      try {
        const { scan } = await sdk.client.fetch<StockAuditScanResponse>(`/admin/stock-audits/${auditId}/scans`, { method: "POST", body: { tag_code: next.tag, quantity: next.quantity } })
        const piece = [scan.line.product_title, scan.line.variant_title].filter(Boolean).join(" – ")
        const counted = `${scan.quantity} counted${scan.line.expected_quantity ? ` of ${scan.line.expected_quantity} expected` : ""}`
        setLast({
          tag: scan.tag_code,
          tone: scan.result === "expected" ? "green" : scan.result === "unknown" ? "red" : "orange",
          title: `${scan.tag_code}: ${scan.message}`,
          detail: [piece, counted].filter(Boolean).join(" · "),
        })
      } catch (e) {
        const status = (e as { status?: number }).status
        setLast({ tag: next.tag, tone: "red", title: status === 409 ? `${next.tag}: refused` : `${next.tag}: not recorded`, detail: (e as Error).message, duplicate: status === 409 && /already scanned/.test((e as Error).message) })
        setRecount("")
      }
      onScanned()
    }
    setPending(0)
    busy.current = false
  }, [auditId, onScanned])

  const submit = () => {
    const code = tag.trim()
    if (!code) {
      return
    }
    queue.current.push({ tag: code, quantity: Math.max(1, Math.floor(Number(quantity) || 1)) })
    setPending(queue.current.length)
    setTag("")
    setQuantity("1")
    void drain()
    refocus()
  }

  const changeCount = useMutation({
    mutationFn: () => sdk.client.fetch(`/admin/stock-audits/${auditId}/scans/${encodeURIComponent(last!.tag)}`, { method: "POST", body: { quantity: Number(recount) } }),
    onSuccess: () => {
      setLast({ tag: last!.tag, tone: "green", title: `${last!.tag}: count changed to ${recount}`, detail: "" })
      onScanned()
      refocus()
    },
    onError: (e: Error) => toast.error("Count not changed", { description: e.message }),
  })

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <div className="grid grid-cols-1 items-end gap-2 md:grid-cols-[1fr_120px]">
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="audit-tag">Tag code (scan or type, Enter){pending ? ` · ${pending} waiting` : ""}</Label>
          <Input
            id="audit-tag"
            ref={input}
            autoComplete="off"
            placeholder="SGJ-…"
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault()
                submit()
              }
            }}
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="audit-qty">Pieces under the tag</Label>
          <Input id="audit-qty" inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} onBlur={refocus} />
        </div>
      </div>
      {last && (
        <div role="status" className={`rounded-md border px-4 py-3 ${TONE[last.tone]}`}>
          <Text size="large" weight="plus">{last.title}</Text>
          {last.detail && <Text size="small">{last.detail}</Text>}
          {last.duplicate && (
            <div className="mt-2 flex items-center gap-x-2">
              <Input aria-label={`New count for ${last.tag}`} className="w-24" inputMode="numeric" placeholder="Count" value={recount} onChange={(e) => setRecount(e.target.value)} />
              <Button size="small" variant="secondary" disabled={!(Number(recount) >= 1)} isLoading={changeCount.isPending} onClick={() => changeCount.mutate()}>Change count</Button>
            </div>
          )}
        </div>
      )}
    </div>
  )
}

/** One audit: the live figures, the scan box while it is open, the lists, and closing and posting. */
function AuditDesk({ auditId, canCount, canApprove }: { auditId: string; canCount: boolean; canApprove: boolean }) {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const [tab, setTab] = useState<StockAuditLineResult | "all">("missing")
  const [page, setPage] = useState(0)
  useEffect(() => setPage(0), [tab, auditId])
  const { data, isFetching } = useQuery({
    queryKey: ["stock-audit", auditId, tab, page],
    queryFn: () =>
      sdk.client.fetch<StockAuditResponse>(`/admin/stock-audits/${auditId}`, { query: { limit: PAGE, offset: page * PAGE, ...(tab === "all" ? {} : { result: tab }) } }),
    placeholderData: (previous) => previous,
  })
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: ["stock-audit", auditId] }), [queryClient, auditId])
  const act = useMutation({
    mutationFn: (action: "close" | "post" | "cancel") => sdk.client.fetch<{ audit: StockAuditView } | StockAuditPostResponse>(`/admin/stock-audits/${auditId}/${action}`, { method: "POST", body: {} }),
    onSuccess: (result, action) => {
      const adjustments = "adjustments" in result ? result.adjustments.length : 0
      toast.success({ close: "Audit closed: the report is final", post: `Posted: ${adjustments} stock level${adjustments === 1 ? "" : "s"} adjusted`, cancel: "Audit cancelled" }[action])
      queryClient.invalidateQueries({ queryKey: ["stock-audit"] })
    },
    onError: (e: Error) => toast.error("Not done", { description: e.message }),
  })
  const undo = useMutation({
    mutationFn: (tag: string) => sdk.client.fetch(`/admin/stock-audits/${auditId}/scans/${encodeURIComponent(tag)}`, { method: "DELETE" }),
    onSuccess: refresh,
    onError: (e: Error) => toast.error("Not undone", { description: e.message }),
  })
  const confirmThen = async (action: "close" | "post" | "cancel", title: string, description: string) => {
    if (await prompt({ title, description, confirmText: title, cancelText: "Not now" })) {
      act.mutate(action)
    }
  }
  if (!data) {
    return null
  }
  const { audit, lines, count } = data
  const s = audit.summary
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{audit.branch.name}{audit.category ? ` · ${audit.category.name}` : ""}</Heading>
          <Text size="small" className="text-ui-fg-subtle">Opened {when(audit.opened_at)}{audit.closed_at ? ` · closed ${when(audit.closed_at)}` : ""}{audit.posted_at ? ` · posted ${when(audit.posted_at)}` : ""}</Text>
        </div>
        <div className="flex items-center gap-x-2">
          <StatusBadge color={STATUS_COLOR[audit.status]}>{audit.status}</StatusBadge>
          <IconButton variant="transparent" aria-label="Refresh" onClick={refresh}><ArrowPath /></IconButton>
        </div>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <div className="flex items-baseline justify-between">
          <Text size="large" weight="plus">{s.counted.quantity.toLocaleString("en-IN")} counted of {s.expected.quantity.toLocaleString("en-IN")} expected</Text>
          <Text size="small" className="text-ui-fg-subtle">{s.counted.tags.toLocaleString("en-IN")} of {s.expected.tags.toLocaleString("en-IN")} tags</Text>
        </div>
        <ProgressBar done={s.quantity.found} total={s.expected.quantity} />
        <div className="grid grid-cols-2 gap-2 md:grid-cols-5">
          {RESULT_TABS.filter(([r]) => r !== "all").map(([r, label]) => (
            <Text key={r} size="small">
              {label}: <span className="font-medium">{s.lines[r as StockAuditLineResult]}</span> tag{s.lines[r as StockAuditLineResult] === 1 ? "" : "s"}, {s.quantity[r as StockAuditLineResult]} pcs
            </Text>
          ))}
        </div>
        {audit.status === "open" && <Text size="xsmall" className="text-ui-fg-subtle">While the audit is open, "missing" is what has not been counted yet.</Text>}
      </div>
      {audit.status === "open" && canCount && <ScanBox auditId={auditId} onScanned={refresh} />}
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div className="flex flex-wrap gap-2">
          {audit.status === "open" && canCount && (
            <Button size="small" isLoading={act.isPending} onClick={() => void confirmThen("close", "Close audit", "No more scans: what was expected and not counted is missing.")}>Close audit</Button>
          )}
          {audit.status === "closed" && canApprove && (
            <Button size="small" isLoading={act.isPending} onClick={() => void confirmThen("post", "Post adjustments", `Missing pieces leave ${audit.branch.name}'s stock, extra ones join it, misplaced ones move here.`)}>Post adjustments</Button>
          )}
          {(audit.status === "open" || audit.status === "closed") && canApprove && (
            <Button size="small" variant="secondary" isLoading={act.isPending} onClick={() => void confirmThen("cancel", "Cancel audit", "The count is dropped; the stock stays as it is.")}>Cancel audit</Button>
          )}
          {audit.status === "closed" && !canApprove && <Text size="small" className="text-ui-fg-subtle">A branch manager or the owner posts the adjustments.</Text>}
        </div>
        <ExportButtons path={`/admin/stock-audits/${auditId}/export`} query={tab === "all" ? {} : { result: tab }} what={`stock-audit-${audit.branch.code}`} />
      </div>
      <div className="flex gap-x-1 px-6 py-2" role="tablist">
        {RESULT_TABS.map(([r, label]) => (
          <Button key={r} size="small" variant={tab === r ? "secondary" : "transparent"} role="tab" aria-selected={tab === r} onClick={() => setTab(r)}>{label}</Button>
        ))}
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Tag</Table.HeaderCell>
            <Table.HeaderCell>Piece</Table.HeaderCell>
            <Table.HeaderCell>Result</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Expected</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Counted</Table.HeaderCell>
            <Table.HeaderCell>Belongs to</Table.HeaderCell>
            <Table.HeaderCell>Scanned</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {lines.map((l) => (
            <Table.Row key={l.id}>
              <Table.Cell>{l.tag_code}</Table.Cell>
              <Table.Cell>{[l.product_title, l.variant_title].filter(Boolean).join(" – ") || "—"}</Table.Cell>
              <Table.Cell>
                <StatusBadge color={l.result === "found" ? "green" : l.result === "missing" || l.result === "unknown" ? "red" : "orange"}>{l.result}</StatusBadge>
              </Table.Cell>
              <Table.Cell className="text-right">{l.expected_quantity}</Table.Cell>
              <Table.Cell className="text-right">{l.counted_quantity}</Table.Cell>
              <Table.Cell>{l.belongs_to?.name ?? ""}</Table.Cell>
              <Table.Cell>{l.scanned_at ? `${when(l.scanned_at)}${l.scanned_by ? ` · ${l.scanned_by.name}` : ""}` : ""}</Table.Cell>
              <Table.Cell className="text-right">
                {audit.status === "open" && canCount && l.scanned_at && (
                  <Button size="small" variant="transparent" isLoading={undo.isPending && undo.variables === l.tag_code} onClick={() => undo.mutate(l.tag_code)}>Undo scan</Button>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {!lines.length && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">{isFetching ? "Loading…" : "Nothing here."}</Text>
        </div>
      )}
      <Paginator count={count} pageSize={PAGE} page={page} setPage={setPage} />
    </Container>
  )
}

/** The audits of the user's branches, newest first: pick one to count or read. */
function AuditList({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const [page, setPage] = useState(0)
  const { data } = useQuery({
    queryKey: ["stock-audit", "list", page],
    queryFn: () => sdk.client.fetch<StockAuditListResponse>("/admin/stock-audits", { query: { limit: 10, offset: page * 10 } }),
  })
  if (!data?.count) {
    return null
  }
  return (
    <>
      <Table>
        <Table.Body>
          {data.audits.map((a) => (
            <Table.Row key={a.id} className={`cursor-pointer ${a.id === selected ? "bg-ui-bg-highlight" : ""}`} onClick={() => onSelect(a.id)}>
              <Table.Cell>{auditLabel(a)}</Table.Cell>
              <Table.Cell><StatusBadge color={STATUS_COLOR[a.status]}>{a.status}</StatusBadge></Table.Cell>
              <Table.Cell className="text-right">{a.summary.counted.quantity} of {a.summary.expected.quantity} counted</Table.Cell>
              <Table.Cell className="text-right">{a.summary.lines.missing} missing · {a.summary.lines.misplaced} misplaced · {a.summary.lines.extra} extra</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Paginator count={data.count} pageSize={10} page={page} setPage={setPage} />
    </>
  )
}

const StockAuditPage = () => {
  const { data: me } = useStaffAccess()
  const { mine } = useCounterBranches()
  const [params, setParams] = useSearchParams()
  const selected = params.get("audit")
  const select = (id: string) => setParams({ audit: id })
  const canCount = may(me, "stock", "count")
  return (
    <RequirePermission resource="stock" action="read" what="see stock audits">
      <div className="flex flex-col gap-y-3">
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h1">Stock audit</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Count a branch's stock by scanning every tag. Each scan says at once whether the piece is expected here, belongs to another branch, is extra or unknown; close the audit for the report of what is missing, extra and misplaced, then a manager posts the adjustments to the stock.
            </Text>
          </div>
          {canCount && <OpenAudit branches={mine} onOpened={select} />}
          <AuditList selected={selected} onSelect={select} />
        </Container>
        {selected && <AuditDesk auditId={selected} canCount={canCount} canApprove={may(me, "stock", "approve")} />}
      </div>
    </RequirePermission>
  )
}

export const config = defineRouteConfig({
  label: "Stock audit",
  icon: ListCheckbox,
})

export default StockAuditPage
