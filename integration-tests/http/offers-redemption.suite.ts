import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ShopSuite } from "../support/runner"
import { waitFor } from "../support/wait"
import { amountToPaise } from "../../src/lib/money"
import { OFFERS_MODULE } from "../../src/modules/offers"
import type OffersModuleService from "../../src/modules/offers/service"
import { updateCustomerProfileWorkflow } from "../../src/workflows/crm"
import { cartWithCoin, demoShop, expectStatus, finishedRun, payAndComplete, signedInCustomer, type Headers } from "./helpers"

/** Offer codes through Medusa's own cart and checkout: who may use them, what they take off, and what the report says after. */
export const offersRedemptionSuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  let store: Headers
  const people: Record<"kiran" | "lata", { id: string; me: Headers; email: string }> = {} as never
  const offers = () => getContainer().resolve<OffersModuleService>(OFFERS_MODULE)

  /** A campaign for the two test customers, run to the end; returns it and each customer's code. */
  async function campaignFor(body: Record<string, unknown>) {
    const { data } = await api.post("/admin/offers/campaigns", { name: `Redeem ${Math.random()}`, rules: { field: "tag", op: "includes", value: "redeemtest" }, ...body }, auth)
    const { data: started } = await api.post(`/admin/offers/campaigns/${data.campaign.id}/run`, {}, auth)
    expect((await finishedRun(api, auth, started.run.id)).status).toBe("succeeded")
    const issued = await offers().listOffers({ campaign_id: data.campaign.id })
    const codeOf = (who: "kiran" | "lata") => issued.find((o) => o.customer_id === people[who].id)!.code
    return { campaign: data.campaign, kiran: codeOf("kiran"), lata: codeOf("lata") }
  }
  const applyCode = (cartId: string, code: string, headers: Headers) => expectStatus(api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [code] }, headers))
  const adjustments = (cart: { items: { adjustments?: { code: string; amount: number }[] }[] }, code: string) =>
    cart.items.flatMap((i) => i.adjustments ?? []).filter((a) => a.code === code).reduce((sum, a) => sum + amountToPaise(a.amount), 0)

  beforeAll(async () => {
    ;({ auth, store } = await demoShop(getContainer(), api, { payAtStore: true }))
    for (const who of ["kiran", "lata"] as const) {
      const email = `${who}.offers@example.in`
      const { id, me } = await signedInCustomer(api, store, { email, password: "Offer-pass-123", first_name: who === "kiran" ? "Kiran" : "Lata" })
      people[who] = { id, me, email }
      await updateCustomerProfileWorkflow(getContainer()).run({
        input: { customer_id: id, update: { tags: ["redeemtest"], phone: who === "kiran" ? "+919820011111" : "+919820022222" } },
      })
    }
    await api.post("/store/customers/me/profile", { consents: { whatsapp: "granted" } }, people.kiran.me)
  })

  it("takes the offer off a real cart once, refuses everyone else, and the report matches the order", async () => {
    const { campaign, kiran, lata } = await campaignFor({ offer: { type: "fixed", value: 1000 }, min_order: 20000 })
    const { data: mine } = await api.get("/store/customers/me/offers", people.kiran.me)
    expect(mine.offers).toEqual([expect.objectContaining({ code: kiran, description: "₹1,000 off on ₹20,000 or more", min_order: 20000 })])
    // Staff see the same usable offer in the customer's 360.
    const { data: before360 } = await api.get(`/admin/crm/customers/${people.kiran.id}/360`, auth)
    expect([before360.sections.offers.data.active, before360.sections.offers.data.count]).toEqual([mine.offers, 1])
    expect((await expectStatus(api.get("/store/customers/me/offers", store))).status).toBe(401)

    const { cartId } = await cartWithCoin(api, people.kiran.me, people.kiran.email)
    const before = (await api.get(`/store/carts/${cartId}`, people.kiran.me)).data.cart

    // Someone else's code, and a code on a guest cart, are refused with their reason.
    const foreign = await applyCode(cartId, lata, people.kiran.me)
    expect([foreign.status, foreign.data.message]).toEqual([400, `The offer code ${lata} belongs to another customer`])
    const guest = await cartWithCoin(api, store, "guest.offers@example.in")
    const anonymous = await applyCode(guest.cartId, kiran, store)
    expect([anonymous.status, anonymous.data.message]).toEqual([400, `Sign in to use your offer code ${kiran}`])
    const unknown = await applyCode(cartId, "OFFER-NOPE-NOPE-NOPE", people.kiran.me)
    expect(unknown.status).toBe(400)

    // Her own code: ₹1,000 off the goods, GST on what is left.
    const applied = await applyCode(cartId, kiran, people.kiran.me)
    expect(applied.status).toBe(200)
    const cart = applied.data.cart
    expect(adjustments(cart, kiran)).toBe(1000_00)
    expect(amountToPaise(cart.total)).toBe(amountToPaise(before.total) - 1030_00)
    const [offer] = await offers().listOffers({ code: kiran })
    const [promotion] = await getContainer().resolve(Modules.PROMOTION).listPromotions({ id: offer.promotion_id! }, { relations: ["rules", "rules.values"] })
    expect(promotion).toEqual(expect.objectContaining({ code: kiran, limit: 1, campaign_id: campaign.promotion_campaign_id }))
    expect(promotion.rules!.map((r) => r.attribute).sort()).toEqual(["customer.id", "item_subtotal"])

    const { data: completed } = await payAndComplete(api, people.kiran.me, cartId)
    expect(completed.type).toBe("order")
    const redeemed = await waitFor("the offer to be marked redeemed", async () => {
      const [row] = await offers().listOffers({ code: kiran })
      return row.status === "redeemed" ? row : undefined
    })
    expect(redeemed).toEqual(expect.objectContaining({ status: "redeemed", redeemed_order_id: completed.order.id }))
    expect(amountToPaise(redeemed.discount_total)).toBe(1000_00)
    expect(amountToPaise(redeemed.order_total)).toBe(amountToPaise(completed.order.total))

    // The code is spent: not on another cart, and gone from her active offers.
    const { cartId: second } = await cartWithCoin(api, people.kiran.me, people.kiran.email)
    const reuse = await applyCode(second, kiran, people.kiran.me)
    expect([reuse.status, reuse.data.message]).toEqual([400, `The offer code ${kiran} was already used`])
    expect((await api.get("/store/customers/me/offers", people.kiran.me)).data.offers.map((o: { code: string }) => o.code)).not.toContain(kiran)

    const { data: report } = await api.get(`/admin/offers/campaigns/${campaign.id}/report`, auth)
    expect(report.report).toEqual(
      expect.objectContaining({ issued: 2, redeemed: 1, redemption_rate: 0.5, discounts: "1000", revenue: String(completed.order.total) })
    )
    const { data: the360 } = await api.get(`/admin/crm/customers/${people.kiran.id}/360`, auth)
    const section = the360.sections.offers
    expect(section.data.recent.map((o: { code: string; status: string }) => [o.code, o.status])).toEqual([[kiran, "redeemed"]])
    expect(section.data).toEqual({
      active: [],
      recent: [
        expect.objectContaining({
          campaign: expect.objectContaining({ id: campaign.id }),
          description: expect.any(String),
          redeemed_order_id: completed.order.id,
          redeemed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        }),
      ],
      count: 1,
    })
  })

  it("refuses a code below its minimum order or past its date, saying so", async () => {
    const { kiran } = await campaignFor({ offer: { type: "percentage", value: 5 }, min_order: 50000 })
    const { cartId } = await cartWithCoin(api, people.kiran.me, people.kiran.email)
    const low = await applyCode(cartId, kiran, people.kiran.me)
    expect(low.status).toBe(400)
    expect(low.data.message).toMatch(new RegExp(`^The offer code ${kiran} needs a purchase of ₹50,000.00 before GST; the cart has ₹[\\d,]+\\.\\d\\d$`))

    const { kiran: late } = await campaignFor({ offer: { type: "fixed", value: 500 } })
    const [offer] = await offers().listOffers({ code: late })
    await offers().updateOffers({ id: offer.id, expires_at: new Date(Date.now() - 60_000) })
    const expired = await applyCode(cartId, late, people.kiran.me)
    expect([expired.status, expired.data.message]).toEqual([400, expect.stringMatching(new RegExp(`^The offer code ${late} expired on \\d+ \\w+ \\d{4}$`))])
  })

  it("gives a share of the making charges, following the cart as it changes", async () => {
    const { kiran } = await campaignFor({ offer: { type: "making_percentage", value: 50 } })
    const { cartId, variantId } = await cartWithCoin(api, people.kiran.me, people.kiran.email)
    const { data } = await getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "product_variant",
      fields: ["jewelry_attributes.breakdown"],
      filters: { id: variantId },
    })
    const making = (data[0] as unknown as { jewelry_attributes: { breakdown: { making_charge: number } } }).jewelry_attributes.breakdown.making_charge
    expect(making).toBeGreaterThan(0)

    const applied = await applyCode(cartId, kiran, people.kiran.me)
    expect(adjustments(applied.data.cart, kiran)).toBe(Math.round(making / 2))

    // A second coin: the discount follows, half of both coins' making charges.
    const line = applied.data.cart.items[0]
    const { data: updated } = await api.post(`/store/carts/${cartId}/line-items/${line.id}`, { quantity: 2 }, people.kiran.me)
    expect(adjustments(updated.cart, kiran)).toBe(making)
    const { data: back } = await api.post(`/store/carts/${cartId}/line-items/${line.id}`, { quantity: 1 }, people.kiran.me)
    expect(adjustments(back.cart, kiran)).toBe(Math.round(making / 2))

    // Taken off through Medusa's own route, the code leaves the cart and can come back.
    const { data: removed } = await api.delete(`/store/carts/${cartId}/promotions`, { ...people.kiran.me, data: { promo_codes: [kiran] } })
    expect(adjustments(removed.cart, kiran)).toBe(0)
  })
}
