import { entityIds } from "../ids"

describe("entityIds", () => {
  it("makes unique ids of Medusa's shape whose first ten characters are the time, as a ULID's", () => {
    const ids = entityIds("offer", 5000, Date.UTC(2026, 11, 1, 6, 30))
    expect(new Set(ids).size).toBe(5000)
    for (const id of ids.slice(0, 50)) {
      expect(id).toMatch(/^offer_[0-9A-HJKMNP-TV-Z]{26}$/)
    }
    // 1 796 106 600 000 ms in base 32 (Crockford): the same prefix a ULID of that moment has.
    const decoded = [...ids[0].slice(6, 16)].reduce((n, c) => n * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(c), 0)
    expect(decoded).toBe(Date.UTC(2026, 11, 1, 6, 30))
    expect(entityIds("x", 0)).toEqual([])
  })
})
