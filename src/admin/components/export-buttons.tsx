import { Button, toast } from "@medusajs/ui"
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
