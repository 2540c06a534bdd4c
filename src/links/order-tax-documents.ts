import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import InvoicingModule from "../modules/invoicing"

/** An order's tax invoice and credit notes, as `tax_documents` (read-only link: each document keeps its order id). */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  { ...InvoicingModule.linkable.taxDocument.id, primaryKey: "order_id" },
  { readOnly: true, isList: true }
)
