/**
 * Tables Medusa keeps our module links in, for the set-based queries that
 * join across modules (the names follow from the links in src/links).
 */

/** customer ↔ CRM profile (src/links/customer-profile.ts). */
export const PROFILE_LINK_TABLE = "customer_customer_crm_customer_profile"

/** branch ↔ sales channel (src/links/branch-sales-channel.ts). */
export const BRANCH_CHANNEL_LINK_TABLE = "branch_branch_sales_channel_sales_channel"

/** product variant ↔ jewellery attributes (src/links/variant-jewelry-attributes.ts). */
export const VARIANT_JEWELRY_LINK_TABLE = "product_product_variant_jewelry_jewelry_attributes"

/** branch ↔ stock location (src/links/branch-stock-location.ts). */
export const BRANCH_LOCATION_LINK_TABLE = "branch_branch_stock_location_stock_location"

/**
 * The category a product's sales and stock are filed under in the reports:
 * its first by handle (a product may sit in several). One expression, so
 * sales by category and stock by category agree.
 */
export const productCategorySql = (productIdColumn: string) =>
  `(select min(pc.handle) from product_category_product pcp
     join product_category pc on pc.id = pcp.product_category_id and pc.deleted_at is null
    where pcp.product_id = ${productIdColumn})`

/**
 * The same filing for many products at once, as a derived table
 * (product_id, handle) to join: one grouped pass over the category links
 * rather than a lookup per row (the stock report's 100 000 levels).
 */
export const PRODUCT_CATEGORIES_SQL = `(select pcp.product_id, min(pc.handle) as handle from product_category_product pcp
     join product_category pc on pc.id = pcp.product_category_id and pc.deleted_at is null
    group by pcp.product_id)`
