/** Customers, their activity, merges, the audit trail and who may do what on every route: suites on one app boot (support/runner.ts), each from the demo shop as the app booted on it. */
import { shopIntegrationSuites } from "../support/runner"
import { crmCustomersSuite } from "./crm-customers.suite"
import { crmActivitySuite } from "./crm-activity.suite"
import { crmMergeSuite } from "./crm-merge.suite"
import { auditSuite } from "./audit.suite"
import { accessMatrixSuite } from "./access-matrix.suite"

jest.setTimeout(240 * 1000)

shopIntegrationSuites({
  suites: {
    "CRM customers": crmCustomersSuite,
    "CRM activity": crmActivitySuite,
    "Merging customers": crmMergeSuite,
    "Audit trail": auditSuite,
    "Who may do what": accessMatrixSuite,
  },
})
