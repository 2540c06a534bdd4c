/** Segments, offer campaigns, their redemption and points in the cart: suites on one app boot (support/runner.ts), each from the demo shop as the app booted on it. */
import { shopIntegrationSuites } from "../support/runner"
import { offersSegmentsSuite } from "./offers-segments.suite"
import { offersCampaignsSuite } from "./offers-campaigns.suite"
import { offersRedemptionSuite } from "./offers-redemption.suite"
import { loyaltyCartSuite } from "./loyalty-cart.suite"

jest.setTimeout(240 * 1000)

shopIntegrationSuites({
  suites: {
    "Segments": offersSegmentsSuite,
    "Offer campaigns": offersCampaignsSuite,
    "Offer redemption": offersRedemptionSuite,
    "Points in the cart": loyaltyCartSuite,
  },
})
