/**
 * Rate limits on the store's login, registration and password reset and on
 * webhooks, the sign-in lock-outs, and the security headers. Limits are
 * made small here; each test calls from its own address (X-Forwarded-For,
 * believed here because the test client is on loopback and TRUSTED_PROXIES
 * names loopback) so the counts do not mix.
 */
import fs from "node:fs"
import path from "node:path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { rawRequest } from "../support/raw-request"
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
    CUSTOMER_LOGIN_LOCKOUT: "3/1m",
    TRUSTED_PROXIES: "loopback",
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
      it("answers 429 with Retry-After once an account is hammered, even with the right password; a browser that signed in before still gets in", async () => {
        const ip = "203.0.113.10"
        // A sign-in from the customer's own browser first: it gets a device cookie.
        const known = await post("/auth/customer/emailpass", { email: "priya@example.in", password: "Customer-pass-1" }, "203.0.113.12")
        expect(known.status).toBe(200)
        const deviceCookie = String(known.headers["set-cookie"]).split(";")[0]
        expect(deviceCookie).toMatch(/^jewel_device_customer=/)
        expect(String(known.headers["set-cookie"])).toMatch(/HttpOnly; SameSite=Lax/)

        for (let i = 0; i < 3; i++) {
          expect((await post("/auth/customer/emailpass", { email: "priya@example.in", password: "wrong" }, ip)).status).toBe(401)
        }
        const limited = await post("/auth/customer/emailpass", { email: "Priya@Example.in", password: "Customer-pass-1" }, ip)
        expect(limited.status).toBe(429)
        expect(limited.data).toEqual({
          type: "too_many_requests",
          message: expect.stringMatching(/^Too many sign-in attempts for this account\. Try again in (\d+ seconds?|1 minute), or reset your password\.$/),
        })
        const retryAfter = Number(limited.headers["retry-after"])
        expect(retryAfter).toBeGreaterThanOrEqual(1)
        expect(retryAfter).toBeLessThanOrEqual(60)
        // Another address without the cookie is held back too: the count is the account's.
        expect((await post("/auth/customer/emailpass", { email: "priya@example.in", password: "Customer-pass-1" }, "203.0.113.11")).status).toBe(429)
        // The known browser is counted on its own.
        const again = await expectStatus(
          api.post("/auth/customer/emailpass", { email: "priya@example.in", password: "Customer-pass-1" }, from("203.0.113.12", { cookie: deviceCookie }))
        )
        expect(again.status).toBe(200)
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

    describe("sign-in attempts counted before the password is checked", () => {
      async function burst(url: string, email: string, ip: string) {
        const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post(url, { email, password: `guess-${i}` }, ip)))
        return { checked: answers.filter((a) => a.status === 401).length, refused: answers.filter((a) => a.status === 429).length }
      }

      it("lets at most the lock-out's count of 50 parallel guesses reach the password check, for staff and customers", async () => {
        await createStaffUser(getContainer(), "burst@shreeganesh.example", "Right-password-3")
        const staff = await burst("/auth/user/emailpass", "burst@shreeganesh.example", "192.0.2.80")
        expect(staff).toEqual({ checked: 5, refused: 45 })
        await getContainer().resolve(Modules.AUTH).register("emailpass", { body: { email: "burst@example.in", password: "Customer-pass-2" } })
        const customer = await burst("/auth/customer/emailpass", "burst@example.in", "192.0.2.81")
        expect(customer).toEqual({ checked: 3, refused: 47 })
      })

      it("refuses the right password on every spelling and method of the sign-in route while the lock holds", async () => {
        const email = "burst@shreeganesh.example"
        const right = { email, password: "Right-password-3" }
        for (const url of ["/auth/user/emailpass", "/AUTH/User/EMAILPASS", "/auth/user/emailpass/", "/auth/USER/emailpass?x=1"]) {
          const answer = await post(url, right, "192.0.2.82")
          expect([url, answer.status]).toEqual([url, 429])
        }
        // GET authenticates too (Medusa's route takes both).
        const viaGet = (await expectStatus(api.request({ method: "GET", url: "/auth/user/emailpass", data: right, ...from("192.0.2.82") }))) as Answer
        expect(viaGet.status).toBe(429)
        // Escaped letters, doubled slashes and dot segments reach no route at all.
        for (const url of ["/auth/user/emailpas%73", "/auth/%75ser/emailpass", "/auth//user/emailpass", "/auth/x/../user/emailpass"]) {
          const answer = await rawRequest(api.defaults.baseURL!, "POST", url, { headers: { "x-forwarded-for": "192.0.2.82" }, body: right })
          expect([url, answer.status, answer.data.message]).toEqual([url, 404, expect.stringMatching(/^No route at /)])
        }
      })

      it("takes no X-Forwarded-For from a client that is not a trusted proxy", async () => {
        const trusted = process.env.TRUSTED_PROXIES
        delete process.env.TRUSTED_PROXIES
        try {
          // RATE_LIMIT_LOGIN_IP is 6/1m here: rotating the claimed address does not reset it.
          const answers: number[] = []
          for (let i = 0; i < 8; i++) {
            answers.push((await post("/auth/customer/emailpass", { email: `rotate${i}@example.in`, password: "x" }, `198.18.0.${i + 1}`)).status)
          }
          expect(answers).toEqual([401, 401, 401, 401, 401, 401, 429, 429])
        } finally {
          process.env.TRUSTED_PROXIES = trusted
        }
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

      it("make files under /static downloads that never run as pages", async () => {
        const dir = path.join(process.cwd(), "static")
        const name = `security-test-${Date.now()}.html`
        fs.mkdirSync(dir, { recursive: true })
        fs.writeFileSync(path.join(dir, name), "<script>fetch('/admin/staff')</script>")
        try {
          const served = (await api.get(`/static/${name}`)) as Answer
          expect(served.status).toBe(200)
          expect(served.headers["content-disposition"]).toBe("attachment")
          expect(served.headers["content-security-policy"]).toBe("default-src 'none'; sandbox")
          expect(served.headers["x-content-type-options"]).toBe("nosniff")
        } finally {
          fs.rmSync(path.join(dir, name), { force: true })
        }
      })

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
