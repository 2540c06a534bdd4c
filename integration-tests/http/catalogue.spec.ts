/** The jewellery catalogue: intake, metal rates, pricing and its cache, counting the stock (stock audits), moving it between branches (stock transfers), metal out to karigars and back (job work), one piece's life through all of them and the preference model's data: suites on one app boot (support/runner.ts), each from the demo shop as the app booted on it. */
import { shopIntegrationSuites } from "../support/runner"
import { jewelryImportSuite } from "./jewelry-import.suite"
import { metalRatesSuite } from "./metal-rates.suite"
import { jewelryPricingSuite } from "./jewelry-pricing.suite"
import { catalogueCacheSuite } from "./catalogue-cache.suite"
import { stockAuditSuite } from "./stock-audit.suite"
import { stockTransferSuite } from "./stock-transfer.suite"
import { karigarSuite } from "./karigar.suite"
import { pieceLifeSuite } from "./piece-life.suite"
import { preferencesSuite } from "./preferences.suite"

jest.setTimeout(180 * 1000)

shopIntegrationSuites({
  suites: {
    "Stock intake by CSV": jewelryImportSuite,
    "Metal rates": metalRatesSuite,
    "Jewellery pricing": jewelryPricingSuite,
    "Catalogue cache": catalogueCacheSuite,
    "Stock audit": stockAuditSuite,
    "Stock transfers": stockTransferSuite,
    "Karigars and job work": karigarSuite,
    "A piece's life": pieceLifeSuite,
    "Preferences from the shop's data": preferencesSuite,
  },
})
