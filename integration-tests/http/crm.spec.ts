/** Customers, their activity, merges, the audit trail and who may do what on every route: suites on one app boot (support/runner.ts), each from the demo shop as the app booted on it. */
import { shopIntegrationSuites } from "../support/runner"
import { crmCustomersSuite } from "./crm-customers.suite"
import { crmActivitySuite } from "./crm-activity.suite"
import { crmMergeSuite } from "./crm-merge.suite"
import { auditSuite } from "./audit.suite"
import { accessMatrixSuite } from "./access-matrix.suite"
import { appointmentsSuite } from "./appointments.suite"

jest.setTimeout(240 * 1000)

shopIntegrationSuites({
  // The access matrix compares each spelling of a route with its plain one, /health/ready included: on a loaded
  // run its database check can outlast the default 2 s and answer 503 to one spelling and 200 to the next.
  env: { READINESS_TIMEOUT_MS: "60000" },
  suites: {
    "CRM customers": crmCustomersSuite,
    "CRM activity": crmActivitySuite,
    "Merging customers": crmMergeSuite,
    "Booking a visit": appointmentsSuite,
    "Audit trail": auditSuite,
    "Who may do what": accessMatrixSuite,
  },
})
