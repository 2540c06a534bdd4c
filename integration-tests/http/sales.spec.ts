/** Old gold at the counter, paid orders and the loyalty ledger: suites on one app boot (support/runner.ts), each from the demo shop as the app booted on it. */
import { shopIntegrationSuites } from "../support/runner"
import { oldGoldSuite } from "./old-gold.suite"
import { paidOrdersSuite } from "./paid-orders.suite"
import { loyaltySuite } from "./loyalty.suite"

jest.setTimeout(240 * 1000)

shopIntegrationSuites({
  suites: {
    "Old gold": oldGoldSuite,
    "Paid orders": paidOrdersSuite,
    "Loyalty": loyaltySuite,
  },
})
