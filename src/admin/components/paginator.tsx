import { Table } from "@medusajs/ui"
import type { Dispatch, SetStateAction } from "react"

/** Medusa's table pagination for a list answered as `count` + `limit`/`offset`, page by page. */
export function Paginator({ count, pageSize, page, setPage }: { count: number; pageSize: number; page: number; setPage: Dispatch<SetStateAction<number>> }) {
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={page}
      pageCount={Math.max(1, Math.ceil(count / pageSize))}
      canPreviousPage={page > 0}
      canNextPage={(page + 1) * pageSize < count}
      previousPage={() => setPage((p) => Math.max(0, p - 1))}
      nextPage={() => setPage((p) => p + 1)}
    />
  )
}
