/**
 * The website's content in Payload CMS (/cms, inside the storefront): the
 * owner signs in with the account made on the first start, publishes a
 * banner, and the home page shows it; a draft does not show; the CMS's API
 * is closed to anyone not signed in, and a banner's link cannot carry a
 * script. The demo shop's guides, branch pages and FAQ read in both languages.
 */
import fs from "node:fs"
import path from "node:path"
import type { Locator, Page } from "playwright-core"
import { appFetch, launchChromium, screenshotTest } from "./browser"

jest.setTimeout(180 * 1000)

const storefront = process.env.E2E_STOREFRONT_URL!

function ownerLogin(): { email: string; password: string } {
  const text = fs.readFileSync(path.join(process.env.E2E_ARTIFACTS!, "cms", "owner-credentials.txt"), "utf8")
  return { email: /email: (.*)/.exec(text)![1], password: /password: (.*)/.exec(text)![1] }
}

/** A call to the CMS's REST API as the signed-in owner (its token in Payload's JWT header). */
async function cmsApi(token: string | undefined, route: string, init: { method?: string; body?: unknown } = {}) {
  const res = await appFetch(`${storefront}/cms/api${route}`, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: { ...(token ? { authorization: `JWT ${token}` } : {}), ...(init.body ? { "content-type": "application/json" } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

/**
 * Fills a new banner in the CMS's editor and presses Publish changes until the editor shows `answer`. The editor's
 * heading shows the title once the form holds it, so the press waits for that: typing that landed before the page
 * was live would be lost.
 */
async function publishBanner(page: Page, fields: { title: string; text?: string; link: string }, answer: Locator) {
  await page.goto(`${storefront}/cms/collections/banners/create`, { waitUntil: "networkidle" })
  const typed = [
    [page.getByLabel("Title"), fields.title],
    ...(fields.text ? [[page.getByLabel("Text"), fields.text] as const] : []),
    [page.getByLabel("Link", { exact: true }), fields.link],
  ] as const
  // The editor merges the form state its server sends back into the form; a value typed while a merge was on its
  // way can be replaced by the one before it. Typed again (at most twice more) until every field holds its value.
  for (let round = 0; round < 3; round++) {
    for (const [field, value] of typed) {
      if ((await field.inputValue()) !== value) {
        await field.fill(value)
      }
    }
    await page.getByRole("heading", { name: fields.title }).waitFor()
    const held = await Promise.all(typed.map(async ([field, value]) => (await field.inputValue()) === value))
    if (held.every(Boolean)) {
      break
    }
  }
  // In a full test run a press has gone unanswered now and then (no toast, no message, after 30 s), never when the
  // file ran alone, even with the machine's cores busy: pressed again (at most twice more) when the editor has not
  // shown the expected answer in 20 s, and the test still fails if it never does.
  for (let press = 1; ; press++) {
    await page.getByRole("button", { name: "Publish changes" }).click()
    try {
      await answer.first().waitFor({ timeout: 20_000 })
      return
    } catch (err) {
      if (press === 3) {
        throw err
      }
      console.warn(`Publish changes pressed for "${fields.title}" got no answer in 20 s (press ${press}); pressing again`)
    }
  }
}

describe("the website's content in the CMS", () => {
  let page: Page
  let close: () => Promise<void>
  let token: string
  beforeAll(async () => {
    const browser = await launchChromium()
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage()
    close = () => browser.close()
    const login = await cmsApi(undefined, "/users/login", { body: ownerLogin() })
    expect(login.status).toBe(200)
    token = login.body.token as string
  })
  afterAll(() => close?.())
  afterEach(() => screenshotTest(page))

  it("shows on the home page a banner the owner published in /cms", async () => {
    const title = `Dhanteras gold week ${Date.now()}`
    const { email, password } = ownerLogin()
    await page.goto(`${storefront}/cms/login`)
    await page.getByLabel("Email").fill(email)
    await page.getByLabel("Password").fill(password)
    await page.getByRole("button", { name: "Login" }).click()
    await page.waitForURL(`${storefront}/cms`)

    await publishBanner(page, { title, text: "No making charges on gold coins until Sunday.", link: "/products?metal=gold" }, page.getByText("successfully"))

    await page.goto(storefront)
    const banner = page.locator(".banner").filter({ hasText: title })
    await banner.getByRole("heading", { name: title }).waitFor()
    await expect(banner.innerText()).resolves.toContain("No making charges on gold coins until Sunday.")
    expect(await banner.getByRole("link").getAttribute("href")).toBe("/products?metal=gold")
  })

  it("keeps a draft, and a banner past its last day, off the home page", async () => {
    const draft = await cmsApi(token, "/banners?draft=true", { body: { title: "Draft banner not for shoppers", _status: "draft" } })
    expect(draft.status).toBe(201)
    const ended = await cmsApi(token, "/banners", { body: { title: "Ended banner", _status: "published", endsOn: "2020-01-01T06:30:00.000Z" } })
    expect(ended.status).toBe(201)
    const home = await (await appFetch(storefront)).text()
    expect(home).toContain("Dhanteras gold week")
    expect(home).not.toContain("Draft banner not for shoppers")
    expect(home).not.toContain("Ended banner")
  })

  it("refuses a link that is not a path on the shop or an https address, with a message", async () => {
    await publishBanner(page, { title: "Bad link", link: "javascript:alert(1)" }, page.getByText("Use a path on the shop (/products) or an https:// address"))

    const refused = await cmsApi(token, "/banners", { body: { title: "Bad link", _status: "published", link: "//elsewhere.example.com" } })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain("Use a path on the shop (/products) or an https:// address")
    expect(await (await appFetch(storefront)).text()).not.toContain("Bad link")
  })

  it("shows the demo shop's guides, branches and questions, in Hindi too", async () => {
    await page.goto(`${storefront}/guides`)
    await page.getByRole("link", { name: "How to read a hallmark" }).click()
    await page.getByRole("heading", { level: 1, name: "How to read a hallmark" }).waitFor()
    await page.getByRole("heading", { name: "Checking a piece" }).waitFor()

    await page.goto(`${storefront}/branches`)
    await page.getByRole("link", { name: "Pune – Laxmi Road" }).click()
    await page.getByText("Tue–Sun 10:30–20:30").waitFor()
    await page.getByText("582 Laxmi Road").waitFor()
    expect(await page.getByRole("link", { name: "Pieces in stock at this branch" }).getAttribute("href")).toBe("/products?branch=PUN")

    await page.goto(`${storefront}/faq`)
    await page.getByText("What is HUID?").click()
    await page.getByText("A six-character code engraved on every hallmarked piece").waitFor()

    await page.context().addCookies([{ name: "jewel_lang", value: "hi", url: storefront }])
    await page.goto(`${storefront}/guides/how-to-read-a-hallmark`)
    await page.getByRole("heading", { level: 1, name: "हॉलमार्क कैसे पढ़ें" }).waitFor()
    // A guide without Hindi text keeps its English body.
    await page.goto(`${storefront}/guides/caring-for-gold-and-silver`)
    await page.getByRole("heading", { level: 1, name: "सोने-चाँदी की देखभाल" }).waitFor()
    await page.getByText("Keep each piece in its own soft pouch").waitFor()
    await page.context().clearCookies({ name: "jewel_lang" })
  })

  it("answers the CMS's API only to a signed-in editor", async () => {
    for (const route of ["/banners", "/users", "/guides?draft=true", "/banners?where[_status][equals]=draft"]) {
      expect((await cmsApi(undefined, route)).status).toBe(403)
    }
    expect((await cmsApi(undefined, "/banners", { body: { title: "x", _status: "published" } })).status).toBe(403)
    expect((await cmsApi(token, "/users")).status).toBe(200)
  })
})
