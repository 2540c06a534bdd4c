import { bangleDiameterMm, ringCircumferenceMm, ringDiameterMm, ringSizeFor } from "../sizes"

describe("ring and bangle sizes", () => {
  it("gives a ring size's inside diameter and circumference on the Indian (Japanese) scale", () => {
    expect([ringDiameterMm(1), ringDiameterMm(9), ringDiameterMm(14), ringDiameterMm(22)]).toEqual([13, 15.7, 17.3, 20])
    expect(ringCircumferenceMm(14)).toBe(54.5)
  })

  it("finds the size for a measured circumference, the nearest one within the scale", () => {
    expect(ringSizeFor(54.5)).toBe(14)
    expect(ringSizeFor(49.3)).toBe(9)
    expect([ringSizeFor(10), ringSizeFor(200)]).toEqual([1, 30])
  })

  it("reads a bangle size as inches and sixteenths", () => {
    expect([bangleDiameterMm("2.2"), bangleDiameterMm("2.4"), bangleDiameterMm("2.6"), bangleDiameterMm("2.8"), bangleDiameterMm("2.10")]).toEqual([54, 57.2, 60.3, 63.5, 66.7])
    expect([bangleDiameterMm("2.16"), bangleDiameterMm("big"), bangleDiameterMm("2")]).toEqual([undefined, undefined, undefined])
  })
})
