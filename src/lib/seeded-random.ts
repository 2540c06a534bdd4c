/**
 * mulberry32: a small, fast generator of numbers in [0, 1) from a 32-bit seed, the same on every machine — for
 * whatever must come out alike run after run (the preference model's starting factors, the bench's synthetic
 * shop, the fuzz suite's cases). Not for anything secret.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
