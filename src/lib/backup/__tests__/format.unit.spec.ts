import { backupKeyProblem, decodeKey, keyCheck, newSalt } from "../crypto"
import { backupName, countLines, decodeHeader, encodeHeader, frame, parseBackupName, RECORD_END, RecordReader, recordStart, smallRecord, type FileHeader } from "../format"
import { relation } from "../db"
import { compareVersions, migrationMismatch, scriptsToRun } from "../restore"

async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) {
    yield bytes.subarray(i, i + size)
  }
}

const stream = Buffer.concat([
  smallRecord("S", "", Buffer.from('{"a":1}')),
  recordStart("T", "customer"),
  frame(Buffer.from("cus_1\tMeera\n")),
  frame(Buffer.from("cus_2\tRavi\\nKumar\n")),
  RECORD_END,
  recordStart("F", "private/invoices/Ä.pdf"),
  frame(Buffer.from("%PDF")),
  RECORD_END,
  smallRecord("E", "", Buffer.from("{}")),
])

async function readAll(source: AsyncIterable<Buffer>) {
  const reader = new RecordReader(source)
  const out: [string, string, string][] = []
  for (let r = await reader.next(); r; r = await reader.next()) {
    out.push([r.kind, r.name, await reader.bodyText()])
  }
  return out
}

describe("backup records", () => {
  const expected = [
    ["S", "", '{"a":1}'],
    ["T", "customer", "cus_1\tMeera\ncus_2\tRavi\\nKumar\n"],
    ["F", "private/invoices/Ä.pdf", "%PDF"],
    ["E", "", "{}"],
  ]

  it.each([1, 3, 7, 1000])("read back the same records whatever the chunking (%p bytes)", async (size) => {
    expect(await readAll(pieces(stream, size))).toEqual(expected)
  })

  it("names a stream that stops inside a record as truncated", async () => {
    await expect(readAll(pieces(stream.subarray(0, stream.length - 6), 5))).rejects.toThrow("the backup is truncated: it ends inside a record")
  })

  it("refuses an unknown record kind", async () => {
    await expect(readAll(pieces(Buffer.from("Z\0\0"), 5))).rejects.toThrow("unknown record kind 0x5a")
  })

  it("counts COPY rows by their line ends (a newline inside a value is written \\n)", () => {
    expect(countLines(Buffer.from("cus_1\tMeera\ncus_2\tRavi\\nKumar\n"))).toBe(2)
    expect(countLines(Buffer.alloc(0))).toBe(0)
  })
})

describe("file header", () => {
  const header: FileHeader = {
    format: 1,
    created_at: "2026-03-01T20:00:00.000Z",
    app_version: "0.1.0",
    cipher: "aes-256-gcm",
    kdf: "hkdf-sha256",
    compression: "gzip",
    salt: "c2FsdA==",
    iv: "aXY=",
    key_check: "00",
  }

  it("reads back what it wrote, and refuses other files and damage", () => {
    const bytes = encodeHeader(header)
    expect(decodeHeader(Buffer.concat([bytes, Buffer.from("ciphertext")])).header).toEqual(header)
    expect(() => decodeHeader(Buffer.from("%PDF-1.7 not a backup"))).toThrow("not a jewel-crm backup")
    expect(() => decodeHeader(bytes.subarray(0, 20))).toThrow("truncated: it ends inside its header")
    expect(() => decodeHeader(encodeHeader({ ...header, format: 2 }))).toThrow("the backup has format 2; this version reads format 1")
  })

  it("names backups so that they sort by time, and reads the time back", () => {
    const at = new Date("2026-03-01T20:00:05.123Z")
    expect(backupName(at)).toBe("jewel-crm-2026-03-01T20-00-05-123Z.jcrm-backup")
    expect(parseBackupName(backupName(at))).toEqual(at)
    expect(parseBackupName("jewel-crm-2026-03-01T20-00-05-123Z.jcrm-backup.json")).toBeUndefined()
    expect(parseBackupName("notes.txt")).toBeUndefined()
  })
})

describe("backup key", () => {
  const hex = "3f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f9"

  it("takes 32 bytes as hex or base64, nothing else", () => {
    expect(decodeKey(hex)).toEqual(Buffer.from(hex, "hex"))
    expect(decodeKey(Buffer.from(hex, "hex").toString("base64"))).toEqual(Buffer.from(hex, "hex"))
    expect(decodeKey(Buffer.from(hex, "hex").toString("base64url"))).toEqual(Buffer.from(hex, "hex"))
    expect(decodeKey(hex.slice(2))).toBeUndefined()
    expect(decodeKey("correct horse battery staple")).toBeUndefined()
    expect(backupKeyProblem(undefined)).toBe("BACKUP_ENCRYPTION_KEY is not set")
    expect(backupKeyProblem(hex)).toBeUndefined()
  })

  it("key check: the same for the same key and salt, different for another key", () => {
    const salt = newSalt()
    const key = Buffer.from(hex, "hex")
    const other = Buffer.from(hex.replace(/^3f/, "3e"), "hex")
    expect(keyCheck(key, salt)).toBe(keyCheck(Buffer.from(hex, "hex"), salt))
    expect(keyCheck(other, salt)).not.toBe(keyCheck(key, salt))
    expect(keyCheck(key, newSalt())).not.toBe(keyCheck(key, salt))
  })
})

describe("restoring onto this code", () => {
  const state = { modules: ["Migration1", "Migration2"], links: ["cart_promotion"], scripts: ["a.js"] }

  it("accepts the same migrations in any order", () => {
    expect(migrationMismatch(state, { ...state, modules: ["Migration2", "Migration1"] }, "0.1.0", "0.1.0")).toBeUndefined()
  })

  it("names what differs, both ways", () => {
    expect(migrationMismatch({ ...state, modules: [...state.modules, "Migration3"] }, state, "0.2.0", "0.1.0")).toBe(
      "the backup's schema (app 0.2.0) differs from this code's (app 0.1.0): 1 modules migration(s) this code does not have (Migration3). " +
        "Restore with the app version that made the backup, then upgrade"
    )
    expect(migrationMismatch(state, { ...state, links: ["cart_promotion", "branch_stock"] }, "0.1.0", "0.2.0")).toContain(
      "1 links migration(s) newer than the backup (branch_stock)"
    )
  })

  it("leaves data scripts the backup had not run to run after the load, but refuses scripts it does not know", () => {
    const code = { ...state, scripts: ["a.js", "b.js"] }
    expect(migrationMismatch(state, code, "0.1.0", "0.2.0")).toBeUndefined()
    expect(scriptsToRun(state, code)).toEqual(["b.js"])
    expect(migrationMismatch(code, state, "0.2.0", "0.1.0")).toContain("1 scripts migration(s) this code does not have (b.js)")
  })

  it("takes a backup from before the CMS into code with it, but not a backup with CMS migrations the code lacks or newer ones", () => {
    const withCms = { ...state, cms: ["20261207_051920_initial"] }
    expect(migrationMismatch(state, withCms, "0.1.0", "0.2.0")).toBeUndefined()
    expect(migrationMismatch(withCms, withCms, "0.2.0", "0.2.0")).toBeUndefined()
    expect(migrationMismatch(withCms, state, "0.2.0", "0.1.0")).toContain("1 cms migration(s) this code does not have (20261207_051920_initial)")
    expect(migrationMismatch(withCms, { ...state, cms: [...withCms.cms, "20270101_000000_pages"] }, "0.2.0", "0.3.0")).toContain(
      "1 cms migration(s) newer than the backup (20270101_000000_pages)"
    )
  })

  it("names a table or sequence of another schema with its schema, a public one as backups always did", () => {
    expect(relation("order")).toBe(`"order"`)
    expect(relation("payload.banners")).toBe(`"payload"."banners"`)
    expect(relation('odd"name')).toBe(`"odd""name"`)
  })

  it("compares versions by their numbers", () => {
    expect(compareVersions("0.10.0", "0.9.9")).toBeGreaterThan(0)
    expect(compareVersions("1.2.3", "1.2.3")).toBe(0)
    expect(compareVersions("1.2.3", "1.3.0")).toBeLessThan(0)
  })
})
