/**
 * Roles in the admin: the demo shop's Pune salesperson (its password from
 * admin-credentials.txt) cannot use the Metal rates page nor read a PAN in full; the owner
 * sees every staff user's role on the Staff & roles page.
 */
import { admin, adminToken, appFetch, base, demoStaff, logIn, useBrowser } from "./browser"

jest.setTimeout(180 * 1000)

const sales = () => demoStaff("sales.pune@jewel-crm.local")

describe("staff roles in a browser", () => {
  const browser = useBrowser()

  it("keeps a salesperson out of the Metal rates page and away from the full PAN", async () => {
    const ownerToken = await adminToken()
    const created = await appFetch(`${base}/admin/crm/customers`, {
      method: "POST",
      headers: { authorization: `Bearer ${ownerToken}`, "content-type": "application/json" },
      body: JSON.stringify({ first_name: "Zoya", phone: "98200 66666", pan: "KLMNO1234P" }),
    })
    expect(created.status).toBe(201)
    const { customer } = (await created.json()) as { customer: { id: string } }

    const salesToken = await adminToken(sales())
    const pan = await appFetch(`${base}/admin/crm/customers/${customer.id}/pan`, { headers: { authorization: `Bearer ${salesToken}` } })
    expect(pan.status).toBe(403)
    const publish = await appFetch(`${base}/admin/metal-rates`, {
      method: "POST",
      headers: { authorization: `Bearer ${salesToken}`, "content-type": "application/json" },
      body: JSON.stringify({ rates: [{ metal: "gold", purity: 916, rate_per_g: "7000.00" }] }),
    })
    expect(publish.status).toBe(403)

    const page = browser.page()
    await logIn(page, sales())
    await page.goto(`${base}/app/metal-rates`)
    await page.getByRole("heading", { name: "Not available for your role" }).waitFor({ timeout: 60_000 })
    await expect(page.getByText("Sales staff may not publish metal rates").isVisible()).resolves.toBe(true)

    await page.goto(`${base}/app/customers/${customer.id}`)
    await page.getByRole("heading", { name: "Customer 360" }).waitFor({ timeout: 60_000 })
    await expect(page.getByText("KLMNO****P").first().isVisible()).resolves.toBe(true)
    await expect(page.getByText("KLMNO1234P").count()).resolves.toBe(0)
  })

  it("lists the staff with their roles for the owner", async () => {
    const page = browser.page()
    await page.context().clearCookies()
    await logIn(page)
    await page.goto(`${base}/app/staff`)
    await page.getByRole("heading", { name: "Staff & roles" }).waitFor({ timeout: 60_000 })
    await page.getByText("sales.pune@jewel-crm.local").waitFor()
    await expect(page.getByText("Branch manager").first().isVisible()).resolves.toBe(true)
  })
})
