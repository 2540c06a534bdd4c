import { branchDirectory, contentPath, picture, safeHref, showingOn } from "../content"

describe("showingOn: a banner's days, whole days in India's time", () => {
  // 7 Dec 2026, 20:00 UTC is 8 Dec 01:30 in India.
  const lateEvening = Date.parse("2026-12-07T20:00:00Z")

  it("shows a banner without dates", () => {
    expect(showingOn({}, lateEvening)).toBe(true)
  })

  it("counts the day in India: a banner starting on the 8th shows at 01:30 IST on the 8th", () => {
    expect(showingOn({ startsOn: "2026-12-08T06:30:00Z" }, lateEvening)).toBe(true)
    expect(showingOn({ startsOn: "2026-12-09T06:30:00Z" }, lateEvening)).toBe(false)
  })

  it("shows a banner through its last day, and not the day after", () => {
    // The admin's date picker stores noon of the chosen day; 8 Dec is India's today at that moment.
    expect(showingOn({ endsOn: "2026-12-08T06:30:00Z" }, lateEvening)).toBe(true)
    expect(showingOn({ endsOn: "2026-12-07T06:30:00Z" }, lateEvening)).toBe(false)
  })
})

describe("safeHref: links in the CMS's text", () => {
  it.each([
    ["/products?metal=gold", "/products?metal=gold"],
    ["#care", "#care"],
    ["https://maps.example.com/x", "https://maps.example.com/x"],
    ["mailto:shop@example.com", "mailto:shop@example.com"],
    ["tel:+919800000000", "tel:+919800000000"],
  ])("keeps %s", (url, expected) => {
    expect(safeHref(url)).toBe(expected)
  })

  it.each(["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>x</script>", "//evil.example.com", "vbscript:x", "not a url", "", null, undefined])(
    "drops %s",
    (url) => {
      expect(safeHref(url)).toBeUndefined()
    }
  )
})

describe("contentPath and picture", () => {
  it("places each collection's documents at their storefront paths", () => {
    expect(contentPath("guides", { slug: "how-to-read-a-hallmark" })).toBe("/guides/how-to-read-a-hallmark")
    expect(contentPath("lookbooks", { slug: "bridal" })).toBe("/lookbook/bridal")
    expect(contentPath("policies", { slug: "returns" })).toBe("/policies/returns")
    expect(contentPath("branch-pages", { code: "BLR" })).toBe("/branches/BLR")
    expect(contentPath("media", { slug: "x" })).toBeUndefined()
    expect(contentPath("guides", {})).toBeUndefined()
  })

  it("takes a picture's size when it exists, else the original, else nothing", () => {
    const upload = { url: "/cms/api/media/file/a.jpg", alt: "Bangles", sizes: { wide: { url: "/cms/api/media/file/a-1600x600.jpg" }, card: { url: null } } }
    expect(picture(upload, "wide")).toEqual({ src: "/cms/api/media/file/a-1600x600.jpg", alt: "Bangles" })
    expect(picture(upload, "card")).toEqual({ src: "/cms/api/media/file/a.jpg", alt: "Bangles" })
    expect(picture(7)).toBeUndefined()
    expect(picture(null)).toBeUndefined()
  })
})

describe("branchDirectory: the shop's branches with what the website adds", () => {
  const branches = [
    { code: "MUM", name: "Mumbai – Zaveri Bazaar", address_1: "112 Sheikh Memon Street", address_2: "Zaveri Bazaar", city: "Mumbai", postal_code: "400002", phone: "+912222400100" },
    { code: "PUN", name: "Pune – Laxmi Road", address_1: "582 Laxmi Road", city: "Pune", postal_code: "411002", phone: null },
  ]

  it("lists every branch from the shop's record, and a page's name, address and phone instead where written", () => {
    const pages = [{ code: "pun", name: "Pune – Laxmi Road (opposite Tulshibaug)", address: null, phone: "+912024450200", hours: "10:30–20:30" }]
    expect(branchDirectory(branches, pages)).toEqual([
      { code: "MUM", name: "Mumbai – Zaveri Bazaar", address: "112 Sheikh Memon Street\nZaveri Bazaar\nMumbai 400002", phone: "+912222400100", page: undefined },
      { code: "PUN", name: "Pune – Laxmi Road (opposite Tulshibaug)", address: "582 Laxmi Road\nPune 411002", phone: "+912024450200", page: pages[0] },
    ])
  })

  it("leaves out a page for a branch the shop does not have", () => {
    expect(branchDirectory(branches, [{ code: "DEL", name: "Delhi" }]).map((b) => b.code)).toEqual(["MUM", "PUN"])
  })
})
