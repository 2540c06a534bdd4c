/**
 * The admin as staff use it, in Debian's Chromium: log in, open a demo
 * customer, and see the Customer 360 widget with that customer's profile and
 * purchases, then the CRM page. The app was started by the e2e layer exactly
 * as `npm start` starts it (launcher/e2e.ts).
 */
import { adminToken, appFetch, base, logIn, useBrowser } from "./browser"

jest.setTimeout(180 * 1000)

describe("admin in a browser", () => {
  const browser = useBrowser()

  it("logs in, opens a demo customer and shows the Customer 360 widget", async () => {
    // Demo customer no. 1, found by phone as staff would type it.
    const token = await adminToken()
    const search = await appFetch(`${base}/admin/crm/customers?q=${encodeURIComponent("98201 00001")}`, { headers: { authorization: `Bearer ${token}` } })
    const { customers } = (await search.json()) as { customers: { id: string; first_name: string; last_name: string }[] }
    expect(customers).toHaveLength(1)
    const customer = customers[0]
    const view = (await (await appFetch(`${base}/admin/crm/customers/${customer.id}/360`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      profile: { phone: string }
    }

    const page = browser.page()
    await logIn(page)

    await page.goto(`${base}/app/customers/${customer.id}`)
    await page.getByRole("heading", { name: "Customer 360" }).waitFor({ timeout: 60_000 })
    await page.getByText("Lifetime value").waitFor()
    await expect(page.getByText(view.profile.phone).first().isVisible()).resolves.toBe(true)
    await expect(page.getByText("Favourite metal").isVisible()).resolves.toBe(true)
    await expect(page.getByRole("button", { name: "Log interaction" }).isVisible()).resolves.toBe(true)
    await expect(page.getByText("Recent orders").isVisible()).resolves.toBe(true)

    // The 360 opens the page: above Medusa's own sections (the customer's details and its Orders table).
    const ordersSection = page.getByRole("heading", { name: "Orders", exact: true }).first()
    await ordersSection.waitFor()
    const [top360, topOrders] = await Promise.all([page.getByRole("heading", { name: "Customer 360" }).boundingBox(), ordersSection.boundingBox()])
    expect(top360!.y).toBeLessThan(topOrders!.y)
  })

  it("shows the CRM page with today's follow-ups and a customer search", async () => {
    const page = browser.page()
    await page.goto(`${base}/app/crm`)
    await page.getByRole("heading", { name: "Follow-ups due today and overdue" }).waitFor({ timeout: 60_000 })
    await page.getByPlaceholder(/Name, email, phone/).fill("98201 00001")
    // The list narrows to the one customer with that phone (the search waits for typing to pause).
    await page.waitForFunction(() => document.querySelector("table tbody")?.querySelectorAll("tr").length === 1, undefined, { timeout: 30_000 })
    await expect(page.locator("table tbody tr").first().innerText()).resolves.toContain("+919820100001")
  })

  it("shows the Messages page and previews a Hindi template before saving", async () => {
    const page = browser.page()
    await page.goto(`${base}/app/messages`)
    await page.getByRole("heading", { name: "Messages", exact: true }).waitFor({ timeout: 60_000 })
    await page.getByRole("heading", { name: "Templates" }).waitFor()
    await page.getByLabel("Template").fill("नमस्ते {{customer_name}}, ऑर्डर {{order_number}} मिला। – {{shop_name}}")
    await page.getByRole("button", { name: "Preview" }).click()
    await page.getByText("नमस्ते Meera, ऑर्डर #1042 मिला। – Shree Ganesh Jewellers").waitFor({ timeout: 30_000 })
  })

  it("shows the preference model's figures and makes a new-arrivals call list", async () => {
    const page = browser.page()
    await page.goto(`${base}/app/preferences`)
    await page.getByRole("heading", { name: "Preference model" }).waitFor({ timeout: 60_000 })
    // The demo seed trained the model once: its figures against both baselines.
    await page.getByText(/^Current model, trained/).waitFor({ timeout: 30_000 })
    for (const ranking of ["popularity", "attribute affinity", "preference model"]) {
      await expect(page.getByRole("cell", { name: ranking, exact: true }).count()).resolves.toBe(1)
    }
    // One model, nothing to roll back to.
    await expect(page.getByRole("button", { name: "Roll back to the previous model" }).isDisabled()).resolves.toBe(true)
    await page.getByRole("button", { name: "Make a list for the last day's pieces now" }).click()
    // The demo's pieces all came in with the seed: a list of them, the customers to call in a table.
    await page.getByText(/ pieces · \d+ calls?$/).waitFor({ timeout: 60_000 })
    await expect(page.getByRole("columnheader", { name: "Show them" }).count()).resolves.toBe(1)
  })
})
