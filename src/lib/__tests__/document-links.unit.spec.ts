import { checkSignedPath, linkKey, signedPath } from "../document-links"

describe("signed document links", () => {
  const key = linkKey("app-secret")
  const now = Date.UTC(2026, 11, 1, 10, 0, 0)
  const parse = (link: string) => {
    const url = new URL(link, "http://shop.example")
    return [url.pathname, url.searchParams.get("expires") ?? undefined, url.searchParams.get("signature") ?? undefined] as const
  }

  it("opens the document it was made for until it expires", () => {
    const [path, expires, signature] = parse(signedPath(key, "/documents/orders/order_1/invoice", 3600, now))
    expect(path).toBe("/documents/orders/order_1/invoice")
    expect(checkSignedPath(key, path, expires, signature, now + 3599_000)).toBe("ok")
    expect(checkSignedPath(key, path, expires, signature, now + 3601_000)).toBe("expired")
  })

  it("refuses another document, a longer expiry, another key or no signature", () => {
    const [path, expires, signature] = parse(signedPath(key, "/documents/orders/order_1/invoice", 3600, now))
    expect(checkSignedPath(key, "/documents/orders/order_2/invoice", expires, signature, now)).toBe("invalid")
    expect(checkSignedPath(key, path, String(Number(expires) + 86400), signature, now)).toBe("invalid")
    expect(checkSignedPath(linkKey("other-secret"), path, expires, signature, now)).toBe("invalid")
    expect(checkSignedPath(key, path, expires, undefined, now)).toBe("invalid")
    expect(checkSignedPath(key, path, "soon", signature, now)).toBe("invalid")
  })
})
