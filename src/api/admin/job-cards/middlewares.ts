import type { MiddlewareRoute } from "@medusajs/framework/http"
import { fileSettings } from "../../../lib/file-settings"
import { receiveFiles } from "../../utils/uploads"
import { validateBody, validateQuery } from "../../utils/validation"
import { JobPhotoFields, ListJobsQuery, JobBillQuery, MoveJobBody, ReceiveJobBody, TakeAdvanceBody } from "./validators"

export const adminJobCardRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/job-cards", methods: ["GET"], middlewares: [validateQuery(ListJobsQuery, {})] },
  { matcher: "/admin/job-cards", methods: ["POST"], middlewares: [validateBody(ReceiveJobBody)] },
  { matcher: "/admin/job-cards/:id/steps", methods: ["POST"], middlewares: [validateBody(MoveJobBody)] },
  { matcher: "/admin/job-cards/:id/bill", methods: ["GET"], middlewares: [validateQuery(JobBillQuery, {})] },
  { matcher: "/admin/job-cards/:id/payments", methods: ["POST"], middlewares: [validateBody(TakeAdvanceBody)] },
  {
    matcher: "/admin/job-cards/:id/photos",
    methods: ["POST"],
    middlewares: [receiveFiles("files", { maxFiles: 6, maxBytes: () => fileSettings().image_max_bytes }), validateBody(JobPhotoFields)],
  },
]
