import { shopIntegrationRunner } from "../support/runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { drainMessages } from "../../src/jobs/drain-messages"
import { MESSAGING_MODULE } from "../../src/modules/messaging"
import type MessagingModuleService from "../../src/modules/messaging/service"
import { queueMessageWorkflow, type QueueMessageInput } from "../../src/workflows/messaging"
import { GupshupLoopback } from "../support/gupshup-loopback"
import { useLoopback } from "../support/loopback-server"
import { demoShop, expectStatus, type Headers } from "./helpers"

jest.setTimeout(180 * 1000)

// Gupshup for WhatsApp, pointed at a loopback Gupshup; no Twilio, so SMS has no provider.
const SECRET = "gupshup-callback-secret-0123456789"
const gupshup = useLoopback(new GupshupLoopback(), (g) => ({
  GUPSHUP_API_KEY: g.apiKey,
  GUPSHUP_APP_NAME: "ShreeGaneshJewellers",
  GUPSHUP_SOURCE: "917834811114",
  GUPSHUP_API_BASE: g.origin,
  GUPSHUP_WEBHOOK_SECRET: SECRET,
}))
for (const key of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_SMS_FROM", "TWILIO_WHATSAPP_FROM"]) {
  delete process.env[key]
}

shopIntegrationRunner({
  testSuite: ({ api, getContainer }) => {
    let auth: Headers
    beforeAll(async () => {
      ;({ auth } = await demoShop(getContainer(), api))
    })
    const messaging = () => getContainer().resolve<MessagingModuleService>(MESSAGING_MODULE)
    const queue = (input: QueueMessageInput) => queueMessageWorkflow(getContainer()).run({ input }).then((r) => r.result.message)
    const callback = (body: unknown, token = SECRET) => expectStatus(api.post(`/hooks/gupshup?token=${encodeURIComponent(token)}`, body))

    it("sends WhatsApp through Gupshup, retries its rate limit, and follows its delivery events", async () => {
      const { data } = await api.post("/admin/crm/customers", { first_name: "Farah", phone: "98203 44556", consents: { whatsapp: "granted" } }, auth)
      const id = data.customer.id as string
      const message = await queue({ event: "points_earned", customer_id: id, variables: { points: 405, balance: "1,405" }, idempotency_key: `earned-${id}` })
      expect(message).toEqual(expect.objectContaining({ channel: "whatsapp", status: "queued", to: "+919820344556" }))
      gupshup.failNext.push({ status: 429, message: "Too Many Requests" })
      expect(await drainMessages(getContainer())).toEqual(expect.objectContaining({ retry: 1 }))
      await messaging().updateMessages({ id: message.id, next_attempt_at: new Date(Date.now() - 1000) })
      expect(await drainMessages(getContainer())).toEqual(expect.objectContaining({ sent: 1 }))
      expect(gupshup.sent).toHaveLength(1)
      expect(gupshup.sent[0]).toEqual(
        expect.objectContaining({
          destination: "919820344556",
          source: "917834811114",
          app: "ShreeGaneshJewellers",
          message: { type: "text", text: "Dear Farah, you earned 405 points. Your balance is 1,405 points. – Shree Ganesh Jewellers" },
        })
      )
      const [sent] = await messaging().listMessages({ id: message.id })
      expect(sent).toEqual(expect.objectContaining({ status: "sent", provider: "gupshup", provider_message_id: gupshup.sent[0].id, attempts: 2 }))

      const delivered = await callback({ app: "ShreeGaneshJewellers", type: "message-event", payload: { id: "wamid.HBgM", gsId: gupshup.sent[0].id, type: "delivered", destination: "919820344556" } })
      expect(delivered.data).toEqual({ ok: true, known: true, status: "delivered" })
      expect((await callback({ type: "message-event", payload: { id: gupshup.sent[0].id, type: "delivered" } }, "wrong")).status).toBe(403)
      expect((await expectStatus(api.post("/hooks/gupshup", { type: "message-event", payload: { id: "x", type: "read" } }))).status).toBe(403)
      expect((await callback({ type: "message-event", payload: { type: "read" } })).status).toBe(400)
      expect((await messaging().listMessages({ id: message.id }))[0].status).toBe("delivered")

      // SMS has no provider here: kept, visibly, as not sent.
      const sms = await queue({ event: "points_earned", channel: "sms", customer_id: id, variables: { points: 1, balance: "1,406" }, idempotency_key: `earned-sms-${id}` })
      await drainMessages(getContainer())
      expect((await messaging().listMessages({ id: sms.id }))[0]).toEqual(expect.objectContaining({ status: "not_sent", reason: "not sent: no provider for this channel" }))
    })

    it("turns a WhatsApp STOP through Gupshup into a revoked consent", async () => {
      const { data } = await api.post("/admin/crm/customers", { first_name: "Imran", phone: "98203 99887", consents: { whatsapp: "granted" } }, auth)
      const res = await callback({ app: "ShreeGaneshJewellers", type: "message", payload: { source: "919820399887", type: "text", payload: { text: "STOP" }, sender: { phone: "919820399887" } } })
      expect(res.status).toBe(200)
      const { data: rows } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "customer", fields: ["customer_profile.consents"], filters: { id: data.customer.id } })
      expect((rows[0] as unknown as { customer_profile: { consents: { whatsapp: { status: string } } } }).customer_profile.consents.whatsapp.status).toBe("revoked")
    })
  },
})
