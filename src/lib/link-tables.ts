/**
 * Tables Medusa keeps our module links in, for the set-based queries that
 * join across modules (the names follow from the links in src/links).
 */

/** customer ↔ CRM profile (src/links/customer-profile.ts). */
export const PROFILE_LINK_TABLE = "customer_customer_crm_customer_profile"
