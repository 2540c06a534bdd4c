/** Fields of a branch every caller may see, with its stock location and sales channel. */
export const PUBLIC_BRANCH_FIELDS = [
  "id",
  "code",
  "name",
  "gstin",
  "state_code",
  "state_name",
  "address_1",
  "address_2",
  "city",
  "postal_code",
  "phone",
  "email",
  "stock_location.id",
  "stock_location.name",
  "sales_channel.id",
  "sales_channel.name",
]

/** Storefronts see the public fields only, whatever `fields` asks for. */
export const retrieveStoreBranchQueryConfig = { defaults: PUBLIC_BRANCH_FIELDS, allowed: PUBLIC_BRANCH_FIELDS, isList: false }
export const listStoreBranchQueryConfig = { ...retrieveStoreBranchQueryConfig, isList: true }
