import { shopIntegrationRunner } from "../support/runner"
import { eventsSettled, waitFor } from "../support/wait"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { sendDailySummaries } from "../../src/jobs/daily-summary"
import { drainMessages } from "../../src/jobs/drain-messages"
import { sendFollowUpReminders } from "../../src/jobs/follow-up-reminders"
import { sendOccasionGreetings } from "../../src/jobs/occasion-greetings"
import { shopToday } from "../../src/lib/occasions"
import { CRM_MODULE } from "../../src/modules/crm"
import type CrmModuleService from "../../src/modules/crm/service"
import { MESSAGING_MODULE } from "../../src/modules/messaging"
import type MessagingModuleService from "../../src/modules/messaging/service"
import { queueMessageWorkflow, type QueueMessageInput } from "../../src/workflows/messaging"
import { useLoopback } from "../support/loopback-server"
import { SmtpLoopback } from "../support/smtp-loopback"
import { TwilioLoopback } from "../support/twilio-loopback"
import { cartWithCoin, demoShop, expectStatus, payAndComplete, type Headers } from "./helpers"

jest.setTimeout(180 * 1000)

// The official Twilio SDK, pointed at a loopback Twilio; set before the app reads its config.
const twilioServer = useLoopback(new TwilioLoopback(), (twilio) => ({
  TWILIO_ACCOUNT_SID: twilio.accountSid,
  TWILIO_AUTH_TOKEN: twilio.authToken,
  TWILIO_SMS_FROM: "+15005550006",
  TWILIO_API_BASE: twilio.origin,
}))
// Email through nodemailer to a loopback mail server speaking SMTP.
const mailServer = useLoopback(new SmtpLoopback(), (smtp) => ({ SMTP_URL: smtp.origin, SMTP_FROM: "Shree Ganesh Jewellers <accounts@shreeganesh.in>" }))
delete process.env.TWILIO_WHATSAPP_FROM
delete process.env.PUBLIC_URL

shopIntegrationRunner({
  testSuite: ({ api, getContainer }) => {
    let auth: Headers
    let store: Headers
    beforeAll(async () => {
      ;({ auth, store } = await demoShop(getContainer(), api, { payAtStore: true }))
    })
    const messaging = () => getContainer().resolve<MessagingModuleService>(MESSAGING_MODULE)
    const hook = (path: string) => `${api.defaults.baseURL}/hooks/twilio/${path}`
    const queue = (input: QueueMessageInput) =>
      queueMessageWorkflow(getContainer()).run({ input }).then((r) => r.result.message)
    const dueNow = (id: string) => messaging().updateMessages({ id, next_attempt_at: new Date(Date.now() - 1000) })

    let n = 0
    async function customer(consents?: Record<string, string>, extra: Record<string, unknown> = {}) {
      n += 1
      const phone = `98201${String(10000 + n).slice(-5)}`
      const { data } = await api.post("/admin/crm/customers", { first_name: `Asha ${n}`, phone, ...(consents ? { consents } : {}), ...extra }, auth)
      return { id: data.customer.id as string, phone: `+91${phone}` }
    }

    it("sends an order confirmation through Twilio's API, once, and follows its signed delivery callbacks", async () => {
      const { id, phone } = await customer()
      const order = await getContainer()
        .resolve(Modules.ORDER)
        .createOrders({ currency_code: "inr", customer_id: id, email: `asha${n}@example.in`, items: [{ title: "24K Gold Coin 5 g", quantity: 1, unit_price: 40545 }] })
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      await bus.emit({ name: "order.placed", data: { id: order.id } })
      await bus.emit({ name: "order.placed", data: { id: order.id } })
      // The confirmation, and the points the order earned (405 on ₹40,545) announced by the loyalty event.
      await waitFor("the two messages of the order", async () => (await messaging().listMessages({ customer_id: id })).length >= 2)
      // Both deliveries of the event handled before counting.
      await eventsSettled(getContainer())
      const queued = await messaging().listMessages({ customer_id: id }, { order: { event: "ASC" } })
      expect(queued.map((m) => [m.event, m.channel, m.to])).toEqual([
        ["order_placed", "sms", phone],
        ["points_earned", "sms", phone],
      ])
      // Queued, unless the every-minute drain job has already taken them.
      expect(queued.every((m) => ["queued", "sending", "sent"].includes(m.status))).toBe(true)

      // Sent once each, whether by this drain or the job's (a claimed message is leased to one sender).
      expect(await drainMessages(getContainer())).toEqual(expect.objectContaining({ failed: 0 }))
      const bodies = await waitFor("both messages at Twilio", () => {
        const arrived = twilioServer.messages.filter((m) => m.to === phone)
        return arrived.length >= 2 ? arrived : undefined
      })
      expect(await drainMessages(getContainer())).toEqual(expect.objectContaining({ sent: 0 }))
      expect(bodies.map((m) => m.body).sort()).toEqual([
        `Dear Asha ${n}, thank you for your order #${order.display_id} of ₹40,545.00 at Shree Ganesh Jewellers.`,
        `Dear Asha ${n}, you earned 405 points. Your balance is 405 points. – Shree Ganesh Jewellers`,
      ])
      expect(bodies.every((m) => m.to === phone && m.from === "+15005550006")).toBe(true)
      const sent = bodies.filter((m) => m.body?.includes("thank you for your order"))
      // The sender writes "sent" once Twilio has answered it: the message may be at Twilio a moment before.
      const message = await waitFor("the confirmation marked sent", async () => {
        const [row] = await messaging().listMessages({ id: queued[0].id })
        return row.status === "sending" ? undefined : row
      })
      expect(message).toEqual(expect.objectContaining({ status: "sent", provider_message_id: sent[0].sid, attempts: 1 }))

      expect(await twilioServer.deliver(hook("status"), sent[0].sid, "delivered")).toEqual({ status: 200, text: expect.stringContaining('"status":"delivered"') })
      // A late "sent" does not move it back.
      await twilioServer.deliver(hook("status"), sent[0].sid, "sent")
      expect((await messaging().listMessages({ id: message.id }))[0]).toEqual(expect.objectContaining({ status: "delivered", delivered_at: expect.any(Date) }))

      // Unsigned, wrongly signed, or for an unknown message.
      const forged = await twilioServer.post(hook("status"), { MessageSid: sent[0].sid, MessageStatus: "failed" }, "bm90IGEgc2lnbmF0dXJl")
      expect(forged.status).toBe(403)
      const unsigned = await expectStatus(api.post("/hooks/twilio/status", "MessageSid=SM1&MessageStatus=failed", { headers: { "content-type": "application/x-www-form-urlencoded" } }))
      expect([unsigned.status, unsigned.data.message]).toEqual([403, "Missing X-Twilio-Signature"])
      expect((await twilioServer.deliver(hook("status"), `SM${"0".repeat(32)}`, "delivered")).text).toContain('"known":false')
      expect((await messaging().listMessages({ id: message.id }))[0].status).toBe("delivered")
      const malformed = await twilioServer.post(hook("status"), { MessageStatus: "delivered" })
      expect(malformed.status).toBe(400)
    })

    it("retries rate limits and server errors with back-off, fails a bad number at once, and resends on request", async () => {
      const { id } = await customer()
      const first = await queue({ event: "payment_received", customer_id: id, variables: { amount: "₹5,000.00", order_number: "#7" }, idempotency_key: `pay-${id}` })
      twilioServer.failNext.push({ status: 429, code: 20429, message: "Too Many Requests" }, { status: 500, code: 20500, message: "Internal Server Error" })
      const before = twilioServer.messages.length

      expect(await drainMessages(getContainer())).toEqual(expect.objectContaining({ retry: 1 }))
      let [row] = await messaging().listMessages({ id: first.id })
      expect(row).toEqual(expect.objectContaining({ status: "queued", attempts: 1, error_code: "20429" }))
      expect(row.next_attempt_at!.getTime()).toBeGreaterThan(Date.now() + 20_000)
      // Not due yet: nothing is sent.
      expect(await drainMessages(getContainer())).toEqual(expect.objectContaining({ sent: 0, retry: 0 }))
      await dueNow(first.id)
      expect(await drainMessages(getContainer())).toEqual(expect.objectContaining({ retry: 1 }))
      ;[row] = await messaging().listMessages({ id: first.id })
      expect(row).toEqual(expect.objectContaining({ attempts: 2, error_code: "20500" }))
      expect(row.next_attempt_at!.getTime()).toBeGreaterThan(Date.now() + 50_000)
      await dueNow(first.id)
      expect(await drainMessages(getContainer())).toEqual(expect.objectContaining({ sent: 1 }))
      expect(twilioServer.messages.length - before).toBe(1)
      expect((await messaging().listMessages({ id: first.id }))[0]).toEqual(expect.objectContaining({ status: "sent", attempts: 3 }))

      const second = await queue({ event: "payment_received", customer_id: id, variables: { amount: "₹1.00", order_number: "#8" }, idempotency_key: `pay2-${id}` })
      twilioServer.failNext.push({ status: 400, code: 21211, message: "The 'To' number is not a valid phone number." })
      expect(await drainMessages(getContainer())).toEqual(expect.objectContaining({ failed: 1 }))
      expect((await messaging().listMessages({ id: second.id }))[0]).toEqual(
        expect.objectContaining({ status: "failed", attempts: 1, error_code: "21211", reason: expect.stringMatching(/not a valid phone number/) })
      )
      const resent = await api.post(`/admin/messages/${second.id}/resend`, {}, auth)
      expect(resent.data.message).toEqual(expect.objectContaining({ status: "queued", idempotency_key: `pay2-${id}:resend:1` }))
      expect(await drainMessages(getContainer())).toEqual(expect.objectContaining({ sent: 1 }))
      const again = await expectStatus(api.post(`/admin/messages/${first.id}/resend`, {}, auth))
      expect([again.status, again.data.message]).toEqual([400, expect.stringMatching(/this one is sent/)])
      expect((await expectStatus(api.post("/admin/messages/msg_nope/resend", {}, auth))).status).toBe(404)

      const { data: log } = await api.get(`/admin/messages?customer_id=${id}&status=failed`, auth)
      expect(log.messages.map((m: { id: string }) => m.id)).toEqual([second.id])
      expect((await expectStatus(api.get("/admin/messages?status=lost", auth))).status).toBe(400)
    })

    it("keeps consent, quiet hours and the daily cap, and queues each idempotency key once", async () => {
      const none = await customer()
      const greeting = await queue({ event: "birthday_greeting", customer_id: none.id, variables: {}, idempotency_key: `bday-${none.id}` })
      expect(greeting).toEqual(expect.objectContaining({ status: "not_sent", reason: "no consent for this channel" }))

      const keen = await customer({ sms: "granted" })
      const sent: { status: string; reason: string | null; next_attempt_at: Date | null }[] = []
      for (let i = 0; i < 4; i++) {
        sent.push(await queue({ event: "metal_rate_alert", customer_id: keen.id, variables: { metal: "22K gold", rate: "₹7,245.00/g" }, idempotency_key: `rate-${keen.id}-${i}` }))
      }
      expect(sent.map((m) => m.status)).toEqual(["queued", "queued", "queued", "not_sent"])
      expect(sent[3].reason).toBe("the daily cap of 3 promotional messages is reached")
      expect(new Date(sent[0].next_attempt_at!).getTime()).toBeGreaterThanOrEqual(Date.now() - 60_000)

      const twice = await queue({ event: "metal_rate_alert", customer_id: keen.id, variables: { metal: "22K gold", rate: "₹7,245.00/g" }, idempotency_key: `rate-${keen.id}-0` })
      expect(await messaging().listMessages({ idempotency_key: `rate-${keen.id}-0` })).toHaveLength(1)
      expect(twice.id).toBeDefined()

      // WhatsApp has no sender configured: the message waits in the log as not sent.
      const wa = await customer({ whatsapp: "granted" })
      const waMessage = await queue({ event: "order_shipped", customer_id: wa.id, variables: { order_number: "#9", tracking_number: "BD1IN" }, idempotency_key: `ship-${wa.id}` })
      expect(waMessage.channel).toBe("whatsapp")
      await drainMessages(getContainer())
      expect((await messaging().listMessages({ id: waMessage.id }))[0]).toEqual(expect.objectContaining({ status: "not_sent", reason: "not sent: no provider for this channel" }))

      const badNumber = await queue({ event: "follow_up_reminder", to: "12345", variables: { staff_name: "Ravi", customer_name: "Meera", due: "11:00", title: "Call" }, idempotency_key: `bad-number-${n}` })
      expect(badNumber).toEqual(expect.objectContaining({ status: "not_sent", reason: "not a valid phone number: 12345" }))
      const unknownEvent = await queueMessageWorkflow(getContainer()).run({ input: { event: "diwali", variables: {}, idempotency_key: `x-${n}` }, throwOnError: false })
      expect(unknownEvent.errors.map((e) => e.error?.message)).toEqual(['Unknown message event "diwali"'])
      expect(await messaging().listMessages({ idempotency_key: `x-${n}` })).toEqual([])
      const missing = await queue({ event: "order_shipped", customer_id: keen.id, variables: { order_number: "#9" }, idempotency_key: `ship-${keen.id}` })
      expect(missing).toEqual(expect.objectContaining({ status: "not_sent", reason: "Missing template variable: tracking_number" }))
    })

    it("tells the customer when the payment is captured, when a pickup order is ready at the branch, and when a delivery ships", async () => {
      n += 1
      const email = `order-news-${n}@example.in`
      const { data: created } = await api.post("/admin/crm/customers", { first_name: "Nisha", email, phone: `98207${String(10000 + n).slice(-5)}` }, auth)
      const customerId = created.customer.id as string
      const messagesOf = (event: string) =>
        waitFor(`the ${event} message`, async () => {
          const rows = await messaging().listMessages({ customer_id: customerId, event })
          return rows.length ? rows : undefined
        })
      async function placeOrder(shipping: "pickup" | "delivery") {
        const { cartId } = await cartWithCoin(api, store, email, shipping)
        const { data } = await payAndComplete(api, store, cartId)
        expect(data.type).toBe("order")
        const { data: full } = await api.get(`/admin/orders/${data.order.id}?fields=id,display_id,items.id,payment_collections.payments.id`, auth)
        return full.order as { id: string; display_id: number; items: { id: string }[]; payment_collections: { payments: { id: string }[] }[] }
      }

      const pickup = await placeOrder("pickup")
      await api.post(`/admin/payments/${pickup.payment_collections[0].payments[0].id}/capture`, {}, auth)
      const [received] = await messagesOf("payment_received")
      expect(received.body).toMatch(new RegExp(`^Dear Nisha, we received ₹[\\d,]+\\.\\d{2} for order #${pickup.display_id}\\.`))
      await api.post(`/admin/orders/${pickup.id}/fulfillments`, { items: [{ id: pickup.items[0].id, quantity: 1 }] }, auth)
      const [ready] = await messagesOf("order_ready_for_pickup")
      expect(ready.body).toMatch(new RegExp(`^Dear Nisha, your order #${pickup.display_id} is ready for pickup at .+\\. – Shree Ganesh Jewellers$`))

      const delivery = await placeOrder("delivery")
      const { data: fulfilled } = await api.post(`/admin/orders/${delivery.id}/fulfillments?fields=fulfillments.id`, { items: [{ id: delivery.items[0].id, quantity: 1 }] }, auth)
      const fulfillmentId = fulfilled.order.fulfillments[0].id
      await api.post(
        `/admin/orders/${delivery.id}/fulfillments/${fulfillmentId}/shipments`,
        { items: [{ id: delivery.items[0].id, quantity: 1 }], labels: [{ tracking_number: "BD123456789IN", tracking_url: "https://track.example/BD123456789IN", label_url: "https://track.example/label" }] },
        auth
      )
      const [shipped] = await messagesOf("order_shipped")
      expect(shipped.body).toBe(`Dear Nisha, your order #${delivery.display_id} has been shipped (tracking BD123456789IN). – Shree Ganesh Jewellers`)
      // A pickup order is not "shipped", a delivery is not "ready for pickup".
      expect(await messaging().listMessages({ customer_id: customerId, event: "order_ready_for_pickup" })).toHaveLength(1)
    })

    it("sends the day's rate to customers who asked for it, and reminds staff of today's follow-ups on their phone", async () => {
      const keen = await customer({ sms: "granted", rate_alerts: "granted" })
      const notAsked = await customer({ sms: "granted" })
      await api.post("/admin/metal-rates", { rates: [{ metal: "gold", purity: 916, rate_per_g: "7300.00" }, { metal: "silver", purity: 999, rate_per_g: "95.50" }], confirm: true }, auth)
      await waitFor("the rate alert", async () => (await messaging().listMessages({ event: "metal_rate_alert", customer_id: [keen.id, notAsked.id] })).length)
      await eventsSettled(getContainer())
      const alerts = await messaging().listMessages({ event: "metal_rate_alert", customer_id: [keen.id, notAsked.id] })
      expect(alerts.map((m) => [m.customer_id, m.body])).toEqual([[keen.id, `Dear Asha ${n - 1}, today's 22K gold rate at Shree Ganesh Jewellers is ₹7,300.00/g.`]])

      const users = getContainer().resolve(Modules.USER)
      const [owner] = await users.listUsers({ email: "owner@shreeganesh.example" })
      await users.updateUsers({ id: owner.id, first_name: "Ravi", metadata: { phone: "98200 77777" } })
      const crm = getContainer().resolve<CrmModuleService>(CRM_MODULE)
      const task = await crm.createFollowUpTasks({ customer_id: notAsked.id, title: "Call about the bridal set", due_at: new Date(), assignee_user_id: owner.id })
      expect(await sendFollowUpReminders(getContainer())).toBeGreaterThanOrEqual(1)
      await sendFollowUpReminders(getContainer())
      const reminders = await messaging().listMessages({ event: "follow_up_reminder", idempotency_key: { $like: `task:${task.id}:%` } })
      expect(reminders).toHaveLength(1)
      expect(reminders[0]).toEqual(expect.objectContaining({ to: "+919820077777", user_id: owner.id, customer_id: null, status: "queued" }))
      expect(reminders[0].body).toMatch(new RegExp(`^Reminder for Ravi: Call about the bridal set with Asha ${n}, due \\d{2}:\\d{2}`))
    })

    it("wishes customers a happy birthday on the day (India time), once a year, only with consent", async () => {
      const today = shopToday()
      const birthday = `1990-${String(today.month).padStart(2, "0")}-${String(today.day).padStart(2, "0")}`
      const consenting = await customer({ sms: "granted" }, { birthday })
      const silent = await customer(undefined, { birthday })
      await sendOccasionGreetings(getContainer())
      await sendOccasionGreetings(getContainer())
      const greetings = await messaging().listMessages({ customer_id: [consenting.id, silent.id], event: "birthday_greeting" })
      expect(greetings.map((m) => [m.customer_id, m.status, m.reason])).toEqual(
        expect.arrayContaining([
          [consenting.id, "queued", null],
          [silent.id, "not_sent", "no consent for this channel"],
        ])
      )
      expect(greetings).toHaveLength(2)
    })

    it("marks a message caught mid-send by a crash as failed instead of sending it twice", async () => {
      const { id } = await customer()
      const message = await queue({ event: "payment_received", customer_id: id, variables: { amount: "₹2.00", order_number: "#3" }, idempotency_key: `crash-${id}` })
      // A sender claims it and dies before Twilio answers: its lease runs out.
      const [claimed] = await messaging().claimDueMessages(1, 0)
      expect(claimed.id).toBe(message.id)
      // The lease of 0 ms has run out once the clock has moved past it.
      await waitFor("the lease to run out", async () => {
        const [row] = await messaging().listMessages({ id: message.id })
        return row.next_attempt_at && new Date(row.next_attempt_at).getTime() < Date.now()
      })
      const before = twilioServer.messages.length
      expect(await drainMessages(getContainer())).toEqual(expect.objectContaining({ interrupted: 1, sent: 0 }))
      expect(twilioServer.messages.length).toBe(before)
      expect((await messaging().listMessages({ id: message.id }))[0]).toEqual(expect.objectContaining({ status: "failed", reason: expect.stringMatching(/^interrupted while sending/) }))
    })

    it("STOP by reply revokes consent and is logged as an interaction; START grants it again", async () => {
      const { id, phone } = await customer({ sms: "granted" })
      const crm = getContainer().resolve<CrmModuleService>(CRM_MODULE)
      const stop = await twilioServer.post(hook("inbound"), { From: phone, To: "+15005550006", Body: "Band karo", MessageSid: `SM${"1".repeat(32)}` })
      expect(stop).toEqual({ status: 200, text: "<Response></Response>" })
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const consentOf = async () => {
        const { data } = await query.graph({ entity: "customer", fields: ["customer_profile.consents"], filters: { id } })
        return (data[0] as unknown as { customer_profile: { consents: { sms: { status: string } } } }).customer_profile.consents.sms.status
      }
      expect(await consentOf()).toBe("revoked")
      const interactions = await crm.listInteractions({ customer_id: id })
      expect(interactions.map((i) => [i.channel, i.kind, i.summary])).toEqual([["sms", "feedback", 'Replied "Band karo": no more SMS messages']])
      const after = await queue({ event: "payment_received", customer_id: id, variables: { amount: "₹1.00", order_number: "#1" }, idempotency_key: `pay-stop-${id}` })
      expect(after).toEqual(expect.objectContaining({ status: "not_sent", reason: "the customer revoked consent for this channel" }))

      await twilioServer.post(hook("inbound"), { From: phone, To: "+15005550006", Body: "START" })
      expect(await consentOf()).toBe("granted")
      const forged = await twilioServer.post(hook("inbound"), { From: phone, Body: "STOP" }, "d3Jvbmc=")
      expect(forged.status).toBe(403)
      expect(await consentOf()).toBe("granted")
      // A number we do not know: answered, nothing recorded.
      expect((await twilioServer.post(hook("inbound"), { From: "+919999999999", Body: "STOP" })).status).toBe(200)
      // The audit trail: both replies, by the customer, after the consent staff recorded.
      const { data: trail } = await api.get(`/admin/audit?action=customer.consent_changed&entity_id=${id}`, auth)
      expect(trail.audit_entries.map((e: { actor_type: string; actor_id: string; changes: unknown }) => [e.actor_type, e.actor_id, e.changes])).toEqual([
        ["customer", id, { "consents.sms.status": { before: "revoked", after: "granted" } }],
        ["customer", id, { "consents.sms.status": { before: "granted", after: "revoked" } }],
        ["user", expect.stringMatching(/^user_/), { "consents.sms.status": { before: null, after: "granted" } }],
      ])
    })

    it("emails the daily summary through a mail server, retries a busy mailbox, fails an unknown one, and keeps a customer without an address", async () => {
      const env = { DAILY_SUMMARY_AT: "00:00", DAILY_SUMMARY_CHANNEL: "email,sms" }
      const now = new Date()
      expect(await sendDailySummaries(getContainer(), now, env)).toBeGreaterThanOrEqual(2)
      expect(await sendDailySummaries(getContainer(), now, env)).toBe(0)
      const summaries = await messaging().listMessages({ event: "daily_summary", channel: "email" })
      expect(summaries.length).toBeGreaterThanOrEqual(1)
      const users = await getContainer().resolve(Modules.USER).listUsers({ id: summaries.map((m) => m.user_id!) }, { select: ["id", "email"] })
      expect(summaries.map((m) => m.to)).toEqual(summaries.map((m) => users.find((u) => u.id === m.user_id)!.email))
      // Beside each email, the phone summary under its own key (these users have no phone: kept as not sent).
      expect((await messaging().listMessages({ event: "daily_summary", channel: "sms" })).map((m) => m.reason)).toEqual(summaries.map(() => "no phone number"))
      const [first] = summaries
      expect(first.subject).toMatch(/^Daily summary: All branches, \d{1,2} \w{3} \d{4}$/)

      // The first mail meets a busy mailbox (450, try later): queued again with back-off; then it goes.
      mailServer.failNext.push({ code: 450, message: "4.2.1 Mailbox busy, try again later" })
      await drainMessages(getContainer())
      const busy = await waitFor("the busy mailbox's answer", async () =>
        (await messaging().listMessages({ id: summaries.map((m) => m.id) })).find((m) => m.status === "queued" && m.attempts === 1)
      )
      expect(busy).toEqual(expect.objectContaining({ error_code: "EENVELOPE", reason: expect.stringMatching(/^450 4\.2\.1 Mailbox busy/) }))
      await dueNow(busy.id)
      await drainMessages(getContainer())
      const mails = await waitFor("every summary at the mail server", () => {
        const arrived = mailServer.mails.filter((m) => m.subject.startsWith("Daily summary"))
        return arrived.length >= summaries.length ? arrived : undefined
      })
      expect(mails).toHaveLength(summaries.length)
      const mail = mails.find((m) => m.to[0] === first.to)!
      expect(mail).toEqual({
        from: "accounts@shreeganesh.in",
        to: [first.to],
        subject: first.subject,
        text: first.body,
        message_id: `<${first.id}@shreeganesh.in>`,
      })
      expect(mail.text).toMatch(/^All branches, .*: sales ₹[\d,]+\.\d\d before GST/)
      expect((await messaging().listMessages({ id: busy.id }))[0]).toEqual(expect.objectContaining({ status: "sent", attempts: 2, provider: "smtp" }))

      // A customer's email: an address the server does not know fails at once (550), without a retry.
      const { id } = await customer({ email: "granted" }, { email: "asha.mail@example.in" })
      const paid = await queue({ event: "payment_received", customer_id: id, channel: "email", variables: { amount: "₹5,000.00", order_number: "#7" }, idempotency_key: `pay-mail-${id}` })
      expect([paid.to, paid.subject, paid.status]).toEqual(["asha.mail@example.in", "Shree Ganesh Jewellers", "queued"])
      mailServer.failNext.push({ code: 550, message: "5.1.1 No such user here" })
      await drainMessages(getContainer())
      const failed = await waitFor("the unknown mailbox's answer", async () => (await messaging().listMessages({ id: paid.id, status: "failed" }))[0])
      expect(failed).toEqual(expect.objectContaining({ attempts: 1, reason: expect.stringMatching(/^550 5\.1\.1 No such user here/) }))

      const noAddress = await customer()
      const kept = await queue({ event: "payment_received", customer_id: noAddress.id, channel: "email", variables: { amount: "₹1.00", order_number: "#8" }, idempotency_key: `pay-mail-${noAddress.id}` })
      expect([kept.status, kept.reason]).toEqual(["not_sent", "no email address"])
      const badAddress = await queue({ event: "follow_up_reminder", to: "ravi@", channel: "email", variables: { staff_name: "Ravi", customer_name: "Meera", due: "11:00", title: "Call" }, idempotency_key: `bad-mail-${n}` })
      expect([badAddress.status, badAddress.reason]).toEqual(["not_sent", "not a valid email address: ravi@"])
      expect((await expectStatus(api.get("/admin/messages?channel=email&status=failed", auth))).data.messages.map((m: { id: string }) => m.id)).toEqual([paid.id])
    })

    describe("sign-in by a code sent to the phone", () => {
      const codeAt = (phone: string, after: number) =>
        waitFor(`a sign-in code at ${phone}`, () => {
          const sms = twilioServer.messages.slice(after).find((m) => m.to === phone)
          return sms ? /^(\d{6}) is your Shree Ganesh Jewellers sign-in code/.exec(sms.body ?? "")?.[1] : undefined
        })
      const claims = (token: string) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()) as { actor_id: string; actor_type: string; auth_identity_id: string }
      // A refusal here fails with its status and message rather than the HTTP client's whole error.
      const ok = async (request: Promise<unknown>) => {
        const res = await expectStatus(request)
        if (res.status >= 300) {
          throw new Error(`${res.status}: ${JSON.stringify(res.data)}`)
        }
        return res
      }
      const bearer = (token: string) => ({ headers: { ...store.headers, authorization: `Bearer ${token}` } })

      it("signs a counter customer in with a code sent to their number, and keeps the code from staff", async () => {
        const { id, phone } = await customer()
        // A campaign's worth of messages due before it (more than a batch): the code does not wait behind them.
        const backlogTo = "+919820199999"
        const backlog = await messaging().createMessages(
          Array.from({ length: 60 }, (_, i) => ({
            to: backlogTo, channel: "sms" as const, event: "campaign", kind: "promotional" as const, body: `Diwali offer ${i}`,
            next_attempt_at: new Date(Date.now() - 60_000), idempotency_key: `backlog-${Date.now()}-${i}`,
          }))
        )
        const before = twilioServer.messages.length
        const asked = await expectStatus(api.post("/auth/customer/phone-otp", { phone: phone.replace("+91", "0") }))
        expect([asked.status, asked.data]).toEqual([200, { location: "/auth/customer/phone-otp/callback" }])
        const code = await codeAt(phone, before)
        const sent = twilioServer.messages.slice(before)
        expect(sent.filter((m) => m.to === phone)).toHaveLength(1)
        expect(sent.slice(0, sent.findIndex((m) => m.to === phone)).filter((m) => m.to === backlogTo)).toEqual([])
        await messaging().softDeleteMessages(backlog.map((m) => m.id))

        // Staff reading the message log see the code masked, before and after it is sent.
        const logged = await waitFor("the code marked sent", async () => {
          const [row] = await messaging().listMessages({ to: phone, event: "sign_in_code" })
          return row?.status === "sent" ? row : undefined
        })
        expect(logged.body).toBe("•••••• is your Shree Ganesh Jewellers sign-in code. It is valid for 5 minutes. Do not share it with anyone, our staff included.")
        expect(JSON.stringify(logged)).not.toContain(code)
        const listed = await ok(api.get(`/admin/messages?event=sign_in_code`, auth))
        expect(JSON.stringify(listed.data)).not.toContain(code)
        const resend = await expectStatus(api.post(`/admin/messages/${logged.id}/resend`, {}, auth))
        expect(resend.status).toBeGreaterThanOrEqual(400)

        const wrong = await expectStatus(api.post("/auth/customer/phone-otp", { phone, code: code === "000000" ? "111111" : "000000" }))
        expect([wrong.status, wrong.data.message]).toEqual([401, "That code is not right. 4 tries left."])
        const shape = await expectStatus(api.post("/auth/customer/phone-otp", { phone, code: "12ab56" }))
        expect([shape.status, shape.data.message]).toEqual([401, "A sign-in code is 6 digits."])

        const { data } = await ok(api.post("/auth/customer/phone-otp", { phone, code }))
        expect(claims(data.token)).toEqual(expect.objectContaining({ actor_type: "customer", actor_id: id }))
        const me = await ok(api.get("/store/customers/me", bearer(data.token)))
        expect(me.data.customer.id).toBe(id)
        expect((await expectStatus(api.get("/store/customers/me/loyalty", bearer(data.token)))).status).toBe(200)
        // A code signs in once.
        const again = await expectStatus(api.post("/auth/customer/phone-otp", { phone, code }))
        expect([again.status, again.data.message]).toEqual([401, "No sign-in code is waiting for this number. Ask for a code first."])
      })

      it("makes a new number's account with that number, whatever phone the sign-up names", async () => {
        const phone = "+919812300001"
        const before = twilioServer.messages.length
        await ok(api.post("/auth/customer/phone-otp", { phone: "98123 00001" }))
        const code = await codeAt(phone, before)
        const { data } = await ok(api.post("/auth/customer/phone-otp/callback", { phone, code }))
        expect(claims(data.token).actor_id).toBe("")
        const created = await ok(api.post("/store/customers", { first_name: "Kavya", phone: "+919999900000" }, bearer(data.token)))
        // Signed up once: a second sign-up with the same sign-in is refused.
        const twice = await expectStatus(api.post("/store/customers", { first_name: "Kavya" }, bearer(data.token)))
        expect(twice.status).toBe(400)
        expect(created.data.customer).toEqual(expect.objectContaining({ first_name: "Kavya", phone }))
        const refreshed = await ok(api.post("/auth/token/refresh", {}, bearer(data.token)))
        expect(claims(refreshed.data.token).actor_id).toBe(created.data.customer.id)
        const profile = await waitFor("the new customer's CRM profile", async () => {
          const { data: graph } = await getContainer()
            .resolve(ContainerRegistrationKeys.QUERY)
            .graph({ entity: "customer", fields: ["customer_profile.phone"], filters: { id: created.data.customer.id } })
          return (graph[0] as { customer_profile?: { phone: string | null } | null })?.customer_profile ?? undefined
        })
        expect(profile.phone).toBe(phone)
      })

      it("refuses an expired code, limits codes to a number in any spelling of the route, and keeps staff on their password", async () => {
        const phone = "+919812300002"
        const before = twilioServer.messages.length
        const statuses: number[] = []
        for (let i = 0; i < 10; i++) {
          statuses.push((await expectStatus(api.post("/auth/customer/phone-otp", { phone }))).status)
        }
        expect(statuses).toEqual([200, ...Array(9).fill(429)])
        const code = await codeAt(phone, before)
        const refused = await expectStatus(api.post("/auth/customer/phone-otp", { phone: "9812300002" }))
        expect([refused.status, refused.data.message]).toEqual([429, expect.stringMatching(/^A code was just sent to this number\. Ask again in \d+ seconds\.$/)])
        // Other spellings of the route are refused too, and send nothing more.
        const spellings = ["/auth/customer/PHONE-OTP", "/auth/customer/phone%2Dotp", "/AUTH/Customer/phone-otp/register", "/auth/customer/phone-otp/"]
        const answers = await Promise.all(spellings.map(async (path) => [path, (await expectStatus(api.post(path, { phone }))).status]))
        expect(answers).toEqual(spellings.map((path) => [path, expect.any(Number)]))
        expect(answers.filter(([, status]) => (status as number) < 400 || (status as number) >= 500)).toEqual([])
        await eventsSettled(getContainer())
        expect(twilioServer.messages.slice(before).filter((m) => m.to === phone)).toHaveLength(1)

        // Five minutes later (moved back here), the code no longer signs in.
        const authModule = getContainer().resolve(Modules.AUTH)
        const [identity] = await authModule.listProviderIdentities({ entity_id: phone, provider: "phone-otp" })
        await authModule.updateProviderIdentities([{ id: identity.id, provider_metadata: { ...identity.provider_metadata, expires_at: Date.now() - 1 } }])
        const expired = await expectStatus(api.post("/auth/customer/phone-otp", { phone, code }))
        expect([expired.status, expired.data.message]).toEqual([401, "This sign-in code has expired. Ask for a new code."])

        // Staff sign in by email and password only.
        const staff = await expectStatus(api.post("/auth/user/phone-otp", { phone: "+919812300003" }))
        expect(staff.status).toBeGreaterThanOrEqual(400)
        expect(staff.status).toBeLessThan(500)
        expect(await authModule.listProviderIdentities({ entity_id: "+919812300003" })).toEqual([])
        const badPhone = await expectStatus(api.post("/auth/customer/phone-otp", { phone: "12" }))
        expect([badPhone.status, badPhone.data.message]).toEqual([401, expect.stringMatching(/^Give a phone number we can send a code to/)])
      })
    })

    it("saves templates per event, channel and language with their variables checked, and previews them", async () => {
      const bad = await expectStatus(api.post("/admin/messages/templates", { event: "order_placed", channel: "sms", language: "hi", body: "नमस्ते {{customer_name}}, {{discount}}" }, auth))
      expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/unknown variable \{\{discount\}\} for order_placed/)])
      const unknownEvent = await expectStatus(api.post("/admin/messages/templates", { event: "diwali", channel: "sms", language: "en", body: "Hi" }, auth))
      expect(unknownEvent.status).toBe(400)
      const body = "नमस्ते {{customer_name}}, ऑर्डर {{order_number}} ({{total}}) के लिए धन्यवाद। – {{shop_name}}"
      await api.post("/admin/messages/templates", { event: "order_placed", channel: "sms", language: "hi", body }, auth)
      const { data } = await api.get("/admin/messages/templates", auth)
      const hi = data.templates.find((t: { event: string; channel: string; language: string }) => t.event === "order_placed" && t.channel === "sms" && t.language === "hi")
      expect(hi).toEqual(expect.objectContaining({ body, is_default: false }))
      const { data: preview } = await api.post("/admin/messages/templates/preview", { event: "order_placed", language: "hi", variables: { customer_name: "मीरा" } }, auth)
      expect(preview.preview.text).toBe("नमस्ते मीरा, ऑर्डर #1042 (₹72,450.50) के लिए धन्यवाद। – Shree Ganesh Jewellers")
      const stray = await expectStatus(api.post("/admin/messages/templates/preview", { event: "order_placed", body: "Hi {{code}}" }, auth))
      expect(stray.status).toBe(400)
    })
  },
})
