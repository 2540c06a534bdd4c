import { z } from "@medusajs/framework/zod"
import { KARIGAR_ISSUE_FORMS, KARIGAR_ISSUE_STATUSES, KARIGAR_RECEIPT_FORMS } from "../../../lib/karigar"
import { METALS } from "../../../lib/pricing"
import { WastageBps } from "../karigars/validators"
import { findParams, IdempotencyKey, Rupees, WeightGrams } from "../../utils/validators"
import { PostJewelryAttributesBody } from "../jewelry/validators"

const Purity = z.number().int("purity is parts per thousand, e.g. 916 for 22K").min(1, "purity is parts per thousand, e.g. 916 for 22K").max(999, "purity is at most 999")

export const IssueToKarigarBody = z
  .object({
    branch_id: z.string().min(1),
    karigar_id: z.string().min(1),
    job_card_id: z.string().min(1).optional(),
    metal: z.enum(METALS),
    form: z.enum(KARIGAR_ISSUE_FORMS).default("metal"),
    description: z.string().trim().min(1, "description: what goes out, e.g. 22K bar for two bangles").max(300),
    purity: Purity,
    gross_weight: WeightGrams("gross_weight").pipe(z.number().min(1, "gross_weight: weigh what goes out")),
    /** The metal in it; the gross weight when left out. */
    net_weight: WeightGrams("net_weight").optional(),
    allowed_wastage_bps: WastageBps.optional(),
    from_old_gold_stock: z.boolean().default(false),
    due_at: z.coerce.date({ error: "due_at is a date, e.g. 2026-12-20" }).optional(),
    note: z.string().trim().max(500).optional(),
    idempotency_key: IdempotencyKey.optional(),
  })
  .strict()
export type IssueToKarigarBodyType = z.infer<typeof IssueToKarigarBody>

/**
 * A finished piece back from the karigar, taken into stock at the challan's branch as intake would take it: its
 * metal is the challan's and its purity the receipt's, so neither is given here.
 */
const ReceiptPiece = PostJewelryAttributesBody.omit({ metal: true, purity: true, stock_unit: true }).extend({
  /** The category's handle, as the intake sheet names it. */
  category: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(200).optional(),
  /** What the piece cost the shop (rupees): the stock report's valuation at cost. */
  cost: Rupees.optional(),
  /** Taxable price in rupees, for pricing_mode "fixed". */
  price: Rupees.optional(),
})
export type ReceiptPieceType = z.infer<typeof ReceiptPiece>

const repeated = (values: (string | null | undefined)[]) => values.filter((v, i) => v && values.indexOf(v) !== i)

export const ReceiveFromKarigarBody = z
  .object({
    form: z.enum(KARIGAR_RECEIPT_FORMS),
    description: z.string().trim().min(1, "description: what came back, e.g. 2 bangles").max(300),
    purity: Purity,
    /** What came back, weighed; left out when `pieces` lists them (their weights add up to it). */
    gross_weight: WeightGrams("gross_weight").optional(),
    /** The pieces back, each taken into stock at the challan's branch in the same step. */
    pieces: z.array(ReceiptPiece).min(1).max(200).optional(),
    /** The metal in it (gross less stones); the gross weight when left out. */
    net_weight: WeightGrams("net_weight").optional(),
    /** Fine grams of wastage claimed on this receipt, within the job's allowance. */
    wastage: WeightGrams("wastage").default(0),
    /** Metal back into the branch's old-metal stock (an old-gold movement) rather than to the counter. */
    to_old_gold_stock: z.boolean().default(false),
    idempotency_key: IdempotencyKey.optional(),
  })
  .strict()
  .refine((b) => (b.gross_weight === undefined) !== (b.pieces === undefined), {
    path: ["gross_weight"],
    message: "gross_weight: give the weight of what came back, or list the pieces (their weights add up to it), not both",
  })
  .refine((b) => !b.pieces || (b.form === "pieces" && b.net_weight === undefined), {
    path: ["pieces"],
    message: "pieces: listed pieces come back as form \"pieces\", their weights the receipt's (no net_weight)",
  })
  .refine((b) => !b.pieces || !repeated(b.pieces.map((p) => p.tag_code.toUpperCase())).length, { path: ["pieces"], message: "pieces: each piece has its own tag_code" })
  .refine((b) => !b.pieces || !repeated(b.pieces.map((p) => p.huid)).length, { path: ["pieces"], message: "pieces: each piece has its own HUID" })
  .refine((b) => b.net_weight === undefined || b.gross_weight === undefined || b.net_weight <= b.gross_weight, {
    path: ["net_weight"],
    message: "net_weight cannot be more than gross_weight",
  })
  .refine((b) => !b.to_old_gold_stock || b.form === "metal", {
    path: ["to_old_gold_stock"],
    message: "to_old_gold_stock: only metal goes back into the old-metal stock; pieces come back to the counter",
  })
export type ReceiveFromKarigarBodyType = z.infer<typeof ReceiveFromKarigarBody>

const statuses = z.union([z.enum(KARIGAR_ISSUE_STATUSES), z.array(z.enum(KARIGAR_ISSUE_STATUSES)).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]))

export const ListIssuesQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    branch_id: z.string().min(1).optional(),
    karigar_id: z.string().min(1).optional(),
    job_card_id: z.string().min(1).optional(),
    status: statuses.optional(),
  })
  .strict()
export type ListIssuesQueryType = z.infer<typeof ListIssuesQuery>
