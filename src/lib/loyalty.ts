/**
 * Loyalty rules as pure functions (docs/architecture.md, "Loyalty"): how many
 * points an order earns, which tier a customer's rolling spend reaches,
 * whether a redemption is allowed, and which earned lots a redemption consumes
 * (first to expire, first used). Points are whole numbers; money is integer
 * paise.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { mulDivHalfUp } from "./money"

export type Tier = { name: string; min_spend_paise: number; multiplier_bp: number }

export type LoyaltyProgram = {
  /** What earns points: the taxable value of the pieces, or only their making charges. */
  earn_basis: "taxable_value" | "making_charges"
  /** Points per ₹100 of the basis, before the tier multiplier. */
  points_per_100_rupees: number
  /** What one point is worth when redeemed, in paise. */
  point_value_paise: number
  min_balance_to_redeem: number
  /** Largest share of an order payable with points, in basis points (2000 = 20 %). */
  max_redeem_share_bp: number
  /** Points expire this many months after they are earned; null: never. */
  expiry_months: number | null
  /** Rolling 12-month spend thresholds, lowest first; the first has threshold 0. */
  tiers: Tier[]
  welcome_bonus: number
  birthday_bonus: number
  anniversary_bonus: number
}

export const DEFAULT_PROGRAM: LoyaltyProgram = {
  earn_basis: "taxable_value",
  points_per_100_rupees: 1,
  point_value_paise: 100,
  min_balance_to_redeem: 100,
  max_redeem_share_bp: 2000,
  expiry_months: 24,
  tiers: [
    { name: "Silver", min_spend_paise: 0, multiplier_bp: 10_000 },
    { name: "Gold", min_spend_paise: 2_00_000_00, multiplier_bp: 12_500 },
    { name: "Platinum", min_spend_paise: 10_00_000_00, multiplier_bp: 15_000 },
  ],
  welcome_bonus: 0,
  birthday_bonus: 100,
  anniversary_bonus: 100,
}

const whole = (n: number) => Number.isInteger(n) && n >= 0

/** What is wrong with a program, in words a shop owner understands; empty when it is consistent. */
export function programProblems(p: LoyaltyProgram): string[] {
  const problems: string[] = []
  if (!whole(p.points_per_100_rupees) || p.points_per_100_rupees < 1) {
    problems.push("points per ₹100 must be a whole number of at least 1")
  }
  if (!whole(p.point_value_paise) || p.point_value_paise < 1) {
    problems.push("a point must be worth at least 1 paisa")
  }
  if (!whole(p.min_balance_to_redeem)) {
    problems.push("the minimum balance to redeem must be a whole number of points")
  }
  if (!whole(p.max_redeem_share_bp) || p.max_redeem_share_bp < 1 || p.max_redeem_share_bp > 10_000) {
    problems.push("the largest share of an order payable by points must be between 0.01 % and 100 %")
  }
  if (p.expiry_months !== null && (!whole(p.expiry_months) || p.expiry_months < 1 || p.expiry_months > 120)) {
    problems.push("points must expire after 1 to 120 months, or never")
  }
  if (!p.tiers.length || p.tiers[0].min_spend_paise !== 0) {
    problems.push("the first tier must start at ₹0 of spend")
  }
  p.tiers.forEach((tier, i) => {
    if (!tier.name.trim()) {
      problems.push(`tier ${i + 1} needs a name`)
    }
    if (!whole(tier.min_spend_paise) || (i > 0 && tier.min_spend_paise <= p.tiers[i - 1].min_spend_paise)) {
      problems.push(`tier thresholds must increase: "${tier.name}" does not start above "${p.tiers[i - 1]?.name ?? ""}"`)
    }
    if (!whole(tier.multiplier_bp) || tier.multiplier_bp < 10_000 || (i > 0 && tier.multiplier_bp < p.tiers[i - 1].multiplier_bp)) {
      problems.push(`tier multipliers must be at least 1× and never fall: "${tier.name}"`)
    }
  })
  if (new Set(p.tiers.map((t) => t.name.trim().toLowerCase())).size !== p.tiers.length) {
    problems.push("tier names must differ")
  }
  for (const key of ["welcome_bonus", "birthday_bonus", "anniversary_bonus"] as const) {
    if (!whole(p[key])) {
      problems.push(`${key.replace("_", " ")} must be a whole number of points`)
    }
  }
  return problems
}

/** Points for a basis in paise: floor(basis / ₹100 × rate × multiplier), in integer arithmetic. */
export function pointsEarned(basisPaise: number, program: Pick<LoyaltyProgram, "points_per_100_rupees">, multiplierBp = 10_000): number {
  if (!whole(basisPaise) || !whole(multiplierBp)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `basis and multiplier must be whole numbers, got ${basisPaise} and ${multiplierBp}`)
  }
  const points = (BigInt(basisPaise) * BigInt(program.points_per_100_rupees) * BigInt(multiplierBp)) / (10_000n * 10_000n)
  return Number(points)
}

/** The highest tier whose threshold the rolling spend reaches. */
export function tierFor(spendPaise: number, tiers: Tier[]): Tier {
  return [...tiers].reverse().find((t) => spendPaise >= t.min_spend_paise) ?? tiers[0]
}

/**
 * Why a redemption may not go ahead, or null. `orderTotalPaise` is given when
 * the points pay part of an order (the share limit applies). A `balance` of
 * null leaves out the balance rules, for a caller that checks them later
 * under the account lock.
 */
export function redemptionProblem(
  points: number,
  balance: number | null,
  program: Pick<LoyaltyProgram, "min_balance_to_redeem" | "max_redeem_share_bp" | "point_value_paise">,
  orderTotalPaise?: number
): string | null {
  if (!Number.isInteger(points) || points <= 0) {
    return "points to redeem must be a whole number above 0"
  }
  if (balance !== null && balance < program.min_balance_to_redeem) {
    return `a balance of at least ${program.min_balance_to_redeem} points is needed to redeem; the balance is ${balance}`
  }
  if (balance !== null && points > balance) {
    return `not enough points: the balance is ${balance}, ${points} were asked for`
  }
  if (orderTotalPaise !== undefined) {
    const most = mostPointsForBill(orderTotalPaise, program)
    if (points > most) {
      return `at most ${most} points can pay for this order (${program.max_redeem_share_bp / 100} % of it)`
    }
  }
  return null
}

/** The most points that may pay a bill of `billPaise` (the program's share of it, in whole points). */
export function mostPointsForBill(billPaise: number, program: Pick<LoyaltyProgram, "max_redeem_share_bp" | "point_value_paise">): number {
  if (billPaise <= 0) {
    return 0
  }
  return Number((BigInt(billPaise) * BigInt(program.max_redeem_share_bp)) / (10_000n * BigInt(program.point_value_paise)))
}

/** The most points a customer with `balance` may put on a bill: the share limit, the balance, and nothing below the minimum balance. */
export function redeemablePoints(
  balance: number,
  billPaise: number,
  program: Pick<LoyaltyProgram, "min_balance_to_redeem" | "max_redeem_share_bp" | "point_value_paise">
): number {
  if (balance < program.min_balance_to_redeem || balance <= 0) {
    return 0
  }
  return Math.min(balance, mostPointsForBill(billPaise, program))
}

/**
 * The points that go with a part of an order (a return): the entry's points
 * × part / whole, rounded half up, never more than what is still open.
 */
export function pointsForPart(entryPoints: number, partPaise: number, wholePaise: number, open: number): number {
  if (wholePaise <= 0 || partPaise <= 0 || open <= 0) {
    return 0
  }
  return Math.min(open, mulDivHalfUp(Math.abs(entryPoints), Math.min(partPaise, wholePaise), wholePaise))
}

export type Lot = { id: string; remaining: number; expires_at: Date | string | null; created_at: Date | string }

/** Which earned lots a deduction of `points` consumes: soonest to expire first, never-expiring last. */
export function allocateFifo(lots: Lot[], points: number): { id: string; take: number }[] {
  const ordered = [...lots]
    .filter((l) => l.remaining > 0)
    .sort((a, b) => {
      const ea = a.expires_at ? new Date(a.expires_at).getTime() : Infinity
      const eb = b.expires_at ? new Date(b.expires_at).getTime() : Infinity
      return ea - eb || new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id)
    })
  const takes: { id: string; take: number }[] = []
  let left = points
  for (const lot of ordered) {
    if (left <= 0) {
      break
    }
    const take = Math.min(lot.remaining, left)
    takes.push({ id: lot.id, take })
    left -= take
  }
  return takes
}

/** When points earned at `at` expire under the program (null: never). */
export function expiryFor(at: Date, program: Pick<LoyaltyProgram, "expiry_months">): Date | null {
  if (program.expiry_months === null) {
    return null
  }
  const expires = new Date(at)
  expires.setUTCMonth(expires.getUTCMonth() + program.expiry_months)
  return expires
}
