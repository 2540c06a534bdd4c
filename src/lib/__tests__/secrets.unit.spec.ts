import { checkBackupKey, checkCorsOrigins, checkProductionSecrets, cookieSecureDefault, productionConfigError } from "../secrets"

const good = {
  JWT_SECRET: "Zq3v9K0bX7yW2mN5pR8sT1uV4wX6yZ0aB3cD5eF7gH9j",
  COOKIE_SECRET: "a8Fk2Lm9Qp4Rs7Tv0Wx3Yz6Bc1De5Fg8Hj2Kl4Mn7Pq",
  PII_ENCRYPTION_KEY: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
}

describe("checkProductionSecrets", () => {
  it("accepts long random secrets and a 64-hex or base64 PII key", () => {
    expect(checkProductionSecrets(good)).toEqual([])
    expect(checkProductionSecrets({ ...good, PII_ENCRYPTION_KEY: Buffer.from(good.PII_ENCRYPTION_KEY, "hex").toString("base64") })).toEqual([])
  })

  it("names every variable that is empty or missing", () => {
    expect(checkProductionSecrets({})).toEqual([
      "JWT_SECRET is not set",
      "COOKIE_SECRET is not set",
      "PII_ENCRYPTION_KEY is not set",
    ])
    expect(checkProductionSecrets({ ...good, COOKIE_SECRET: "   " })).toEqual(["COOKIE_SECRET is not set"])
  })

  it.each(["supersecret", "secret", "SuperSecret", "changeme", "supersecretsupersecretsupersecretsupersecret", "x".repeat(40)])(
    "refuses the known default %p",
    (value) => {
      expect(checkProductionSecrets({ ...good, JWT_SECRET: value })).toEqual(["JWT_SECRET is a well-known default value"])
    }
  )

  it("refuses secrets shorter than 32 characters", () => {
    expect(checkProductionSecrets({ ...good, COOKIE_SECRET: "k8Jd72hsQ0pLm3Nz" })).toEqual([
      "COOKIE_SECRET is too short (16 characters; at least 32)",
    ])
    const exactly32 = "ab8Jd72hsQ0pLm3Nz4Xc9Vb2Nm5Qw7Er"
    expect(exactly32).toHaveLength(32)
    expect(checkProductionSecrets({ ...good, JWT_SECRET: exactly32 })).toEqual([])
  })

  it("refuses a PII key that is not 32 bytes, or a default one", () => {
    expect(checkProductionSecrets({ ...good, PII_ENCRYPTION_KEY: "abc123" })[0]).toMatch(/PII_ENCRYPTION_KEY must be a 32-byte key/)
    expect(checkProductionSecrets({ ...good, PII_ENCRYPTION_KEY: good.PII_ENCRYPTION_KEY.slice(2) })[0]).toMatch(/32-byte/)
    expect(checkProductionSecrets({ ...good, PII_ENCRYPTION_KEY: "0".repeat(64) })).toEqual([
      "PII_ENCRYPTION_KEY is a well-known default value",
    ])
  })

  it("refuses the same value for the JWT and cookie secrets", () => {
    expect(checkProductionSecrets({ ...good, COOKIE_SECRET: good.JWT_SECRET })).toEqual([
      "JWT_SECRET and COOKIE_SECRET are the same value; give each its own",
    ])
  })
})

describe("checkCorsOrigins", () => {
  it("accepts unset lists and lists of origins", () => {
    expect(checkCorsOrigins({})).toEqual([])
    expect(checkCorsOrigins({ STORE_CORS: "https://shop.example.com", ADMIN_CORS: "https://admin.example.com,https://x.example.com" })).toEqual([])
  })

  it("refuses a wildcard", () => {
    expect(checkCorsOrigins({ STORE_CORS: "https://shop.example.com, *", AUTH_CORS: "/.*/" })).toEqual([
      "STORE_CORS allows every origin; list the shop's own origins (e.g. https://shop.example.com)",
      "AUTH_CORS allows every origin; list the shop's own origins (e.g. https://shop.example.com)",
    ])
  })
})

describe("productionConfigError", () => {
  it("says nothing to a start that is explicitly for development or tests", () => {
    expect(productionConfigError({ NODE_ENV: "development" })).toBeUndefined()
    expect(productionConfigError({ NODE_ENV: "test", JWT_SECRET: "supersecret" })).toBeUndefined()
  })

  it("checks every other start: unset, staging, production", () => {
    expect(productionConfigError({})).toContain("(NODE_ENV=unset)")
    expect(productionConfigError({ NODE_ENV: "staging", JWT_SECRET: "supersecret" })).toContain("JWT_SECRET is a well-known default value")
    expect(productionConfigError({ NODE_ENV: "staging", ...good })).toBeUndefined()
  })

  it("in production lists every problem with the variables' names", () => {
    const message = productionConfigError({ NODE_ENV: "production", JWT_SECRET: "supersecret", STORE_CORS: "*" })!
    expect(message).toContain("(NODE_ENV=production)")
    expect(message).toContain("JWT_SECRET is a well-known default value")
    expect(message).toContain("COOKIE_SECRET is not set")
    expect(message).toContain("PII_ENCRYPTION_KEY is not set")
    expect(message).toContain("STORE_CORS allows every origin")
    expect(productionConfigError({ NODE_ENV: "production", ...good })).toBeUndefined()
  })
})

describe("cookieSecureDefault", () => {
  it("makes session cookies Secure when the shop is reached over HTTPS", () => {
    expect(cookieSecureDefault({ PUBLIC_URL: "https://shop.example.in" })).toBe("true")
    expect(cookieSecureDefault({ PUBLIC_URL: "http://localhost:9000" })).toBe("false")
    expect(cookieSecureDefault({})).toBe("false")
  })
})

describe("checkBackupKey", () => {
  const key = "3f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f9"
  it("asks nothing while no backup is scheduled", () => {
    expect(checkBackupKey({})).toEqual([])
    expect(productionConfigError({ NODE_ENV: "production", ...good })).toBeUndefined()
  })

  it("refuses a production start with scheduled backups and no usable BACKUP_ENCRYPTION_KEY", () => {
    expect(checkBackupKey({ BACKUP_SCHEDULE: "02:30" })).toEqual(["BACKUP_ENCRYPTION_KEY is not set (backups are scheduled: BACKUP_SCHEDULE)"])
    expect(checkBackupKey({ BACKUP_SCHEDULE: "02:30", BACKUP_ENCRYPTION_KEY: "not-a-key" })[0]).toContain("must be a 32-byte key")
    expect(checkBackupKey({ BACKUP_SCHEDULE: "02:30", BACKUP_ENCRYPTION_KEY: "0".repeat(64) })[0]).toContain("one byte repeated")
    expect(productionConfigError({ NODE_ENV: "production", ...good, BACKUP_SCHEDULE: "02:30" })).toContain("BACKUP_ENCRYPTION_KEY is not set")
  })

  it("accepts 32 bytes as hex or base64", () => {
    expect(checkBackupKey({ BACKUP_SCHEDULE: "02:30", BACKUP_ENCRYPTION_KEY: key })).toEqual([])
    expect(checkBackupKey({ BACKUP_SCHEDULE: "02:30", BACKUP_ENCRYPTION_KEY: Buffer.from(key, "hex").toString("base64") })).toEqual([])
  })
})
