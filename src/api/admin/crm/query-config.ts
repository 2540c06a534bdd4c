/** A customer as the CRM lists and opens them: Medusa's fields with the shop's profile. */
export const defaultAdminCrmCustomerFields = ["id", "first_name", "last_name", "email", "phone", "created_at", "customer_profile.*"]
