import { authenticate, type MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { fileSettings } from "../../lib/file-settings"
import { CertificateFields } from "../utils/certificates"
import { ImageUploadQuery, MAX_IMAGES_PER_REQUEST } from "../utils/product-images"
import { receiveFiles } from "../utils/uploads"

export const fileRoutes: MiddlewareRoute[] = [
  {
    matcher: "/admin/jewelry/variants/:id/certificate",
    methods: ["POST"],
    middlewares: [receiveFiles("file", { maxFiles: 1, maxBytes: () => fileSettings().certificate_max_bytes }), validateAndTransformBody(CertificateFields)],
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
      validateAndTransformQuery(ImageUploadQuery, {}),
      receiveFiles("files", { maxFiles: MAX_IMAGES_PER_REQUEST, maxBytes: () => fileSettings().image_max_bytes }),
    ],
  },
]
