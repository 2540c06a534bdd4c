import {
  consentProblem,
  DEFAULT_TEMPLATES,
  inboundIntent,
  istDayStart,
  nextDeliveryStatus,
  parseQuietHours,
  renderTemplate,
  retryDelayMs,
  sendableAt,
  templateProblems,
  templateVariables,
  isTransientFailure,
  emailSubject,
  isEmailAddress,
  MESSAGE_EVENTS,
} from "../messaging"

const QUIET = parseQuietHours("21:00-09:00")

describe("messaging rules", () => {
  it("lists and checks a template's variables against its event", () => {
    expect(templateVariables("Dear {{customer_name}}, order {{ order_number }} – {{customer_name}}")).toEqual(["customer_name", "order_number"])
    expect(templateProblems("order_placed", "Hi {{customer_name}}")).toEqual([])
    // A sign-in code's template cannot leave the code out.
    expect(templateProblems("sign_in_code", "Your code for {{shop_name}}")).toEqual(["a sign_in_code message must hold {{code}}"])
    expect(templateProblems("sign_in_code", "{{code}} – {{shop_name}}")).toEqual([])
    expect(templateProblems("order_placed", "Hi {{discount}}")).toEqual([expect.stringMatching(/^unknown variable \{\{discount\}\} for order_placed/)])
    expect(templateProblems("order_placed", "Hi {{customer_name}")).toEqual(["unbalanced {{ }} in the template"])
    expect(templateProblems("diwali_sale", "Hi")).toEqual([expect.stringMatching(/^unknown event "diwali_sale"/)])
    expect(templateProblems("order_placed", "  ")).toEqual(["the template is empty"])
  })

  it("ships a default for every event in English and Hindi that uses only the event's variables", () => {
    for (const event of Object.keys(MESSAGE_EVENTS)) {
      for (const language of ["en", "hi"] as const) {
        expect([event, language, templateProblems(event, DEFAULT_TEMPLATES[event as keyof typeof DEFAULT_TEMPLATES][language])]).toEqual([event, language, []])
      }
    }
  })

  it("fills a template, refusing to leave a gap where a value is missing", () => {
    expect(renderTemplate("Dear {{customer_name}}, {{points}} points", { customer_name: "Meera", points: 250 })).toBe("Dear Meera, 250 points")
    expect(() => renderTemplate("Dear {{customer_name}}, {{points}} points", { customer_name: "Meera", points: "" })).toThrow("Missing template variable: points")
    expect(() => renderTemplate("{{a}} {{b}}", {})).toThrow("Missing template variables: a, b")
  })

  it("asks consent for promotional messages; transactional ones follow the shop's policy; a revocation always wins", () => {
    expect(consentProblem("promotional", undefined, "unless_revoked")).toBe("no consent for this channel")
    expect(consentProblem("promotional", { status: "granted" }, "unless_revoked")).toBeNull()
    expect(consentProblem("transactional", undefined, "unless_revoked")).toBeNull()
    expect(consentProblem("transactional", undefined, "consent_required")).toBe("no consent for this channel")
    expect(consentProblem("transactional", { status: "revoked" }, "unless_revoked")).toBe("the customer revoked consent for this channel")
  })

  it("holds promotional messages inside the quiet hours (IST) until they end", () => {
    // 22:30 IST = 17:00 UTC: held till 09:00 IST = 03:30 UTC next day.
    expect(sendableAt(new Date("2026-11-25T17:00:00Z"), QUIET).toISOString()).toBe("2026-11-26T03:30:00.000Z")
    // 02:00 IST = 20:30 UTC the day before: held till 09:00 IST the same morning.
    expect(sendableAt(new Date("2026-11-25T20:30:00Z"), QUIET).toISOString()).toBe("2026-11-26T03:30:00.000Z")
    // 12:00 IST: goes now.
    const noon = new Date("2026-11-25T06:30:00Z")
    expect(sendableAt(noon, QUIET)).toBe(noon)
    // A window that does not wrap midnight.
    expect(sendableAt(new Date("2026-11-25T08:30:00Z"), parseQuietHours("13:00-15:00")).toISOString()).toBe("2026-11-25T09:30:00.000Z")
    expect(() => parseQuietHours("9pm-9am")).toThrow(/21:00-09:00/)
    expect(() => parseQuietHours("25:00-09:00")).toThrow()
  })

  it("starts a customer's day at midnight IST for the daily cap", () => {
    expect(istDayStart(new Date("2026-11-25T20:00:00Z")).toISOString()).toBe("2026-11-25T18:30:00.000Z")
    expect(istDayStart(new Date("2026-11-25T10:00:00Z")).toISOString()).toBe("2026-11-24T18:30:00.000Z")
  })

  it("backs off exponentially and retries only what can pass", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000])
    expect(retryDelayMs(20)).toBe(3_600_000)
    expect([429, 500, 503, 408, undefined].map((s) => isTransientFailure(s))).toEqual([true, true, true, true, true])
    expect([400, 401, 404].map((s) => isTransientFailure(s))).toEqual([false, false, false])
    // A mail server's reply codes: 421 busy and 452 mailbox full pass; 550 no such user and 535 bad login do not.
    expect([421, 450, 452, undefined].map((s) => isTransientFailure(s, "smtp"))).toEqual([true, true, true, true])
    expect([550, 553, 535, 554].map((s) => isTransientFailure(s, "smtp"))).toEqual([false, false, false, false])
  })

  it("gives an email a subject from its event's variables, and the shop's name where the event has none", () => {
    const vars = { scope: "Mumbai – Zaveri Bazaar", day: "3 Dec 2026", shop_name: "Shree Ganesh Jewellers" }
    expect(emailSubject("daily_summary", "en", vars)).toBe("Daily summary: Mumbai – Zaveri Bazaar, 3 Dec 2026")
    expect(emailSubject("daily_summary", "hi", vars)).toBe("दैनिक सारांश: Mumbai – Zaveri Bazaar, 3 Dec 2026")
    expect(emailSubject("birthday_greeting", "en", vars)).toBe("Shree Ganesh Jewellers")
    // A variable the subject needs is missing: the shop's name rather than a gap.
    expect(emailSubject("order_placed", "en", { shop_name: "Shree Ganesh Jewellers" })).toBe("Shree Ganesh Jewellers")
    expect(emailSubject("birthday_greeting", "en", {})).toBe("birthday greeting")
    expect(["owner@shop.in", "a.b+c@mail.example.co.in"].map(isEmailAddress)).toEqual([true, true])
    expect(["+919820012345", "owner@", "owner shop@x.in", ""].map(isEmailAddress)).toEqual([false, false, false, false])
  })

  it("reads STOP and START in English and Hindi", () => {
    expect(["STOP", "stop.", "Unsubscribe", "Band karo", "बंद करो"].map(inboundIntent)).toEqual(["stop", "stop", "stop", "stop", "stop"])
    expect(["START", "shuru karo"].map(inboundIntent)).toEqual(["start", "start"])
    expect(inboundIntent("Is the necklace available?")).toBeNull()
  })

  it("moves a message forward by delivery callbacks, never back", () => {
    expect(nextDeliveryStatus("sent", "delivered")).toBe("delivered")
    expect(nextDeliveryStatus("delivered", "sent")).toBeNull()
    expect(nextDeliveryStatus("delivered", "read")).toBe("read")
    expect(nextDeliveryStatus("sent", "undelivered")).toBe("undelivered")
    expect(nextDeliveryStatus("read", "failed")).toBeNull()
    expect(nextDeliveryStatus("sent", "canceled")).toBeNull()
  })
})
