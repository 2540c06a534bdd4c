import { normalizePhone } from "../../../lib/phone"
import { DEMO_CUSTOMER_COUNT, demoCustomers } from "../customers"

describe("demo customers", () => {
  const people = demoCustomers()

  it("are about two thousand, the same on every install, with a few recorded twice", () => {
    expect(people.length).toBeGreaterThanOrEqual(DEMO_CUSTOMER_COUNT)
    expect(demoCustomers()).toEqual(people)
    const key = (p: (typeof people)[number]) => `${p.first_name} ${p.last_name} ${p.birthday}`
    const seen = new Map<string, number>()
    people.forEach((p) => seen.set(key(p), (seen.get(key(p)) ?? 0) + 1))
    expect([...seen.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(6)
  })

  it("have unique, valid phones and emails, and weddings after births", () => {
    const phones = people.map((p) => p.phone).filter((p): p is string => !!p)
    expect(new Set(phones).size).toBe(phones.length)
    expect(phones.every((p) => normalizePhone(p) === p)).toBe(true)
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length)
    expect(people.every((p) => !p.anniversary || p.anniversary > p.birthday)).toBe(true)
  })

  it("have a year of history: interactions, orders in every branch, follow-ups around today", () => {
    const orders = people.flatMap((p) => p.orders)
    expect(orders.length).toBeGreaterThan(1500)
    expect(new Set(orders.map((o) => o.branch))).toEqual(new Set(["MUM", "PUN", "BLR"]))
    expect(orders.every((o) => o.days_ago >= 1 && o.days_ago < 365)).toBe(true)
    const followUps = people.flatMap((p) => p.interactions).filter((i) => i.follow_up_due_in_days !== null)
    // Due dates are relative to today: some overdue or due today, some still ahead, none before the talk itself.
    expect(followUps.some((i) => i.follow_up_due_in_days! <= 0)).toBe(true)
    expect(followUps.some((i) => i.follow_up_due_in_days! > 0)).toBe(true)
    expect(followUps.every((i) => i.follow_up_due_in_days! >= -i.days_ago)).toBe(true)
  })
})
