import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Photo } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useRef, useState } from "react"
import { Link } from "react-router-dom"
import { Paginator } from "../../components/paginator"
import { postForm } from "../../lib/files"

type Result =
  | { filename: string; code: string | null; status: "attached"; product_ids: string[]; variant_ids: string[]; urls: { small: string; medium: string; large: string } }
  | { filename: string; code: string | null; status: "failed"; message: string }

/** Files sent per request; each request answers for its files, so progress moves batch by batch. */
const BATCH = 4
const PAGE_SIZE = 20

/** Product photos in bulk: files named by tag code (one piece) or design code (every piece of the design). */
const ProductPhotosPage = () => {
  const [by, setBy] = useState<"tag" | "design">("tag")
  const [files, setFiles] = useState<File[]>([])
  const [results, setResults] = useState<Result[]>([])
  const [done, setDone] = useState(0)
  const [running, setRunning] = useState(false)
  const [page, setPage] = useState(0)
  const stop = useRef(false)
  const input = useRef<HTMLInputElement>(null)

  async function start() {
    setRunning(true)
    setResults([])
    setDone(0)
    setPage(0)
    stop.current = false
    let processed = 0
    for (let i = 0; i < files.length && !stop.current; i += BATCH) {
      const batch = files.slice(i, i + BATCH)
      const form = new FormData()
      batch.forEach((f) => form.append("files", f, f.name))
      try {
        const { body } = await postForm<{ results?: Result[]; message?: string }>(`/admin/jewelry/images?by=${by}`, form)
        setResults((r) => [...r, ...(body.results ?? batch.map((f) => ({ filename: f.name, code: null, status: "failed" as const, message: body.message ?? "not accepted" })))])
      } catch (e) {
        setResults((r) => [...r, ...batch.map((f) => ({ filename: f.name, code: null, status: "failed" as const, message: (e as Error).message }))])
      }
      processed += batch.length
      setDone(processed)
    }
    setRunning(false)
    toast.info(stop.current ? `Stopped after ${processed} of ${files.length} photos` : `${files.length} photos processed`)
  }

  const attached = results.filter((r) => r.status === "attached").length
  const percent = files.length ? Math.round((done / files.length) * 100) : 0
  const shown = results.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Product photos</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Name each photo by its code: <code>SGJ-RNG-LAK-22K-12.jpg</code>, a second photo <code>SGJ-RNG-LAK-22K-12__2.jpg</code>. JPEG, PNG or WebP;
            each gets a 600 px and a 200 px thumbnail.
          </Text>
        </div>
        <div className="flex flex-wrap items-end gap-4 px-6 py-4">
          <div className="w-56">
            <Label size="small">The file names are</Label>
            <Select size="small" value={by} onValueChange={(v) => setBy(v as "tag" | "design")} disabled={running}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>
                <Select.Item value="tag">Tag codes (one piece)</Select.Item>
                <Select.Item value="design">Design codes (all pieces of a design)</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <input
            ref={input}
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp"
            disabled={running}
            className="txt-compact-small text-ui-fg-subtle"
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          />
          <Button size="small" disabled={!files.length || running} isLoading={running} onClick={() => void start()}>
            Upload {files.length ? `${files.length} photos` : ""}
          </Button>
          {running && (
            <Button size="small" variant="secondary" onClick={() => (stop.current = true)}>
              Stop
            </Button>
          )}
        </div>
        {(running || done > 0) && (
          <div className="flex flex-col gap-y-2 px-6 py-4">
            <div className="flex justify-between">
              <Text size="small">{done} of {files.length} photos · {attached} attached · {results.length - attached} failed</Text>
              <Text size="small" className="text-ui-fg-subtle">{percent} %</Text>
            </div>
            <div className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
              <div className="bg-ui-fg-interactive h-2 rounded-full transition-all" style={{ width: `${percent}%` }} />
            </div>
          </div>
        )}
      </Container>

      {results.length > 0 && (
        <Container className="p-0">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Photo</Table.HeaderCell>
                <Table.HeaderCell>File</Table.HeaderCell>
                <Table.HeaderCell>Code</Table.HeaderCell>
                <Table.HeaderCell>Result</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {shown.map((r, i) => (
                <Table.Row key={`${page}-${i}`}>
                  <Table.Cell>{r.status === "attached" ? <img src={r.urls.small} alt={r.code ?? ""} className="h-10 w-10 rounded object-cover" /> : "—"}</Table.Cell>
                  <Table.Cell>{r.filename}</Table.Cell>
                  <Table.Cell>{r.code ?? "—"}</Table.Cell>
                  <Table.Cell>
                    {r.status === "attached" ? (
                      <div className="flex items-center gap-x-2">
                        <Badge size="2xsmall" color="green">Attached</Badge>
                        {r.product_ids.slice(0, 3).map((id) => (
                          <Link key={id} to={`/products/${id}`} className="txt-compact-small text-ui-fg-interactive">
                            product
                          </Link>
                        ))}
                        {r.product_ids.length > 3 && <Text size="small">+{r.product_ids.length - 3}</Text>}
                      </div>
                    ) : (
                      <div className="flex items-center gap-x-2">
                        <Badge size="2xsmall" color="red">Failed</Badge>
                        <Text size="small" className="text-ui-fg-subtle">{r.message}</Text>
                      </div>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Paginator count={results.length} pageSize={PAGE_SIZE} page={page} setPage={setPage} />
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Product photos",
  icon: Photo,
})

export default ProductPhotosPage
