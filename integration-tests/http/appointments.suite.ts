import type { ShopSuite } from "../support/runner"
import { Modules } from "@medusajs/framework/utils"
import { CRM_MODULE } from "../../src/modules/crm"
import type CrmModuleService from "../../src/modules/crm/service"
import { demoShop, expectStatus, signedInCustomer, type Headers } from "./helpers"

/** A half-hour slot of the branches' hours, some days ahead, as India time. */
function slotDaysAhead(days: number, time = "11:30"): string {
  const day = new Date(Date.now() + days * 24 * 3600_000 + 330 * 60_000).toISOString().slice(0, 10)
  return `${day}T${time}:00+05:30`
}

export const appointmentsSuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  let store: Headers
  beforeAll(async () => {
    ;({ auth, store } = await demoShop(getContainer(), api))
  })
  const crm = () => getContainer().resolve<CrmModuleService>(CRM_MODULE)

  it("books a visit to a branch into the CRM with a follow-up for the branch, once per slot, and refuses what cannot be booked", async () => {
    const { id, me } = await signedInCustomer(api, store, { email: "anjali.visit@example.in", password: "a-long-password-1", first_name: "Anjali" })
    const { data: branches } = await api.get("/store/branches", store)
    const mumbai = branches.branches.find((b: { code: string }) => b.code === "MUM")
    const { data: products } = await api.get("/store/products?limit=1&fields=title,variants.id", store)
    const piece = products.products[0]
    const slot = slotDaysAhead(3)
    const body = { branch_id: mumbai.id, kind: "visit", slot, variant_id: piece.variants[0].id, note: "Bringing my mother" }

    const first = await expectStatus(api.post("/store/customers/me/appointments", body, me))
    expect(first.status).toBe(201)
    expect(first.data.appointment).toEqual(
      expect.objectContaining({
        kind: "visit",
        slot: new Date(slot).toISOString(),
        branch: { id: mumbai.id, name: "Mumbai – Zaveri Bazaar" },
        summary: expect.stringMatching(new RegExp(`^Booked a visit to Mumbai – Zaveri Bazaar on .* 11:30 am \\(India time\\) to see ${piece.title}, from the storefront\\. Note: Bringing my mother$`)),
      })
    )
    // In the CRM: the customer's interaction at the branch, and a task for the branch due at the slot.
    const [interaction] = await crm().listInteractions({ id: first.data.appointment.id })
    expect(interaction).toEqual(expect.objectContaining({ customer_id: id, branch_id: mumbai.id, channel: "online", kind: "enquiry", products_of_interest: [piece.variants[0].id] }))
    const [task] = await crm().listFollowUpTasks({ id: first.data.appointment.follow_up_task_id })
    expect(task).toEqual(expect.objectContaining({ customer_id: id, branch_id: mumbai.id, status: "open", assignee_user_id: null }))
    expect(task.due_at.toISOString()).toBe(new Date(slot).toISOString())
    const { data: tasks } = await api.get(`/admin/crm/tasks?customer_id=${id}`, auth)
    expect(tasks.tasks.map((t: { id: string }) => t.id)).toContain(task.id)

    // The same slot again, twice at once: the first booking, nothing more.
    const again = await Promise.all([0, 1].map(() => expectStatus(api.post("/store/customers/me/appointments", body, me))))
    expect(again.map((r) => [r.status, r.data.appointment.id])).toEqual([
      [200, first.data.appointment.id],
      [200, first.data.appointment.id],
    ])
    expect(await crm().listInteractions({ customer_id: id })).toHaveLength(1)

    const video = await expectStatus(api.post("/store/customers/me/appointments", { branch_id: mumbai.id, kind: "video_call", slot: slotDaysAhead(4, "17:00") }, me))
    expect([video.status, video.data.appointment.summary]).toEqual([201, expect.stringMatching(/^Booked a video call with Mumbai – Zaveri Bazaar on .* 5:00 pm/)])
    expect((await crm().listInteractions({ id: video.data.appointment.id }))[0].channel).toBe("video")

    const refused = async (change: Record<string, unknown>, headers: Headers = me) => {
      const res = await expectStatus(api.post("/store/customers/me/appointments", { ...body, ...change }, headers))
      return [res.status, res.data.message]
    }
    expect(await refused({ slot: slotDaysAhead(3, "09:00") })).toEqual([400, expect.stringMatching(/^Our branches see customers from 10:30 am to 8 pm/)])
    expect(await refused({ slot: slotDaysAhead(3, "11:10") })).toEqual([400, "Choose a time on the hour or at half past."])
    expect(await refused({ slot: slotDaysAhead(90) })).toEqual([400, "Choose a time within the next 60 days."])
    expect(await refused({ slot: "next tuesday" })).toEqual([400, expect.stringContaining("slot is a date and time")])
    expect(await refused({ branch_id: "br_nowhere" })).toEqual([400, 'There is no branch "br_nowhere" to book at'])
    expect(await refused({ variant_id: "variant_nowhere" })).toEqual([400, 'There is no piece "variant_nowhere" in the shop'])
    expect(await refused({ kind: "home_visit" })).toEqual([400, expect.stringContaining("kind")])
    // Only a signed-in customer books, as themselves.
    expect((await refused({}, store))[0]).toBe(401)
    expect(await refused({ customer_id: "cus_someone" })).toEqual([400, expect.stringContaining("customer_id")])
    expect((await getContainer().resolve(Modules.CUSTOMER).listCustomers({ id }))[0].id).toBe(id)
  })
}
