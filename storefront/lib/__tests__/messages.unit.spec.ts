import { LOCALES, MESSAGES } from "../../messages"
import { formatDay, indiaToday, negotiateLocale, pathBack } from "../language"

type Tree = { [key: string]: string | Tree }

/** Every message of a tree, by its dotted key. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") {
      out.set(`${prefix}${key}`, value)
    } else {
      for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v)
    }
  }
  return out
}

/** The ICU arguments a message takes ({shop}, {count, plural, …}), which every translation must take too. */
const argumentsOf = (message: string) => [...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]))].sort()

describe("storefront messages", () => {
  const english = flatten(MESSAGES.en as unknown as Tree)

  it.each(LOCALES.filter((l) => l !== "en"))("%s has every English message, with the same arguments, and no extra", (locale) => {
    const other = flatten(MESSAGES[locale] as unknown as Tree)
    expect([...other.keys()].sort()).toEqual([...english.keys()].sort())
    for (const [key, message] of english) {
      expect({ key, args: argumentsOf(other.get(key) ?? "") }).toEqual({ key, args: argumentsOf(message) })
      expect({ key, translated: other.get(key)?.trim().length ?? 0 }).not.toEqual({ key, translated: 0 })
    }
  })

  it("finds arguments as use-intl reads them", () => {
    expect(argumentsOf("{count, plural, one {# piece} other {# pieces}} at {branch}")).toEqual(["branch", "count"])
  })
})

describe("choosing the language", () => {
  it("takes the shopper's choice, then the browser's, then English", () => {
    expect(negotiateLocale("hi", "en-IN,en;q=0.9")).toBe("hi")
    expect(negotiateLocale(undefined, "hi-IN,hi;q=0.9,en;q=0.8")).toBe("hi")
    expect(negotiateLocale("fr", "ta-IN,en;q=0.5")).toBe("en")
    expect(negotiateLocale(undefined, null)).toBe("en")
  })

  it("goes back only to a page of this site", () => {
    expect(pathBack("http://shop.test/products?metal=gold", "shop.test", "/")).toBe("/products?metal=gold")
    expect(pathBack("https://evil.test/x", "shop.test", "/account")).toBe("/account")
    expect(pathBack(null, "shop.test", "//evil.test")).toBe("/")
    expect(pathBack("not a url", null, "/\\evil.test")).toBe("/")
  })
})

describe("writing days", () => {
  it("writes an instant as its day in India, and a calendar day as that day, in the shopper's language", () => {
    // 20:00 UTC on 3 December is already 4 December in India.
    expect(formatDay("2026-12-03T20:00:00Z", "en")).toBe("4 Dec 2026")
    expect(formatDay("2026-12-04", "en")).toBe("4 Dec 2026")
    expect(formatDay("2026-12-04", "hi")).toMatch(/^4 .+ 2026$/)
    expect(formatDay("2026-12-04", "hi")).not.toBe("4 Dec 2026")
  })

  it("knows India's today from any clock", () => {
    expect(indiaToday(Date.parse("2026-12-03T18:29:00Z"))).toBe("2026-12-03")
    expect(indiaToday(Date.parse("2026-12-03T18:30:00Z"))).toBe("2026-12-04")
  })
})
