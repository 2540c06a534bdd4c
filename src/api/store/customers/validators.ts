import { z } from "@medusajs/framework/zod"
import { checkOccasionDates, PreferenceFields } from "../../admin/crm/validators"
import { findParams } from "../../utils/validators"
import { APPOINTMENT_KINDS } from "../../../lib/appointments"

/**
 * Medusa's sign-up body (POST /store/customers), as Medusa reads it, with
 * lengths bounded; after a sign-in by phone, `phone` is the verified number
 * whatever is sent (route.ts), and the email may be left out.
 */
export const StoreCreateCustomerBody = z
  .object({
    email: z.string().trim().email().max(254).nullish(),
    company_name: z.string().max(200).nullish(),
    first_name: z.string().max(100).nullish(),
    last_name: z.string().max(100).nullish(),
    phone: z.string().max(40).nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()

/** A visit to a branch, or a video call with it, booked by a signed-in customer (src/lib/appointments.ts). */
export const StoreAppointmentBody = z
  .object({
    branch_id: z.string().trim().min(1).max(100),
    kind: z.enum(APPOINTMENT_KINDS),
    /** When, as an ISO date-time ("2026-12-10T11:30:00+05:30"). */
    slot: z.string().datetime({ offset: true, message: "slot is a date and time, e.g. 2026-12-10T11:30:00+05:30" }),
    /** The piece they want to see. */
    variant_id: z.string().trim().min(1).max(100).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()

export type StoreAppointmentBodyType = z.infer<typeof StoreAppointmentBody>

/** What customers may change about themselves: not PAN, tags, staff or notes. */
export const StoreProfileBody = z.object(PreferenceFields).strict()
  .superRefine(checkOccasionDates)

export type StoreProfileBodyType = z.infer<typeof StoreProfileBody>

export const AddWishlistItemBody = z
  .object({
    variant_id: z.string().trim().min(1).max(100),
    note: z.string().trim().max(500).optional(),
  })
  .strict()

export type AddWishlistItemBodyType = z.infer<typeof AddWishlistItemBody>

export const RemoveWishlistItemQuery = z.object({ variant_id: z.string().trim().min(1).max(100) }).strict()

export type RemoveWishlistItemQueryType = z.infer<typeof RemoveWishlistItemQuery>

export const ListWishlistQuery = findParams({ limit: 50, maxLimit: 100 })
  .strict()

export type ListWishlistQueryType = z.infer<typeof ListWishlistQuery>

export const StoreRecommendationsQuery = z.object({ limit: z.coerce.number().int().min(1).max(10).default(10) }).strict()

export type StoreRecommendationsQueryType = z.infer<typeof StoreRecommendationsQuery>

/** Paying a scheme instalment online takes nothing in the body: the card and amount are the server's. */
export const StoreSchemePaymentLinkBody = z.object({}).strict()
