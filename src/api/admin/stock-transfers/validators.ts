import { z } from "@medusajs/framework/zod"
import { MAX_TRANSFER_LINES, STOCK_TRANSFER_STATUSES } from "../../../lib/stock-transfer"
import { findParams, TagCode } from "../../utils/validators"

const Piece = z
  .object({
    tag_code: TagCode,
    quantity: z.number({ error: "quantity is a whole number of pieces" }).int("quantity is a whole number of pieces").min(1, "quantity is at least 1").max(10_000, "quantity is at most 10000").optional(),
  })
  .strict()

export const DispatchStockTransferBody = z
  .object({
    from_branch_id: z.string().min(1, "from_branch_id: the branch sending the pieces"),
    to_branch_id: z.string().min(1, "to_branch_id: the branch receiving them"),
    pieces: z.array(Piece).min(1, "pieces: list at least one tag").max(MAX_TRANSFER_LINES, `pieces: at most ${MAX_TRANSFER_LINES} tags on one note`),
    carrier: z.string().trim().max(200).optional(),
    note: z.string().trim().max(500).optional(),
    /** The same key again answers the transfer it sent and sends nothing more. */
    idempotency_key: z.string().trim().min(8, "idempotency_key is 8 to 100 characters").max(100, "idempotency_key is 8 to 100 characters").optional(),
  })
  .strict()
export type DispatchStockTransferBodyType = z.infer<typeof DispatchStockTransferBody>

export const ListStockTransfersQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    branch_id: z.string().min(1).optional(),
    direction: z.enum(["outgoing", "incoming"]).optional(),
    status: z.enum(STOCK_TRANSFER_STATUSES).optional(),
  })
  .strict()
export type ListStockTransfersQueryType = z.infer<typeof ListStockTransfersQuery>

/** A scan or a close happens at a branch: the one the pieces are being received at. */
export const StockTransferScanBody = z.object({ tag_code: TagCode, branch_id: z.string().min(1, "branch_id: the branch receiving the pieces") }).strict()
export type StockTransferScanBodyType = z.infer<typeof StockTransferScanBody>

export const CloseStockTransferBody = z.object({ branch_id: z.string().min(1, "branch_id: the branch receiving the pieces"), note: z.string().trim().max(500).optional() }).strict()
export type CloseStockTransferBodyType = z.infer<typeof CloseStockTransferBody>

export const CancelStockTransferBody = z.object({ note: z.string().trim().max(500).optional() }).strict()
export type CancelStockTransferBodyType = z.infer<typeof CancelStockTransferBody>
