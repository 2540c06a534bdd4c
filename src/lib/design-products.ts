/**
 * A design product groups the pieces of one design (docs/counter.md, "One piece per tag"): one product per
 * design code, one variant per piece, told apart by the options "Size" (when the design comes in sizes) and
 * "Piece" (the piece's tag). The storefront shows the design once; the counter and the stock still see pieces.
 */

/** The option every design product tells its pieces apart by: the piece's tag. */
export const PIECE_OPTION = "Piece"

/** The option a design's sizes are offered by, when any of its pieces has a size. */
export const SIZE_OPTION = "Size"

/** The size of a piece without one, in a design that comes in sizes. */
export const FREE_SIZE = "Free size"

/** What the intake needs of a piece to place it in its design's product. */
export type DesignPiece = { row: number; tag_code: string; category: string; size: string | null; design_code: string | null }

/** A design product already in the catalogue, as the intake finds it. */
export type ExistingDesignProduct = { product_id: string; title: string; option_titles: string[]; category_handles: string[] }

/** Design codes are compared and stored in capitals, as tag codes are. */
export const normalDesignCode = (code: string) => code.trim().toUpperCase()

/** The handle of the product a design's pieces are grouped in when the intake makes it. */
export function designHandle(code: string): string {
  return `design-${normalDesignCode(code)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")}`
}

/** The options a new design product is made with: a size only when one of its pieces has one. */
export function designOptionTitles(pieces: Pick<DesignPiece, "size">[]): string[] {
  return pieces.some((p) => p.size) ? [SIZE_OPTION, PIECE_OPTION] : [PIECE_OPTION]
}

/** A piece's values for its design product's options (titles compared in any case): its tag, and its size for the other. */
export function designOptionValues(optionTitles: string[], piece: Pick<DesignPiece, "tag_code" | "size">): Record<string, string> {
  return Object.fromEntries(
    optionTitles.map((title) => [title, title.toLowerCase() === PIECE_OPTION.toLowerCase() ? piece.tag_code : piece.size || FREE_SIZE])
  )
}

/** A design piece's variant title: its size and tag (the product's title already names the design). */
export function pieceVariantTitle(piece: Pick<DesignPiece, "tag_code" | "size">): string {
  return piece.size ? `${piece.size} – ${piece.tag_code}` : piece.tag_code
}

/**
 * Within one sheet, a design's pieces are one product, so they share a category: every row of a design
 * after the first that names another category is refused, naming the first.
 */
export function sheetDesignProblems(pieces: DesignPiece[]): { row: number; reason: string }[] {
  const first = new Map<string, DesignPiece>()
  const problems: { row: number; reason: string }[] = []
  for (const piece of pieces) {
    if (!piece.design_code) {
      continue
    }
    const earlier = first.get(piece.design_code)
    if (!earlier) {
      first.set(piece.design_code, piece)
    } else if (earlier.category !== piece.category) {
      problems.push({
        row: piece.row,
        reason: `design ${piece.design_code} is in category "${earlier.category}" in row ${earlier.row}; a design is one product, so its pieces share a category`,
      })
    }
  }
  return problems
}

/**
 * Whether a piece can join a design product already in the catalogue: the product must tell its pieces
 * apart by a Piece option and have at most one other, which the sheet's size column fills (whatever its
 * title: "Size", "Ring size", "Length"), and be in the piece's category. Null when it can.
 */
export function existingDesignProblem(product: ExistingDesignProduct, piece: DesignPiece): string | null {
  const where = `design ${piece.design_code} is the product "${product.title}"`
  const titles = product.option_titles.map((t) => t.toLowerCase())
  if (!titles.includes(PIECE_OPTION.toLowerCase())) {
    return `${where}, which has no "${PIECE_OPTION}" option to tell its pieces apart; add the option in the admin, or give these pieces another design code`
  }
  const others = product.option_titles.filter((t) => t.toLowerCase() !== PIECE_OPTION.toLowerCase())
  if (others.length > 1) {
    return `${where}, whose options "${others.join('", "')}" the sheet's one size column cannot fill; add these pieces to it in the admin`
  }
  if (!product.category_handles.includes(piece.category)) {
    return `${where} in ${product.category_handles.length ? `category "${product.category_handles.join('", "')}"` : "no category"}, not "${piece.category}"`
  }
  return null
}

/**
 * Of the products that already hold a design's pieces, the one new pieces join: the one holding most of
 * them (pieces imported before designs were grouped are a product each), the earliest made on a tie.
 */
export function chooseDesignProduct<T extends { product_id: string; pieces: number; created_at: Date | string }>(candidates: T[]): T | undefined {
  return [...candidates].sort((a, b) => b.pieces - a.pieces || new Date(a.created_at).getTime() - new Date(b.created_at).getTime())[0]
}

/** A piece as a document names it: the product's title and the variant's, without the title said twice. */
export function pieceDescription(productTitle: string | null, variantTitle: string | null): string {
  const product = (productTitle ?? "").trim()
  let variant = (variantTitle ?? "").trim()
  if (product && variant.startsWith(`${product} – `)) {
    variant = variant.slice(product.length + 3).trim()
  }
  return [product, variant === product ? "" : variant].filter(Boolean).join(" – ")
}
