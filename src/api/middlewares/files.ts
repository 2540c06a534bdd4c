import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../utils/validation"
import { fileSettings } from "../../lib/file-settings"
import { CertificateFields } from "../utils/certificates"
import { ImageUploadQuery, MAX_IMAGES_PER_REQUEST } from "../utils/product-images"
import { checkCoreUploads, checkPresignedUploads, receiveFiles } from "../utils/uploads"

export const fileRoutes: MiddlewareRoute[] = [
  // Medusa's own uploads (the product editor's images): images and PDFs only, by content.
  { matcher: "/admin/uploads", methods: ["POST"], middlewares: [checkCoreUploads] },
  { matcher: "/admin/uploads/presigned-urls", methods: ["POST"], middlewares: [checkPresignedUploads] },
  {
    matcher: "/admin/jewelry/variants/:id/certificate",
    methods: ["POST"],
    middlewares: [receiveFiles("file", { maxFiles: 1, maxBytes: () => fileSettings().certificate_max_bytes }), validateBody(CertificateFields)],
  },
  {
    matcher: "/store/jewelry/variants/:id/certificate",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    matcher: "/admin/jewelry/images",
    methods: ["POST"],
    middlewares: [
      validateQuery(ImageUploadQuery, {}),
      receiveFiles("files", { maxFiles: MAX_IMAGES_PER_REQUEST, maxBytes: () => fileSettings().image_max_bytes }),
    ],
  },
]
