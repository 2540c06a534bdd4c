import { defineMiddlewares } from "@medusajs/framework/http"
import { jewelErrorHandler } from "./utils/errors"
import { accessRoutes } from "./middlewares/access"
import { auditRoutes } from "./middlewares/audit"
import { backupRoutes } from "./middlewares/backups"
import { branchRoutes } from "./middlewares/branches"
import { crmRoutes } from "./middlewares/crm"
import { fileRoutes } from "./middlewares/files"
import { inputGuardRoutes } from "./middlewares/input-guards"
import { invoiceRoutes } from "./middlewares/invoices"
import { jewelryRoutes } from "./middlewares/jewelry"
import { loyaltyRoutes } from "./middlewares/loyalty"
import { messagingRoutes } from "./middlewares/messaging"
import { offerRoutes } from "./middlewares/offers"
import { paymentRoutes } from "./middlewares/payments"
import { securityRoutes } from "./middlewares/security"

/**
 * Validation and authentication of jewel-crm's routes, one file per area in
 * ./middlewares (a new area adds its file and one line here).
 */
export default defineMiddlewares({
  errorHandler: jewelErrorHandler,
  routes: [...inputGuardRoutes, ...securityRoutes, ...accessRoutes, ...branchRoutes, ...crmRoutes, ...jewelryRoutes, ...loyaltyRoutes, ...messagingRoutes, ...offerRoutes, ...invoiceRoutes, ...fileRoutes, ...paymentRoutes, ...auditRoutes, ...backupRoutes],
})
