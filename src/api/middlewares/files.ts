import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../validation"
import { fileSettings } from "../../lib/file-settings"
import { CertificateFields } from "../utils/certificates"
import { ImageUploadQuery, MAX_IMAGES_PER_REQUEST } from "../utils/product-images"
import { receiveFiles } from "../utils/uploads"

export const fileRoutes: MiddlewareRoute[] = [
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
