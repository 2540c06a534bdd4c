/**
 * The demo shop's customers: about 2 000 people with profiles, a year of
 * interactions, orders across the three branches and some follow-ups due
 * around today, generated from a fixed seed (the same on every install).
 * A few people are deliberately recorded twice, so the duplicates page has
 * work to show.
 */
import { generator } from "./random"

export const DEMO_CUSTOMER_COUNT = 2000
/** Demo customers' emails end with this, which is also how the seed recognises them. */
export const DEMO_EMAIL_DOMAIN = "demo.shreeganesh.example"
const DUPLICATE_PAIRS = 6

const FIRST = ["Aarav", "Aditi", "Ananya", "Arjun", "Asha", "Deepa", "Divya", "Gaurav", "Geeta", "Harish", "Ishaan", "Jaya", "Kavya", "Kiran", "Lakshmi", "Madhav", "Meera", "Neha", "Nikhil", "Pooja", "Pranav", "Priya", "Rahul", "Rekha", "Rohan", "Sanjay", "Shreya", "Sunita", "Tara", "Uma", "Varun", "Vidya", "Vikram", "Yash", "Zoya", "Farhan", "Simran", "Harpreet", "Anjali", "Suresh"]
const LAST = ["Agarwal", "Bhat", "Chauhan", "Desai", "Gupta", "Iyer", "Jain", "Joshi", "Kapoor", "Khan", "Kulkarni", "Mehta", "Menon", "Nair", "Patel", "Patil", "Rao", "Reddy", "Sharma", "Shah", "Shetty", "Singh", "Soni", "Thakkar", "Verma"]
const SOURCES = ["walk_in", "referral", "instagram", "google", "wedding_fair", "newspaper"]
const CATEGORIES = ["rings", "chains", "bangles", "earrings", "necklaces", "pendants", "coins-bars"]
const BUDGETS = ["under_25k", "from_25k_to_1l", "from_1l_to_5l", "above_5l"] as const
const CHANNELS = ["walk_in", "call", "whatsapp", "sms", "video", "home_visit"] as const
const ENQUIRIES: [kind: "enquiry" | "repair" | "complaint" | "feedback" | "follow_up", summary: string][] = [
  ["enquiry", "Asked for 22K bangles for a daughter's wedding"],
  ["enquiry", "Looking for a diamond solitaire ring under budget"],
  ["enquiry", "Wants today's gold rate and an exchange value for old gold"],
  ["enquiry", "Enquired about silver pooja items for Diwali"],
  ["enquiry", "Wants a temple necklace set in antique finish"],
  ["repair", "Chain clasp repair; promised in 5 days"],
  ["repair", "Ring resizing from 14 to 16"],
  ["complaint", "Stone loose in an earring bought last month"],
  ["feedback", "Happy with the finish of the mangalsutra"],
  ["follow_up", "Called back about the bridal set quotation"],
]
export const TASK_TITLES = ["Call back with the bridal set quotation", "Repair ready: inform the customer", "Send new collection photos on WhatsApp", "Confirm the gold scheme instalment", "Invite to the Dhanteras preview"]

export type DemoCustomer = {
  index: number
  first_name: string
  last_name: string
  email: string
  phone: string | null
  birthday: string
  anniversary: string | null
  ring_size: string | null
  bangle_size: string | null
  preferred_metals: string[]
  preferred_categories: string[]
  budget_band: (typeof BUDGETS)[number]
  tags: string[]
  source: string
  home_branch: "MUM" | "PUN" | "BLR"
  consents: { sms?: "granted" | "revoked"; whatsapp?: "granted" | "revoked"; email?: "granted" | "revoked" }
  /** follow_up_due_in_days counts from today (negative: overdue), never before the interaction. */
  interactions: { days_ago: number; channel: (typeof CHANNELS)[number]; kind: string; summary: string; follow_up_due_in_days: number | null }[]
  /** Orders: how long ago, at which branch, and which catalogue pieces (indexes into the sorted list of priced variants). */
  orders: { days_ago: number; branch: "MUM" | "PUN" | "BLR"; pieces: number[] }[]
}

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`

export function demoCustomers(count = DEMO_CUSTOMER_COUNT): DemoCustomer[] {
  const random = generator(2026)
  const people: DemoCustomer[] = []
  for (let index = 0; index < count; index++) {
    const first_name = random.pick(FIRST)
    const last_name = random.pick(LAST)
    const birthYear = random.int(1950, 2002)
    const birthday = iso(birthYear, random.int(1, 12), random.int(1, 28))
    const married = birthYear < 1998 && random.next() < 0.65
    const branch = random.pick(["MUM", "MUM", "PUN", "BLR"] as const)
    const interactions: DemoCustomer["interactions"] = Array.from({ length: random.int(0, 5) }, () => {
      const [kind, summary] = random.pick(ENQUIRIES)
      const days_ago = random.int(0, 364)
      // Recent enquiries often carry a promise to call back.
      const follow = days_ago < 20 && random.next() < 0.5 ? random.int(-5, 10) : null
      return { days_ago, channel: random.pick(CHANNELS), kind, summary, follow_up_due_in_days: follow === null ? null : Math.max(follow, -days_ago) }
    })
    const orders: DemoCustomer["orders"] = random.next() < 0.45
      ? Array.from({ length: random.int(1, 4) }, () => ({
          days_ago: random.int(1, 364),
          branch: random.next() < 0.8 ? branch : random.pick(["MUM", "PUN", "BLR"] as const),
          pieces: Array.from({ length: random.int(1, 2) }, () => random.int(0, 9999)),
        }))
      : []
    people.push({
      index,
      first_name,
      last_name,
      email: `${first_name}.${last_name}.${index}@${DEMO_EMAIL_DOMAIN}`.toLowerCase(),
      // Unique by construction: 98 20 then the index.
      phone: `+919820${String(100000 + index).padStart(6, "0")}`,
      birthday,
      anniversary: married ? iso(birthYear + random.int(21, 32), random.int(1, 12), random.int(1, 28)) : null,
      ring_size: random.next() < 0.5 ? String(random.int(8, 22)) : null,
      bangle_size: random.next() < 0.4 ? random.pick(["2.2", "2.4", "2.6", "2.8"]) : null,
      preferred_metals: random.next() < 0.8 ? ["gold"] : random.next() < 0.5 ? ["silver"] : ["gold", "platinum"],
      preferred_categories: [random.pick(CATEGORIES)],
      budget_band: random.pick(BUDGETS),
      tags: random.next() < 0.1 ? ["vip"] : random.next() < 0.1 ? ["wedding-2026"] : [],
      source: random.pick(SOURCES),
      home_branch: branch,
      consents: {
        whatsapp: random.next() < 0.7 ? "granted" : "revoked",
        sms: random.next() < 0.5 ? "granted" : "revoked",
        ...(random.next() < 0.4 ? { email: "granted" as const } : {}),
      },
      interactions,
      orders,
    })
  }
  // The same person entered again at another counter: same name and birthday, no phone.
  for (let i = 0; i < DUPLICATE_PAIRS && i * 97 < count; i++) {
    const original = people[i * 97]
    people.push({
      ...original,
      index: count + i,
      email: `${original.first_name}.${original.last_name}.dup${i}@${DEMO_EMAIL_DOMAIN}`.toLowerCase(),
      phone: null,
      tags: [],
      interactions: [{ days_ago: 3, channel: "call", kind: "enquiry", summary: "Called to ask for the gold rate", follow_up_due_in_days: null }],
      orders: [],
    })
  }
  return people
}

/**
 * Tastes the preference model can find (docs/preferences.md). Of every ten
 * pieces a customer buys, seven are of their preferred category in one of
 * their preferred metals (when the catalogue has such pieces), and five of
 * those seven are of their **style**: one of four (from the customer's
 * number) that a design belongs to by its name — as temple, antique or
 * contemporary work would, which the shop does not record as an attribute, so
 * only who bought what with what reveals it. The other three pieces are any
 * piece. Decided by the piece's own number, so no draw of the generator moves
 * and every other part of the demo stays as it was.
 */
export const TASTE_SHARE_IN_TEN = 7
export const STYLE_SHARE_IN_TEN = 5
export const DEMO_STYLES = 4

/** The style a design belongs to: from its name, so every piece of a design has the same one. */
export function demoStyle(productTitle: string): number {
  let sum = 0
  for (const ch of productTitle) {
    sum = (sum * 31 + ch.charCodeAt(0)) % 1_000_003
  }
  return sum % DEMO_STYLES
}

export function demoPiece<P extends { metal: string; category: string | null; product_title: string }>(
  n: number,
  person: Pick<DemoCustomer, "index" | "preferred_categories" | "preferred_metals">,
  pieces: P[]
): P {
  const share = n % 10
  if (share < TASTE_SHARE_IN_TEN) {
    const liked = pieces.filter((p) => p.category !== null && person.preferred_categories.includes(p.category) && person.preferred_metals.includes(p.metal))
    const styled = liked.filter((p) => demoStyle(p.product_title) === person.index % DEMO_STYLES)
    const from = share < STYLE_SHARE_IN_TEN && styled.length ? styled : liked
    if (from.length) {
      return from[Math.floor(n / 10) % from.length]
    }
  }
  return pieces[n % pieces.length]
}
