import { Button, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { downloadFile } from "../lib/files"

/** "Export CSV" and "Export Excel" for a report table: `path` is its export route, `query` the filters on screen. */
export function ExportButtons({ path, query, what }: { path: string; query: Record<string, string | number>; what: string }) {
  const exportAs = (format: "csv" | "xlsx") => {
    const params = new URLSearchParams(Object.entries({ ...query, format }).map(([k, v]) => [k, String(v)]))
    downloadFile(`${path}?${params.toString()}`, `${what}.${format}`).catch((e: Error) => toast.error(e.message))
  }
  return (
    <div className="flex gap-x-2">
      <Button size="small" variant="secondary" aria-label={`Export ${what} as CSV`} onClick={() => exportAs("csv")}>Export CSV</Button>
      <Button size="small" variant="secondary" aria-label={`Export ${what} as Excel`} onClick={() => exportAs("xlsx")}>Export Excel</Button>
    </div>
  )
}

/**
 * "Export every line": the lines behind a report as a CSV streamed from
 * `path`, with the lines received so far against the server's count.
 */
export function LineExportButton({ path, query }: { path: string; query: Record<string, string | number> }) {
  const [progress, setProgress] = useState<{ rows: number; total: number | null } | null>(null)
  const start = () => {
    setProgress({ rows: 0, total: null })
    const params = new URLSearchParams(Object.entries({ ...query, format: "csv" }).map(([k, v]) => [k, String(v)]))
    downloadFile(`${path}?${params.toString()}`, "lines.csv", (rows, total) => setProgress({ rows, total }))
      .catch((e: Error) => toast.error(e.message))
      .finally(() => setProgress(null))
  }
  return (
    <div className="flex items-center gap-x-2">
      {progress && (
        <Text size="small" className="text-ui-fg-subtle" role="status">
          {progress.rows.toLocaleString("en-IN")}
          {progress.total !== null ? ` of ${progress.total.toLocaleString("en-IN")}` : ""} lines…
        </Text>
      )}
      <Button size="small" variant="secondary" isLoading={!!progress} onClick={start}>Export every line</Button>
    </div>
  )
}
