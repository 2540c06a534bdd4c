import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CurrencyDollar } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { RateChart } from "../../components/rate-chart"
import { inr, when } from "../../lib/format"
import { sdk } from "../../lib/sdk"
import { ProgressBar } from "../../components/progress-bar"
import type { Branch, MetalRate, RepriceJob } from "../../lib/types"
import { Paginator } from "../../components/paginator"
import { RequirePermission } from "../../components/require-permission"

const PURITIES: Record<string, number[]> = {
  gold: [999, 995, 916, 875, 750, 585, 417, 375],
  silver: [999, 970, 925, 900, 800],
  platinum: [999, 950, 900],
}
const HISTORY_PAGE = 10

function RepriceProgress() {
  const { data } = useQuery({
    queryKey: ["reprice-jobs", "latest"],
    queryFn: () => sdk.client.fetch<{ reprice_jobs: RepriceJob[] }>("/admin/jewelry/reprice-jobs", { query: { limit: 1 } }),
    refetchInterval: (query) => {
      const job = query.state.data?.reprice_jobs[0]
      return job && (job.status === "pending" || job.status === "running") ? 1000 : false
    },
  })
  const job = data?.reprice_jobs[0]
  if (!job) {
    return <Text size="small" className="text-ui-fg-subtle">No repricing has run yet.</Text>
  }
  const color = job.status === "succeeded" ? "green" : job.status === "failed" ? "red" : "orange"
  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex items-center gap-x-2">
        <Badge color={color} size="2xsmall">{job.status}</Badge>
        <Text size="small">
          {job.processed} of {job.total} pieces repriced{job.failed ? `, ${job.failed} failed` : ""} · {job.trigger} ·{" "}
          {when(job.created_at)}
        </Text>
      </div>
      <ProgressBar done={job.processed} total={job.total} />
      {job.error && <Text size="small" className="text-ui-fg-error">{job.error}</Text>}
    </div>
  )
}

function SetRateForm({ branches }: { branches: Branch[] }) {
  const queryClient = useQueryClient()
  const [metal, setMetal] = useState("gold")
  const [purity, setPurity] = useState("916")
  const [rate, setRate] = useState("")
  const [branch, setBranch] = useState("shop")
  const [needsConfirm, setNeedsConfirm] = useState<string | null>(null)

  const publish = useMutation({
    mutationFn: (confirm: boolean) =>
      sdk.client.fetch("/admin/metal-rates", {
        method: "POST",
        body: {
          rates: [{ metal, purity: Number(purity), rate_per_g: rate, branch_id: branch === "shop" ? null : branch }],
          confirm,
        },
      }),
    onSuccess: () => {
      toast.success("Rate published", { description: "Rate-based pieces are being repriced." })
      setNeedsConfirm(null)
      setRate("")
      queryClient.invalidateQueries({ queryKey: ["metal-rates"] })
      queryClient.invalidateQueries({ queryKey: ["reprice-jobs"] })
    },
    onError: (error: Error) => {
      if (/more than 10 %/.test(error.message)) {
        setNeedsConfirm(error.message)
      } else {
        toast.error("Rate not published", { description: error.message })
      }
    },
  })

  return (
    <form
      className="grid grid-cols-1 gap-4 md:grid-cols-5 md:items-end"
      onSubmit={(e) => {
        e.preventDefault()
        publish.mutate(false)
      }}
    >
      <div className="flex flex-col gap-y-1">
        <Label size="small">Metal</Label>
        <Select
          value={metal}
          onValueChange={(value) => {
            setMetal(value)
            setPurity(String(PURITIES[value][0]))
          }}
        >
          <Select.Trigger><Select.Value /></Select.Trigger>
          <Select.Content>
            {Object.keys(PURITIES).map((m) => (
              <Select.Item key={m} value={m}>{m}</Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">Purity</Label>
        <Select value={purity} onValueChange={setPurity}>
          <Select.Trigger><Select.Value /></Select.Trigger>
          <Select.Content>
            {PURITIES[metal].map((p) => (
              <Select.Item key={p} value={String(p)}>{p}</Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="rate">Rate per gram (₹)</Label>
        <Input id="rate" inputMode="decimal" placeholder="7245.50" value={rate} onChange={(e) => setRate(e.target.value)} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">Applies to</Label>
        <Select value={branch} onValueChange={setBranch}>
          <Select.Trigger><Select.Value /></Select.Trigger>
          <Select.Content>
            <Select.Item value="shop">All branches</Select.Item>
            {branches.map((b) => (
              <Select.Item key={b.id} value={b.id}>{b.name}</Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <Button type="submit" isLoading={publish.isPending} disabled={!rate}>Publish rate</Button>
      {needsConfirm && (
        <div className="bg-ui-bg-subtle col-span-full flex items-center justify-between gap-x-4 rounded-md p-3">
          <Text size="small">{needsConfirm}</Text>
          <Button type="button" variant="danger" size="small" onClick={() => publish.mutate(true)}>
            Publish anyway
          </Button>
        </div>
      )}
    </form>
  )
}

const MetalRatesPage = () => (
  <RequirePermission resource="metal_rates" action="write" what="publish metal rates">
    <MetalRates />
  </RequirePermission>
)

const MetalRates = () => {
  const [page, setPage] = useState(0)
  const { data: current } = useQuery({
    queryKey: ["metal-rates", "current"],
    queryFn: () => sdk.client.fetch<{ rates: MetalRate[] }>("/admin/metal-rates"),
  })
  const { data: branches } = useQuery({
    queryKey: ["branches"],
    queryFn: () => sdk.client.fetch<{ branches: Branch[] }>("/admin/branches", { query: { limit: 100 } }),
  })
  const { data: history } = useQuery({
    queryKey: ["metal-rates", "history", page],
    queryFn: () =>
      sdk.client.fetch<{ rates: MetalRate[]; count: number }>("/admin/metal-rates/history", {
        query: { limit: HISTORY_PAGE, offset: page * HISTORY_PAGE },
      }),
  })
  const branchName = (id: string | null) =>
    id ? branches?.branches.find((b) => b.id === id)?.name ?? id : "All branches"

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Metal rates</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Today's rates per gram. Publishing a rate reprices every rate-based piece.
          </Text>
        </div>
        <div className="px-6 py-4">
          <SetRateForm branches={branches?.branches ?? []} />
        </div>
        <div className="px-6 py-4">
          <RepriceProgress />
        </div>
      </Container>

      <Container className="p-0">
        <div className="px-6 py-4">
          <Heading level="h2">In force now</Heading>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Metal</Table.HeaderCell>
              <Table.HeaderCell>Purity</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Rate / g</Table.HeaderCell>
              <Table.HeaderCell>Applies to</Table.HeaderCell>
              <Table.HeaderCell>Since</Table.HeaderCell>
              <Table.HeaderCell>Source</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(current?.rates ?? []).map((r) => (
              <Table.Row key={`${r.metal}-${r.purity}-${r.branch_id}`}>
                <Table.Cell className="capitalize">{r.metal}</Table.Cell>
                <Table.Cell>{r.purity}{r.karat ? ` (${r.karat})` : ""}</Table.Cell>
                <Table.Cell className="text-right">{inr(r.rate_per_g)}</Table.Cell>
                <Table.Cell>{branchName(r.branch_id)}</Table.Cell>
                <Table.Cell>{when(r.effective_from)}</Table.Cell>
                <Table.Cell>{r.source}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Trend</Heading>
        </div>
        <div className="px-6 py-4">
          <RateChart current={current?.rates ?? []} />
        </div>
      </Container>

      <Container className="p-0">
        <div className="px-6 py-4">
          <Heading level="h2">History</Heading>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Effective</Table.HeaderCell>
              <Table.HeaderCell>Metal</Table.HeaderCell>
              <Table.HeaderCell>Purity</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Rate / g</Table.HeaderCell>
              <Table.HeaderCell>Applies to</Table.HeaderCell>
              <Table.HeaderCell>Source</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(history?.rates ?? []).map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>{when(r.effective_from)}</Table.Cell>
                <Table.Cell className="capitalize">{r.metal}</Table.Cell>
                <Table.Cell>{r.purity}</Table.Cell>
                <Table.Cell className="text-right">{inr(r.rate_per_g)}</Table.Cell>
                <Table.Cell>{branchName(r.branch_id)}</Table.Cell>
                <Table.Cell>{r.source}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <Paginator count={history?.count ?? 0} pageSize={HISTORY_PAGE} page={page} setPage={setPage} />
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Metal rates",
  icon: CurrencyDollar,
})

export default MetalRatesPage
