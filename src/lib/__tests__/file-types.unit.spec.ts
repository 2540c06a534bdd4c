import { checkUpload, sniffFileType } from "../file-types"

const pdf = Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n")
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46])
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])
const webp = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0x24, 0, 0, 0]), Buffer.from("WEBPVP8 ")])
const exe = Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1")

describe("file types from content", () => {
  it("recognises PDF, JPEG, PNG and WebP by their first bytes", () => {
    expect(sniffFileType(pdf)?.mime).toBe("application/pdf")
    expect(sniffFileType(jpeg)?.mime).toBe("image/jpeg")
    expect(sniffFileType(png)?.mime).toBe("image/png")
    expect(sniffFileType(webp)?.mime).toBe("image/webp")
    expect(sniffFileType(exe)).toBeNull()
    expect(sniffFileType(Buffer.from("  %PDF-1.4"))).toBeNull()
  })

  const certificate = { allowed: ["application/pdf", "image/jpeg", "image/png"] as const, max_bytes: 1024 }
  const check = (bytes: Buffer, filename: string) => checkUpload({ bytes, filename }, { allowed: [...certificate.allowed], max_bytes: certificate.max_bytes })

  it("takes a file whatever it is named and refuses one disguised by its name", () => {
    expect(check(png, "scan.pdf").mime).toBe("image/png")
    expect(() => check(exe, "igi-certificate.pdf")).toThrow("igi-certificate.pdf is not a PDF, JPEG, PNG file whatever its .pdf name says")
    expect(() => check(webp, "photo.png")).toThrow("(it is a WebP)")
  })

  it("refuses empty and oversize files with the limit in words", () => {
    expect(() => check(Buffer.alloc(0), "empty.pdf")).toThrow("empty.pdf is empty")
    expect(() => check(Buffer.concat([pdf, Buffer.alloc(2000)]), "big.pdf")).toThrow("big.pdf is 2 KB; the limit is 1 KB")
    expect(() => checkUpload({ bytes: Buffer.alloc(11 * 1024 * 1024, 0x25), filename: "huge.pdf" }, { allowed: ["application/pdf"], max_bytes: 10 * 1024 * 1024 })).toThrow("huge.pdf is 11 MB; the limit is 10 MB")
  })
})
