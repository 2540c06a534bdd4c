import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useRef, useState } from "react"
import { LabelledSelect } from "../../components/labelled-select"
import { Paginator } from "../../components/paginator"
import { TagLabelsPanel } from "../../components/tag-labels-panel"
import { postForm, saveBlob } from "../../lib/files"

type IntakeResult = { imported: number; skipped_rows?: number; errors: { row: number; reason: string }[]; tags?: string[]; message?: string }

const PAGE_SIZE = 20

/** A sheet to start from: the columns the intake reads, a ring of a design in two sizes and a piece of its own. */
const TEMPLATE =
  "tag_code,category,metal,purity,gross_weight_g,net_weight_g,making_type,making_value,branch,quantity,huid,design_code,size,title,cost\n" +
  "MUM-R-0101,rings,gold,916,4.100,4.100,per_gram,450,MUM,1,AB12CD,PEACOCK-01,12,Peacock ring,27500\n" +
  "MUM-R-0102,rings,gold,916,4.300,4.300,per_gram,450,MUM,1,AB12CE,PEACOCK-01,14,,28600\n" +
  "MUM-C-0101,chains,gold,916,10.500,10.500,per_gram,300,MUM,1,,,,,\n"

/**
 * Stock intake from a spreadsheet (POST /admin/jewelry/import): a row a piece, every row checked before anything is
 * written; the problems listed by row; the pieces of one design code grouped into one design product; then the new
 * pieces' tag labels printed.
 */
const StockIntakePage = () => {
  const [file, setFile] = useState<File | null>(null)
  const [mode, setMode] = useState<"all" | "partial">("all")
  const [result, setResult] = useState<IntakeResult | null>(null)
  const [busy, setBusy] = useState(false)
  const [page, setPage] = useState(0)
  const input = useRef<HTMLInputElement>(null)

  async function upload() {
    if (!file) {
      return
    }
    setBusy(true)
    setPage(0)
    try {
      const { status, body } = await postForm<IntakeResult>(`/admin/jewelry/import?mode=${mode}`, new Blob([file], { type: "text/csv" }))
      setResult({ ...body, errors: body.errors ?? [] })
      if (status === 201) {
        toast.success(`${body.imported} pieces taken into stock`)
        setFile(null)
        if (input.current) {
          input.current.value = ""
        }
      } else {
        toast.error("Nothing was imported", { description: body.message })
      }
    } catch (e) {
      toast.error("Not imported", { description: (e as Error).message })
    } finally {
      setBusy(false)
    }
  }

  const errors = result?.errors ?? []
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Stock intake</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            A CSV sheet (UTF-8), a row a piece: tag, category, metal, purity, weights, making, branch and quantity (1 for a piece; counted goods
            say <code>stock_unit</code> count). Rows with the same design code become one product, a variant each. Every row is checked first.
          </Text>
        </div>
        <div className="flex flex-wrap items-end gap-4 px-6 py-4">
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv"
            aria-label="Intake sheet"
            disabled={busy}
            className="txt-compact-small text-ui-fg-subtle"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <LabelledSelect
            label="If a row has a problem"
            className="w-64"
            value={mode}
            onChange={setMode}
            options={[
              ["all", "Import nothing"],
              ["partial", "Import the other rows"],
            ]}
          />
          <Button size="small" disabled={!file || busy} isLoading={busy} onClick={() => void upload()}>
            Check and import
          </Button>
          <Button size="small" variant="transparent" onClick={() => saveBlob(new Blob([TEMPLATE], { type: "text/csv" }), "stock-intake.csv")}>
            Download a sample sheet
          </Button>
        </div>
        {result && (
          <div className="flex items-center gap-x-3 px-6 py-4">
            <Badge size="2xsmall" color={result.imported ? "green" : "red"}>{result.imported} imported</Badge>
            {errors.length > 0 && <Text size="small">{new Set(errors.map((e) => e.row)).size} rows with problems</Text>}
            {result.message && <Text size="small" className="text-ui-fg-subtle">{result.message}</Text>}
          </div>
        )}
      </Container>

      {errors.length > 0 && (
        <Container className="p-0">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Row</Table.HeaderCell>
                <Table.HeaderCell>Problem</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {errors.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).map((e, i) => (
                <Table.Row key={`${e.row}-${i}`}>
                  <Table.Cell>{e.row}</Table.Cell>
                  <Table.Cell>{e.reason}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Paginator count={errors.length} pageSize={PAGE_SIZE} page={page} setPage={setPage} />
        </Container>
      )}

      {result?.tags?.length ? (
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Tag labels</Heading>
            <Text size="small" className="text-ui-fg-subtle">The {result.tags.length} pieces just taken in, in the sheet's order.</Text>
          </div>
          <TagLabelsPanel tagCodes={result.tags} />
        </Container>
      ) : null}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Stock intake",
  icon: ArrowDownTray,
})

export default StockIntakePage
