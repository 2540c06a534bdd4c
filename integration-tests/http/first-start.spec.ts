/**
 * The app on an empty, migrated schema, as on a first start: its health and readiness answers, and the demo
 * shop's seed. Suites on one app boot (support/runner.ts), each from the schema as the app booted on it.
 */
import { shopIntegrationSuites } from "../support/runner"
import { healthSuite } from "./health.suite"
import { demoShopSuite } from "./demo-shop.suite"

jest.setTimeout(240 * 1000)

shopIntegrationSuites({
  start: "schema",
  suites: {
    "Health and readiness": healthSuite,
    "The demo shop": demoShopSuite,
  },
})
