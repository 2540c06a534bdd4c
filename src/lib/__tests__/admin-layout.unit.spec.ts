import fs from "node:fs"
import path from "node:path"
import { CUSTOMER_360_WIDGET_ID, withCustomer360First } from "../admin-layout"

describe("the customer page's default layout", () => {
  const key = `widget:${CUSTOMER_360_WIDGET_ID}`

  it("puts the Customer 360 before Medusa's sections on a fresh install", () => {
    expect(withCustomer360First(null)).toEqual({ [key]: { order: -1 } })
  })

  it("goes in front of a layout the shop saved, keeping the shop's own order", () => {
    const saved = { "core:CustomerGeneralSection": { order: 0 }, "core:CustomerOrderSection": { order: -3 }, "widget:other": { hidden: true } }
    expect(withCustomer360First(saved)).toEqual({ ...saved, [key]: { order: -4 } })
  })

  it("leaves a layout that already places the 360 as the shop chose it", () => {
    expect(withCustomer360First({ [key]: { order: 5 } })).toBeNull()
    expect(withCustomer360First({ [key]: { hidden: true } })).toBeNull()
  })

  it("names the same id as the widget's config, which the admin build reads", () => {
    const widget = fs.readFileSync(path.join(__dirname, "../../admin/widgets/customer-360.tsx"), "utf8")
    expect(widget).toContain(`id: "${CUSTOMER_360_WIDGET_ID}"`)
  })
})
