import type { MiddlewareRoute } from "@medusajs/framework/http"
import { fileSettings } from "../../../lib/file-settings"
import { receiveFiles } from "../../utils/uploads"
import { NoBody, validateBody, validateQuery } from "../../utils/validation"
import {
  CertificateFields,
  ImageUploadQuery,
  ImportQuery,
  MAX_IMAGES_PER_REQUEST,
  PostJewelryAttributesBody,
  PostJewelryProductBody,
  RepriceJobsQuery,
  SplitTagBody,
  TagLabelsBody,
} from "./validators"

export const adminJewelryRoutesMiddlewares: MiddlewareRoute[] = [
  // The body is the CSV file itself, read by the route.
  { matcher: "/admin/jewelry/import", methods: ["POST"], bodyParser: false, middlewares: [validateQuery(ImportQuery, {})] },
  { matcher: "/admin/jewelry/products", methods: ["POST"], middlewares: [validateBody(PostJewelryProductBody)] },
  { matcher: "/admin/jewelry/labels", methods: ["POST"], middlewares: [validateBody(TagLabelsBody)] },
  { matcher: "/admin/jewelry/tags/:code/split", methods: ["POST"], middlewares: [validateBody(SplitTagBody)] },
  { matcher: "/admin/jewelry/variants/:id/attributes", methods: ["POST"], middlewares: [validateBody(PostJewelryAttributesBody)] },
  { matcher: "/admin/jewelry/reprice-jobs", methods: ["GET"], middlewares: [validateQuery(RepriceJobsQuery, {})] },
  { matcher: "/admin/jewelry/reprice-jobs", methods: ["POST"], middlewares: [validateBody(NoBody)] },
  {
    matcher: "/admin/jewelry/variants/:id/certificate",
    methods: ["POST"],
    middlewares: [receiveFiles("file", { maxFiles: 1, maxBytes: () => fileSettings().certificate_max_bytes }), validateBody(CertificateFields)],
  },
  {
    matcher: "/admin/jewelry/images",
    methods: ["POST"],
    middlewares: [validateQuery(ImageUploadQuery, {}), receiveFiles("files", { maxFiles: MAX_IMAGES_PER_REQUEST, maxBytes: () => fileSettings().image_max_bytes })],
  },
]
