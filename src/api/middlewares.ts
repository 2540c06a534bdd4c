import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAuditRoutesMiddlewares } from "./admin/audit/middlewares"
import { adminBackupRoutesMiddlewares } from "./admin/backups/middlewares"
import { adminBranchRoutesMiddlewares } from "./admin/branches/middlewares"
import { adminCrmRoutesMiddlewares } from "./admin/crm/middlewares"
import { adminJewelryRoutesMiddlewares } from "./admin/jewelry/middlewares"
import { adminLoyaltyRoutesMiddlewares } from "./admin/loyalty/middlewares"
import { adminMessageRoutesMiddlewares } from "./admin/messages/middlewares"
import { adminMetalRateRoutesMiddlewares } from "./admin/metal-rates/middlewares"
import { adminOfferRoutesMiddlewares } from "./admin/offers/middlewares"
import { adminOldGoldRoutesMiddlewares } from "./admin/old-gold/middlewares"
import { adminSchemesRoutesMiddlewares } from "./admin/schemes/middlewares"
import { adminOrderRoutesMiddlewares } from "./admin/orders/middlewares"
import { adminPaymentRoutesMiddlewares } from "./admin/payments/middlewares"
import { adminPosRoutesMiddlewares } from "./admin/pos/middlewares"
import { adminReportRoutesMiddlewares } from "./admin/reports/middlewares"
import { adminStaffRoutesMiddlewares } from "./admin/staff/middlewares"
import { adminStockAuditRoutesMiddlewares } from "./admin/stock-audits/middlewares"
import { adminStockTransferRoutesMiddlewares } from "./admin/stock-transfers/middlewares"
import { adminApprovalMemoRoutesMiddlewares } from "./admin/approval-memos/middlewares"
import { adminJobCardRoutesMiddlewares } from "./admin/job-cards/middlewares"
import { adminKarigarIssueRoutesMiddlewares } from "./admin/karigar-issues/middlewares"
import { adminKarigarRoutesMiddlewares } from "./admin/karigars/middlewares"
import { adminPreferencesRoutesMiddlewares } from "./admin/preferences/middlewares"
import { adminTaxDocumentRoutesMiddlewares } from "./admin/tax-documents/middlewares"
import { documentRoutesMiddlewares } from "./documents/middlewares"
import { hookRoutesMiddlewares } from "./hooks/middlewares"
import { storeBranchRoutesMiddlewares } from "./store/branches/middlewares"
import { storeCartRoutesMiddlewares } from "./store/carts/middlewares"
import { storeCustomerRoutesMiddlewares } from "./store/customers/middlewares"
import { storeJewelryRoutesMiddlewares } from "./store/jewelry/middlewares"
import { storeMetalRateRoutesMiddlewares } from "./store/metal-rates/middlewares"
import { storeOrderRoutesMiddlewares } from "./store/orders/middlewares"
import { accessRoutesMiddlewares } from "./utils/access-routes"
import { jewelErrorHandler } from "./utils/errors"
import { inputGuardRoutesMiddlewares } from "./utils/input-guards"
import { payAtStoreRoutesMiddlewares } from "./utils/pay-at-store"
import { securityRoutesMiddlewares } from "./utils/security"
import { uploadRoutesMiddlewares } from "./utils/uploads"

/**
 * The API's middlewares, as Medusa lays out its own: each area keeps its
 * validators.ts and middlewares.ts beside its routes, and this file joins
 * them. The checks every request meets (input guards, security headers and
 * limits, roles and branches) come first; then the areas, and the shop's
 * checks in front of Medusa's own uploads and checkout routes.
 */
export default defineMiddlewares({
  errorHandler: jewelErrorHandler,
  routes: [
    ...inputGuardRoutesMiddlewares,
    ...securityRoutesMiddlewares,
    ...accessRoutesMiddlewares,
    ...adminAuditRoutesMiddlewares,
    ...adminBackupRoutesMiddlewares,
    ...adminBranchRoutesMiddlewares,
    ...adminCrmRoutesMiddlewares,
    ...adminJewelryRoutesMiddlewares,
    ...adminLoyaltyRoutesMiddlewares,
    ...adminMessageRoutesMiddlewares,
    ...adminMetalRateRoutesMiddlewares,
    ...adminOfferRoutesMiddlewares,
    ...adminOldGoldRoutesMiddlewares,
    ...adminOrderRoutesMiddlewares,
    ...adminPaymentRoutesMiddlewares,
    ...adminPosRoutesMiddlewares,
    ...adminReportRoutesMiddlewares,
    ...adminSchemesRoutesMiddlewares,
    ...adminStaffRoutesMiddlewares,
    ...adminStockAuditRoutesMiddlewares,
    ...adminStockTransferRoutesMiddlewares,
    ...adminApprovalMemoRoutesMiddlewares,
    ...adminJobCardRoutesMiddlewares,
    ...adminKarigarRoutesMiddlewares,
    ...adminKarigarIssueRoutesMiddlewares,
    ...adminPreferencesRoutesMiddlewares,
    ...adminTaxDocumentRoutesMiddlewares,
    ...storeBranchRoutesMiddlewares,
    ...storeCartRoutesMiddlewares,
    ...storeCustomerRoutesMiddlewares,
    ...storeJewelryRoutesMiddlewares,
    ...storeMetalRateRoutesMiddlewares,
    ...storeOrderRoutesMiddlewares,
    ...documentRoutesMiddlewares,
    ...hookRoutesMiddlewares,
    ...uploadRoutesMiddlewares,
    ...payAtStoreRoutesMiddlewares,
  ],
})
