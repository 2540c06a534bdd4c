import { parseDatabaseUrl, redact } from "../database"
import { LauncherError } from "../errors"

describe("DATABASE_URL parsing", () => {
  it("accepts postgres:// and postgresql:// URLs and reads the database name", () => {
    expect(parseDatabaseUrl("postgres://u:p@db.local:5432/shop").database).toBe("shop")
    expect(parseDatabaseUrl("postgresql://u@127.0.0.1/jewel%20crm").database).toBe("jewel crm")
  })

  it.each([
    ["not a url", /not a valid URL/],
    ["mysql://u:p@host/db", /must start with postgres:\/\//],
    ["postgres://u:p@host:5432/", /names no database/],
    ["postgres://u:p@host:5432", /names no database/],
  ])("explains what is wrong with %p in one line", (raw, message) => {
    let error: unknown
    try {
      parseDatabaseUrl(raw)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(LauncherError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).not.toContain("\n")
  })

  it("hides the password in messages", () => {
    const { url } = parseDatabaseUrl("postgres://shop:s3cret@db.local:5432/shop")
    expect(redact(url)).toBe("postgres://shop:****@db.local:5432/shop")
  })
})
