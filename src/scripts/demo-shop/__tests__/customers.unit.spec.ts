import { normalizePhone } from "../../../lib/phone"
import { DEMO_CUSTOMER_COUNT, demoCustomers, demoPiece, demoStyle } from "../customers"

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

describe("the demo customers' tastes", () => {
  const people = demoCustomers()
  const piece = (id: string, metal: string, category: string | null, product_title: string) => ({ id, metal, category, product_title })
  // Two designs of gold rings in different styles, one in platinum, a chain, a silver bowl.
  const [kamal, mayur] = ["Kamal Ring", "Mayur Ring"]
  const pieces = [
    piece("p0", "gold", "rings", kamal),
    piece("p1", "silver", "silverware", "Bowl"),
    piece("p2", "gold", "chains", "Rope Chain"),
    piece("p3", "gold", "rings", mayur),
    piece("p4", "platinum", "rings", "Platinum Band"),
  ]
  const ringsInGold = (style: number) => ({ index: style, preferred_categories: ["rings"], preferred_metals: ["gold"] })

  it("gives seven numbers in ten a piece of the customer's category and metal, five of them of their style, the rest any piece", () => {
    expect(demoStyle(kamal)).not.toBe(demoStyle(mayur))
    const kamalFan = ringsInGold(demoStyle(kamal))
    // 42: 2 < 5, their style's gold rings (Kamal only) → p0; 53: 3, the same; 45: 5 < 7, any gold ring, number 4 of
    // (p0, p3) → p0, and 55 → p3; 47: 7, any piece, 47 mod 5 = 2 → p2.
    expect([42, 53, 45, 55, 47].map((n) => demoPiece(n, kamalFan, pieces).id)).toEqual(["p0", "p0", "p0", "p3", "p2"])
    expect(demoPiece(42, ringsInGold(demoStyle(mayur)), pieces).id).toBe("p3")
    // No piece of their taste in the catalogue: any piece.
    expect(demoPiece(42, { index: 0, preferred_categories: ["bangles"], preferred_metals: ["gold"] }, pieces).id).toBe("p2")
    // Over the demo's customers whose taste this catalogue has: seven in ten by taste, and a few more by chance.
    const likes = (c: (typeof people)[number], p: (typeof pieces)[number]) => c.preferred_categories.includes(p.category!) && c.preferred_metals.includes(p.metal)
    const bought = people.filter((c) => pieces.some((p) => likes(c, p))).flatMap((c) => c.orders.flatMap((o) => o.pieces.map((n) => ({ c, p: demoPiece(n, c, pieces) }))))
    expect(bought.length).toBeGreaterThan(300)
    const share = bought.filter(({ c, p }) => likes(c, p)).length / bought.length
    expect(share).toBeGreaterThan(0.7)
    expect(share).toBeLessThan(0.85)
  })
})
