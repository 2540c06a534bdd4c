import { CsvError, parseCsv } from "../csv"

describe("parseCsv", () => {
  it("reads plain and quoted fields, CRLF and LF, and skips blank lines", () => {
    expect(parseCsv('a,b,c\r\n1,"two, too","say ""hi"""\n\n3,,"multi\nline"\n')).toEqual([
      ["a", "b", "c"],
      ["1", "two, too", 'say "hi"'],
      ["3", "", "multi\nline"],
    ])
  })

  it("keeps a last line without a line end", () => {
    expect(parseCsv("a,b\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ])
  })

  it.each([
    ['a,"b\n1,2', /quoted field is not closed/],
    ['a,b"c\n', /quote inside an unquoted field/],
  ])("refuses broken quoting in %p", (text, message) => {
    expect(() => parseCsv(text)).toThrow(CsvError)
    expect(() => parseCsv(text)).toThrow(message)
  })
})
