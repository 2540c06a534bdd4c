import { CurrentMetalRatesQuery } from "../../admin/metal-rates/validators"

/** Today's rates, for a branch or the shop; storefronts do not look back in time. */
export const StoreMetalRatesQuery = CurrentMetalRatesQuery.omit({ at: true })
