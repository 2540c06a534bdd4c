/**
 * Repricing reads and writes whole batches in single SQL statements: through
 * the modules' services it cost about 1 ms a piece, a third of that through
 * these set-based statements (see `npm run bench`). The tables are Medusa's
 * pricing tables and the two link tables; their names are fixed by Medusa
 * (`product_variant_price_set`) and by our link in src/links.
 */
import { VARIANT_JEWELRY_LINK_TABLE as VARIANT_ATTRIBUTES_LINK_TABLE } from "../../../lib/link-tables"
export { VARIANT_ATTRIBUTES_LINK_TABLE }
export const VARIANT_PRICE_SET_LINK_TABLE = "product_variant_price_set"
