import { PUBLIC_JEWELRY_FIELDS, publicJewelryFields } from "../jewelry-attributes"

describe("public jewellery fields", () => {
  it("spells out every ask for all attributes as the public ones and drops the certificate", () => {
    const fields = publicJewelryFields("title,*variants.jewelry_attributes,+variants.jewelry_attributes.certificate,variants.jewelry_attributes.CERTIFICATE.file_id")
    expect(fields.split(",")).toEqual(["title", ...PUBLIC_JEWELRY_FIELDS.map((f) => `variants.jewelry_attributes.${f}`)])
    expect(publicJewelryFields("+variants.jewelry_attributes.*")).toContain("+variants.jewelry_attributes.huid")
    expect(publicJewelryFields("id,variants.jewelry_attributes.huid")).toBe("id,variants.jewelry_attributes.huid")
    expect(PUBLIC_JEWELRY_FIELDS).not.toContain("certificate")
  })
})
