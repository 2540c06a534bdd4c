import type { CustomerSummary } from "./types"

/** "Asha Patil", or the email / id when the name is missing. */
export function customerName(customer: CustomerSummary | null | undefined): string {
  if (!customer) {
    return "Unknown customer"
  }
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ")
  return name || customer.email || customer.id
}

export function customerPhone(customer: CustomerSummary | null | undefined): string | null {
  return customer?.profile?.phone ?? customer?.customer_profile?.phone ?? customer?.phone ?? null
}
