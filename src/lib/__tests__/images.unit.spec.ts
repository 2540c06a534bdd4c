import { fileSafe, imageCodeFromFilename } from "../images"

describe("photo file names", () => {
  it("read the tag or design code and the photo's place", () => {
    expect(imageCodeFromFilename("SGJ-RINGS-001-1.jpg")).toEqual({ code: "SGJ-RINGS-001-1", position: 1 })
    expect(imageCodeFromFilename("sgj-rings-001-1__2.JPEG")).toEqual({ code: "SGJ-RINGS-001-1", position: 2 })
    expect(imageCodeFromFilename("photos/Temple Haar 12.webp")).toEqual({ code: "TEMPLE HAAR 12", position: 1 })
    expect(imageCodeFromFilename("D-7781")).toEqual({ code: "D-7781", position: 1 })
    expect(() => imageCodeFromFilename("__2.png")).toThrow(/does not name/)
    expect(() => imageCodeFromFilename(".jpg")).toThrow(/does not name/)
  })

  it("keep stored names to safe characters", () => {
    expect(fileSafe("TEMPLE HAAR/12")).toBe("TEMPLE-HAAR-12")
    expect(fileSafe("***")).toBe("file")
  })
})
