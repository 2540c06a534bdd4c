/**
 * Tax invoices and credit notes, certificates and product photos, all in Medusa's S3 file provider (the official
 * AWS SDK) pointed at a loopback S3 that checks SigV4 and ACLs: suites on one app boot (support/runner.ts), each
 * from the demo shop as the app booted on it. Presigned URLs live 2 s; uploads have small limits.
 */
import { shopIntegrationSuites } from "../support/runner"
import { useS3Loopback } from "../support/s3-loopback"
import { invoicesSuite } from "./invoices.suite"
import { filesSuite } from "./files.suite"

jest.setTimeout(300 * 1000)

const s3 = useS3Loopback({ S3_DOWNLOAD_URL_SECONDS: "2", CERTIFICATE_MAX_MB: "0.05", IMAGE_MAX_MB: "2" })

shopIntegrationSuites({
  suites: {
    "Tax invoices and credit notes": invoicesSuite(s3),
    "Certificates and photos": filesSuite(s3),
  },
})
