import { withoutCertificates } from "../jewelry-attributes"

describe("store product answers", () => {
  it("leave out every piece's certificate, in lists and single products", () => {
    const attributes = () => ({ metal: "gold", huid: "AB12CD", certificate: { lab: "IGI", number: "LG1", file_id: "f" } })
    const list = withoutCertificates({ products: [{ variants: [{ id: "v1", jewelry_attributes: attributes() }, { id: "v2", jewelry_attributes: null }] }, { title: "no variants" }] })
    expect(list.products[0].variants![0].jewelry_attributes).toEqual({ metal: "gold", huid: "AB12CD" })
    const one = withoutCertificates({ product: { variants: [{ jewelry_attributes: attributes() }] } })
    expect(one.product.variants[0].jewelry_attributes).toEqual({ metal: "gold", huid: "AB12CD" })
    expect(withoutCertificates({ message: "x" })).toEqual({ message: "x" })
  })
})
