import { pgArray } from "../pg-array"

describe("pgArray", () => {
  it("quotes every element, escapes quotes and backslashes, and writes NULL for missing values", () => {
    expect(pgArray(["a", "b c", 'say "hi"', "back\\slash", null, undefined, 5])).toBe('{"a","b c","say \\"hi\\"","back\\\\slash",NULL,NULL,"5"}')
    expect(pgArray([])).toBe("{}")
    expect(pgArray(['{"k":"v"}'])).toBe('{"{\\"k\\":\\"v\\"}"}')
  })
})
