/**
 * Ring and bangle sizes as Indian jewellers give them. Pure.
 *
 * - A ring's Indian size follows the Japanese scale: size 1 is 13.0 mm
 *   across the inside, and each size adds a third of a millimetre
 *   (size 9 ≈ 15.7 mm, US 5; size 14 ≈ 17.3 mm, US 7).
 * - A bangle's size is its inside diameter in inches and sixteenths:
 *   "2.4" is 2 4⁄16 in = 57.2 mm, "2.10" is 2 10⁄16 in = 66.7 mm.
 */
const exactDiameter = (size: number) => 13 + (size - 1) / 3
const tenth = (mm: number) => Math.round(mm * 10) / 10

export function ringDiameterMm(size: number): number {
  return tenth(exactDiameter(size))
}

export function ringCircumferenceMm(size: number): number {
  return tenth(exactDiameter(size) * Math.PI)
}

/** The Indian ring size for a measured inside circumference (mm), the nearest one, within sizes 1–30. */
export function ringSizeFor(circumferenceMm: number): number {
  const size = Math.round(((circumferenceMm / Math.PI - 13) * 3) + 1)
  return Math.min(30, Math.max(1, size))
}

/** "2.4" → 57.2 mm; undefined for a size that is not inches and sixteenths. */
export function bangleDiameterMm(size: string): number | undefined {
  const match = /^(\d)\.(\d{1,2})$/.exec(size.trim())
  if (!match || Number(match[2]) > 15) {
    return undefined
  }
  return tenth((Number(match[1]) + Number(match[2]) / 16) * 25.4)
}

export const RING_SIZES = Array.from({ length: 25 }, (_, i) => i + 4)
export const BANGLE_SIZES = ["2.2", "2.4", "2.6", "2.8", "2.10", "2.12"]
