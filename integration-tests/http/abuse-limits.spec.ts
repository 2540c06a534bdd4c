/**
 * Rate limits on the store's login, registration and password reset and on
 * webhooks, the staff login lock-out, and the security headers. Limits are
 * made small here; each test calls from its own address (X-Forwarded-For,
 * which Medusa trusts from one proxy) so the counts do not mix.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { shopIntegrationRunner } from "../support/runner"
import { ADMIN, adminHeaders, expectStatus } from "./helpers"

jest.setTimeout(240 * 1000)

type Answer = { status: number; data: any; headers: Record<string, string> }

const LOCKOUT_SECONDS = 15

async function createStaffUser(container: MedusaContainer, email: string, password: string) {
  const { authIdentity, error } = await container.resolve(Modules.AUTH).register("emailpass", { body: { email, password } })
  if (error || !authIdentity) {
    throw new Error(`could not register ${email}: ${error}`)
  }
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email, first_name: "Test", last_name: "Staff" } },
  })
}

const from = (ip: string, extra: Record<string, string> = {}) => ({ headers: { "x-forwarded-for": ip, ...extra } })

shopIntegrationRunner({
  start: "schema",
  env: {
    RATE_LIMIT_LOGIN_IP: "6/1m",
    RATE_LIMIT_LOGIN_ACCOUNT: "3/1m",
    RATE_LIMIT_REGISTER_IP: "2/1m",
    RATE_LIMIT_PASSWORD_RESET_IP: "2/1m",
    RATE_LIMIT_WEBHOOK_IP: "3/1m",
    STAFF_LOGIN_LOCKOUT: `5/${LOCKOUT_SECONDS}s`,
  },
  testSuite: ({ api, getContainer }) => {
    const post = (url: string, body: unknown, ip: string) => expectStatus(api.post(url, body, from(ip))) as Promise<Answer>

    beforeAll(async () => {
      await createStaffUser(getContainer(), ADMIN.email, ADMIN.password)
      await createStaffUser(getContainer(), "manager@shreeganesh.example", "Right-password-1")
      await createStaffUser(getContainer(), "cashier@shreeganesh.example", "Right-password-2")
      await getContainer()
        .resolve(Modules.AUTH)
        .register("emailpass", { body: { email: "priya@example.in", password: "Customer-pass-1" } })
    })

    describe("store login", () => {
      it("answers 429 with Retry-After once an account is hammered from one address, even with the right password", async () => {
        const ip = "203.0.113.10"
        for (let i = 0; i < 3; i++) {
          expect((await post("/auth/customer/emailpass", { email: "priya@example.in", password: "wrong" }, ip)).status).toBe(401)
        }
        const limited = await post("/auth/customer/emailpass", { email: "Priya@Example.in", password: "Customer-pass-1" }, ip)
        expect(limited.status).toBe(429)
        expect(limited.data).toEqual({ type: "too_many_requests", message: expect.stringMatching(/^Too many sign-in attempts for this account\. Try again in (\d+ seconds?|1 minute)\.$/) })
        const retryAfter = Number(limited.headers["retry-after"])
        expect(retryAfter).toBeGreaterThanOrEqual(1)
        expect(retryAfter).toBeLessThanOrEqual(60)

        // Another address is not held back by this one's count.
        expect((await post("/auth/customer/emailpass", { email: "priya@example.in", password: "Customer-pass-1" }, "203.0.113.11")).status).toBe(200)
      })

      it("limits one address across accounts", async () => {
        const ip = "203.0.113.20"
        for (let i = 0; i < 6; i++) {
          expect((await post("/auth/customer/emailpass", { email: `guess${i}@example.in`, password: "x" }, ip)).status).toBe(401)
        }
        const limited = await post("/auth/customer/emailpass", { email: "guess9@example.in", password: "x" }, ip)
        expect(limited.status).toBe(429)
        expect(limited.data.message).toMatch(/^Too many sign-in attempts from your network/)
        expect(limited.headers["retry-after"]).toMatch(/^\d+$/)
      })

      it("limits registrations per address", async () => {
        const ip = "203.0.113.30"
        expect((await post("/auth/customer/emailpass/register", { email: "new1@example.in", password: "Pass-word-11" }, ip)).status).toBe(200)
        expect((await post("/auth/customer/emailpass/register", { email: "new2@example.in", password: "Pass-word-12" }, ip)).status).toBe(200)
        const limited = await post("/auth/customer/emailpass/register", { email: "new3@example.in", password: "Pass-word-13" }, ip)
        expect(limited.status).toBe(429)
        expect(limited.data.message).toMatch(/^Too many sign-ups from your network/)
        expect(limited.headers["retry-after"]).toBeDefined()
      })

      it("limits password resets per address, customers and staff together", async () => {
        const ip = "203.0.113.40"
        expect((await post("/auth/customer/emailpass/reset-password", { identifier: "priya@example.in" }, ip)).status).toBe(201)
        expect((await post("/auth/user/emailpass/reset-password", { identifier: "manager@shreeganesh.example" }, ip)).status).toBe(201)
        const limited = await post("/auth/customer/emailpass/reset-password", { identifier: "priya@example.in" }, ip)
        expect(limited.status).toBe(429)
        expect(limited.data.message).toMatch(/^Too many password reset requests/)
        expect((await post("/auth/user/emailpass/update", { password: "x" }, ip)).status).toBe(429)
      })
    })

    describe("webhooks", () => {
      it("limits calls per address on every /hooks route", async () => {
        const ip = "198.51.100.50"
        // Without GUPSHUP_WEBHOOK_SECRET the route answers 404; the calls still count.
        expect((await post("/hooks/gupshup", {}, ip)).status).toBe(404)
        expect((await post("/hooks/twilio/status", {}, ip)).status).not.toBe(429)
        expect((await post("/hooks/payment/razorpay_razorpay", {}, ip)).status).not.toBe(429)
        const limited = await post("/hooks/twilio/status", {}, ip)
        expect(limited.status).toBe(429)
        expect(limited.data.message).toMatch(/^Too many webhook calls/)
        expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0)
      })
    })

    describe("staff login lock-out", () => {
      it("after 5 wrong passwords refuses even the right one until the window passes", async () => {
        const ip = "192.0.2.60"
        const email = "manager@shreeganesh.example"
        for (let i = 0; i < 5; i++) {
          const failed = await post("/auth/user/emailpass", { email, password: `wrong-${i}` }, ip)
          expect(failed.status).toBe(401)
        }
        const locked = await post("/auth/user/emailpass", { email, password: "Right-password-1" }, ip)
        expect(locked.status).toBe(429)
        expect(locked.data.message).toMatch(/^This account is locked after 5 failed sign-ins\. Try again in \d+ seconds?, or ask the owner/)
        const retryAfter = Number(locked.headers["retry-after"])
        expect(retryAfter).toBeGreaterThan(0)
        expect(retryAfter).toBeLessThanOrEqual(LOCKOUT_SECONDS)
        // From another address too: the lock is the account's.
        expect((await post("/auth/user/emailpass", { email: email.toUpperCase(), password: "Right-password-1" }, "192.0.2.61")).status).toBe(429)

        await new Promise((r) => setTimeout(r, retryAfter * 1000 + 500))
        const after = await post("/auth/user/emailpass", { email, password: "Right-password-1" }, ip)
        expect(after.status).toBe(200)
        expect(after.data.token).toEqual(expect.any(String))
      })

      it("clears the count on a successful login", async () => {
        const ip = "192.0.2.70"
        const email = "cashier@shreeganesh.example"
        for (let i = 0; i < 4; i++) {
          expect((await post("/auth/user/emailpass", { email, password: "wrong" }, ip)).status).toBe(401)
        }
        expect((await post("/auth/user/emailpass", { email, password: "Right-password-2" }, ip)).status).toBe(200)
        for (let i = 0; i < 4; i++) {
          expect((await post("/auth/user/emailpass", { email, password: "wrong" }, ip)).status).toBe(401)
        }
        expect((await post("/auth/user/emailpass", { email, password: "Right-password-2" }, ip)).status).toBe(200)
      })
    })

    describe("security headers", () => {
      const expectSecurityHeaders = (headers: Record<string, string>) => {
        expect(headers["x-content-type-options"]).toBe("nosniff")
        expect(headers["x-frame-options"]).toBe("SAMEORIGIN")
        expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin")
        expect(headers["permissions-policy"]).toContain("camera=()")
        expect(headers["content-security-policy"]).toBeUndefined()
        expect(headers["x-powered-by"]).toBeUndefined()
      }

      it("are set on /health and admin routes; HSTS only over HTTPS", async () => {
        const health = (await api.get("/health")) as Answer
        expectSecurityHeaders(health.headers)
        expect(health.headers["strict-transport-security"]).toBeUndefined()

        const auth = await adminHeaders(getContainer(), api)
        const admin = (await api.get("/admin/branches", auth)) as Answer
        expect(admin.status).toBe(200)
        expectSecurityHeaders(admin.headers)

        // Answered before the API's middlewares: Medusa's own 401 for a missing token.
        const unauthorised = (await expectStatus(api.get("/admin/branches"))) as Answer
        expect(unauthorised.status).toBe(401)
        expectSecurityHeaders(unauthorised.headers)

        const behindTls = (await api.get("/health", { headers: { "x-forwarded-proto": "https" } })) as Answer
        expectSecurityHeaders(behindTls.headers)
        expect(behindTls.headers["strict-transport-security"]).toBe("max-age=15552000")
      })
    })
  },
})
