import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import {
  ADMIN_BRANCH_FIELDS,
  ListBranchesQuery,
  PUBLIC_BRANCH_FIELDS,
  RetrieveBranchQuery,
} from "./utils/branches"
import {
  CompleteTaskBody,
  AddWishlistItemBody,
  CreateCrmCustomerBody,
  DuplicatesQuery,
  ListCrmCustomersQuery,
  ListMergesQuery,
  ListWishlistQuery,
  MergeCustomersBody,
  RemoveWishlistItemQuery,
  ListInteractionsQuery,
  ListTasksQuery,
  LogInteractionBody,
  StoreProfileBody,
  UpcomingQuery,
} from "./utils/crm"
import { jewelErrorHandler } from "./utils/errors"
import { ImportQuery, PostJewelryAttributesBody, PostJewelryProductBody, PriceBreakdownQuery, RepriceJobsQuery } from "./utils/jewelry"
import { AdjustPointsBody, CartPointsBody, LedgerQuery, ProgramBody, RedeemPointsBody } from "./utils/loyalty"
import { GupshupCallbackBody, verifyGupshupToken } from "./utils/gupshup-webhook"
import { SegmentPreviewBody } from "./utils/segment-preview"
import { ListMessagesQuery, PreviewTemplateBody, SaveTemplateBody } from "./utils/messaging"
import { TwilioInboundBody, TwilioStatusBody, validateProviderForm, verifyTwilioSignature } from "./utils/twilio-webhook"
import { CurrentMetalRatesQuery, MetalRateHistoryQuery, PostMetalRatesBody } from "./utils/metal-rates"

function allowJewelryFieldsOnStoreProducts(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  req.allowed = [...(req.allowed ?? []), "variants.jewelry_attributes"]
  next()
}

export default defineMiddlewares({
  errorHandler: jewelErrorHandler,
  routes: [
    {
      matcher: "/store/customers/me/profile",
      methods: ["GET", "POST"],
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/customers/me/profile",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(StoreProfileBody)],
    },
    {
      matcher: "/store/customers/me/wishlist",
      methods: ["GET", "POST", "DELETE"],
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    { matcher: "/store/customers/me/wishlist", methods: ["GET"], middlewares: [validateAndTransformQuery(ListWishlistQuery, {})] },
    { matcher: "/store/customers/me/wishlist", methods: ["POST"], middlewares: [validateAndTransformBody(AddWishlistItemBody)] },
    {
      matcher: "/store/customers/me/wishlist",
      methods: ["DELETE"],
      middlewares: [validateAndTransformQuery(RemoveWishlistItemQuery, {})],
    },
    {
      matcher: "/store/customers/me/loyalty",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    { matcher: "/admin/offers/segments/preview", methods: ["POST"], middlewares: [validateAndTransformBody(SegmentPreviewBody)] },
    { matcher: "/admin/messages", methods: ["GET"], middlewares: [validateAndTransformQuery(ListMessagesQuery, {})] },
    { matcher: "/admin/messages/templates", methods: ["POST"], middlewares: [validateAndTransformBody(SaveTemplateBody)] },
    { matcher: "/admin/messages/templates/preview", methods: ["POST"], middlewares: [validateAndTransformBody(PreviewTemplateBody)] },
    { matcher: "/hooks/gupshup", methods: ["POST"], middlewares: [verifyGupshupToken, validateProviderForm(GupshupCallbackBody)] },
    { matcher: "/hooks/twilio/status", methods: ["POST"], middlewares: [verifyTwilioSignature, validateProviderForm(TwilioStatusBody)] },
    { matcher: "/hooks/twilio/inbound", methods: ["POST"], middlewares: [verifyTwilioSignature, validateProviderForm(TwilioInboundBody)] },
    {
      matcher: "/store/carts/:id/loyalty*",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    { matcher: "/store/carts/:id/loyalty/redeem", methods: ["POST"], middlewares: [validateAndTransformBody(CartPointsBody)] },
    { matcher: "/admin/loyalty/customers/:id/redeem", methods: ["POST"], middlewares: [validateAndTransformBody(RedeemPointsBody)] },
    { matcher: "/admin/loyalty/customers/:id/adjust", methods: ["POST"], middlewares: [validateAndTransformBody(AdjustPointsBody)] },
    { matcher: "/admin/loyalty/ledger", methods: ["GET"], middlewares: [validateAndTransformQuery(LedgerQuery, {})] },
    { matcher: "/admin/loyalty/program", methods: ["POST"], middlewares: [validateAndTransformBody(ProgramBody)] },
    {
      matcher: "/admin/crm/customers/duplicates",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(DuplicatesQuery, {})],
    },
    { matcher: "/admin/crm/customers/merge", methods: ["POST"], middlewares: [validateAndTransformBody(MergeCustomersBody)] },
    { matcher: "/admin/crm/merges", methods: ["GET"], middlewares: [validateAndTransformQuery(ListMergesQuery, {})] },
    {
      matcher: "/admin/crm/customers/:id/interactions",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListInteractionsQuery, {})],
    },
    {
      matcher: "/admin/crm/customers/:id/interactions",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(LogInteractionBody)],
    },
    { matcher: "/admin/crm/tasks", methods: ["GET"], middlewares: [validateAndTransformQuery(ListTasksQuery, {})] },
    {
      matcher: "/admin/crm/tasks/:id/complete",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(CompleteTaskBody)],
    },
    { matcher: "/admin/crm/upcoming", methods: ["GET"], middlewares: [validateAndTransformQuery(UpcomingQuery, {})] },
    {
      matcher: "/admin/crm/customers",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListCrmCustomersQuery, {})],
    },
    {
      matcher: "/admin/crm/customers",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(CreateCrmCustomerBody)],
    },
    {
      // The body is the CSV file itself, read by the route.
      matcher: "/admin/jewelry/import",
      methods: ["POST"],
      bodyParser: false,
      middlewares: [validateAndTransformQuery(ImportQuery, {})],
    },
    {
      matcher: "/admin/jewelry/products",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(PostJewelryProductBody)],
    },
    {
      // Lets storefronts ask for a piece's attributes and price breakdown with
      // the products: ?fields=*variants.jewelry_attributes
      matcher: "/store/products*",
      methods: ["GET"],
      middlewares: [allowJewelryFieldsOnStoreProducts],
    },
    {
      matcher: "/admin/jewelry/variants/:id/attributes",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(PostJewelryAttributesBody)],
    },
    {
      matcher: "/admin/jewelry/reprice-jobs",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(RepriceJobsQuery, {})],
    },
    {
      matcher: "/store/jewelry/variants/:id/price-breakdown",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(PriceBreakdownQuery, {})],
    },
    {
      matcher: "/admin/metal-rates",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(CurrentMetalRatesQuery, {})],
    },
    {
      matcher: "/admin/metal-rates",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(PostMetalRatesBody)],
    },
    {
      matcher: "/admin/metal-rates/history",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(MetalRateHistoryQuery, {})],
    },
    {
      matcher: "/store/metal-rates",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(CurrentMetalRatesQuery.omit({ at: true }), {})],
    },
    {
      matcher: "/admin/branches",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListBranchesQuery, { defaults: ADMIN_BRANCH_FIELDS, isList: true })],
    },
    {
      matcher: "/admin/branches/:id",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(RetrieveBranchQuery, { defaults: ADMIN_BRANCH_FIELDS, isList: false })],
    },
    {
      matcher: "/store/branches",
      methods: ["GET"],
      middlewares: [
        validateAndTransformQuery(ListBranchesQuery, {
          defaults: PUBLIC_BRANCH_FIELDS,
          allowed: PUBLIC_BRANCH_FIELDS,
          isList: true,
        }),
      ],
    },
    {
      matcher: "/store/branches/:id",
      methods: ["GET"],
      middlewares: [
        validateAndTransformQuery(RetrieveBranchQuery, {
          defaults: PUBLIC_BRANCH_FIELDS,
          allowed: PUBLIC_BRANCH_FIELDS,
          isList: false,
        }),
      ],
    },
  ],
})
