import { formatGrams, formatPurity, formatRupees, type MetalNames } from "../lib/format"
import type { CataloguePiece } from "../lib/catalogue"
import type { StoreProduct } from "../lib/products"

/** A design in a list; from a list filtered by branch, its page shows the piece that branch has. */
export function ProductCard({ piece, metalNames, branch }: { piece: CataloguePiece & { product: StoreProduct }; metalNames?: MetalNames; branch?: string }) {
  const image = piece.product.thumbnail ?? piece.product.images?.[0]?.url
  return (
    <li className="card">
      <a href={`/products/${piece.handle}${branch ? `?branch=${encodeURIComponent(branch)}` : ""}`}>
        {image ? <img src={image} alt="" loading="lazy" width={400} height={400} /> : <span className="noimg" aria-hidden="true" />}
        <span className="title">{piece.title}</span>
        <span className="facts">
          {[piece.metal && piece.purity ? formatPurity(piece.metal, piece.purity, metalNames) : null, piece.net_weight_g ? formatGrams(piece.net_weight_g) : null]
            .filter(Boolean)
            .join(" · ")}
        </span>
        {piece.price !== null && <span className="price">{formatRupees(piece.price)}</span>}
      </a>
    </li>
  )
}
