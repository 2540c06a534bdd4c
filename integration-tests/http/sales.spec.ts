/** Old gold and savings schemes at the counter, paid orders, the loyalty ledger, prices set by hand, a backup while the counter sells and the sales reports: suites on one app boot (support/runner.ts), each from the demo shop as the app booted on it. */
import { shopIntegrationSuites } from "../support/runner"
import { oldGoldSuite } from "./old-gold.suite"
import { schemesSuite } from "./schemes.suite"
import { paidOrdersSuite } from "./paid-orders.suite"
import { loyaltySuite } from "./loyalty.suite"
import { priceOverridesSuite } from "./price-overrides.suite"
import { backupUnderLoadSuite } from "./backup-under-load.suite"
import { reportsSuite } from "./reports.suite"

jest.setTimeout(240 * 1000)

shopIntegrationSuites({
  suites: {
    "Old gold": oldGoldSuite,
    "Savings schemes": schemesSuite,
    "Paid orders": paidOrdersSuite,
    "Loyalty": loyaltySuite,
    "Prices set by hand on Medusa's order routes": priceOverridesSuite,
    "A backup while the counter sells": backupUnderLoadSuite,
    "Sales reports": reportsSuite,
  },
})
