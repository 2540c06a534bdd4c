import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import BranchModule from "../modules/branch"

/** Each branch keeps its stock in exactly one Medusa stock location. */
export default defineLink(
  BranchModule.linkable.branch,
  StockLocationModule.linkable.stockLocation
)
