import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { allocateFifo, DEFAULT_PROGRAM, redemptionProblem, type LoyaltyProgram } from "../../lib/loyalty"
import { entityIds } from "../../lib/ids"
import { pgArray } from "../../lib/pg-array"
import { CartRedemption } from "./models/cart-redemption"
import { LoyaltyAccount } from "./models/loyalty-account"
import { LoyaltyProgramSettings } from "./models/loyalty-program"
import { PointsEntry } from "./models/points-entry"

/** The ledger key of a cart redemption's deduction; the attempt changes when a failed completion gave the points back. */
export const cartRedemptionKey = (redemptionId: string, attempt: number) => `cart-redemption:${redemptionId}:${attempt}`

export type EntryType = "earn" | "redeem" | "expire" | "adjust" | "reverse" | "bonus"

export type PostEntryInput = {
  customer_id: string
  type: EntryType
  /** Signed whole points. */
  points: number
  idempotency_key: string
  expires_at?: Date | null
  order_id?: string | null
  branch_id?: string | null
  user_id?: string | null
  reason?: string | null
  reverses_entry_id?: string | null
  /** Deductions may take the balance below zero only when this is set (reversals of earned points already spent). */
  allow_negative?: boolean
  /** A deduction needs at least this balance first (the program's minimum to redeem), checked under the lock. */
  min_balance?: number
}

/** What a customers' merge moved between points accounts: each merged account's balance, lifetime and entries. */
export type AccountsMerge = {
  survivor_account_id: string | null
  created_survivor_account: boolean
  moved: { account_id: string; customer_id: string; balance: number; lifetime_earned: number; entry_ids: string[] }[]
  /** The points the survivor gained. */
  points: number
}

export type ReverseEntryInput = {
  entry_id: string
  idempotency_key: string
  /** Part of the entry (a partial return); the whole open remainder when absent. */
  points?: number
  reason?: string | null
  user_id?: string | null
}

/** Points taken in store (the counter, a draft order, a bill outside the shop's orders). */
export type RedeemPointsInput = {
  customer_id: string
  /** Points to take, as a positive whole number. */
  points: number
  idempotency_key: string
  /** The bill the points pay part of: the program's share limit applies to it. */
  order_total_paise?: number
  order_id?: string | null
  branch_id?: string | null
  user_id?: string | null
  reason?: string | null
}

export type PostedEntry = {
  entry: EntryRow
  balance: number
  /** True when the key had been posted before: nothing new was written. */
  replayed: boolean
}

type EntryRow = {
  id: string
  account_id: string
  customer_id: string
  type: EntryType
  points: number
  remaining: number
  expires_at: Date | null
  idempotency_key: string
  order_id: string | null
  reason: string | null
  consumed: { id: string; take: number }[] | null
  created_at: Date
}

const PROGRAM_CACHE_MS = 5000

type LedgerAccountJson = { balance: number; lifetime_earned: number; tier: string; tier_since: string | null }
type LedgerEntryJson = { id: string; type: EntryType; points: number; reason: string | null; order_id: string | null; expires_at: string | null; created_at: string }

/** What customerLedger answers. */
export type CustomerLedger = {
  account: (Omit<LedgerAccountJson, "tier_since"> & { tier_since: Date | null }) | null
  history: (Omit<LedgerEntryJson, "expires_at" | "created_at"> & { expires_at: Date | null; created_at: Date })[]
  expiring: { remaining: number; expires_at: Date }[]
}

const ENTRY_COLUMNS = "id, account_id, customer_id, type, points, remaining, expires_at, idempotency_key, order_id, reason, consumed, created_at"

class LoyaltyModuleService extends MedusaService({ LoyaltyAccount, PointsEntry, LoyaltyProgramSettings, CartRedemption }) {
  /**
   * Posts one ledger entry and moves the cached balance with it, in one
   * transaction under a lock on the account row: concurrent postings to one
   * account run one after the other, a deduction never takes more than the
   * balance (unless `allow_negative`), and a key posted before returns the
   * entry it made instead of posting again.
   */
  @InjectManager()
  async postEntry(input: PostEntryInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<PostedEntry> {
    return this.postEntry_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async postEntry_(input: PostEntryInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<PostedEntry> {
    if (!Number.isInteger(input.points) || input.points === 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Points must be a whole number other than 0, got ${input.points}`)
    }
    const db = sharedContext.transactionManager!
    // The account, made on first use, and locked in the same statement: a conflict that updates takes the row lock
    // as FOR UPDATE would, and waits for a posting under way to commit.
    const [account] = (await db.execute(
      `insert into loyalty_account (id, customer_id, balance, lifetime_earned, tier, created_at, updated_at)
       values (?, ?, 0, 0, ?, now(), now())
       on conflict (customer_id) where deleted_at is null do update set updated_at = loyalty_account.updated_at
       returning id, balance`,
      [entityIds("lacct", 1)[0], input.customer_id, DEFAULT_PROGRAM.tiers[0].name]
    )) as { id: string; balance: number }[]
    const [earlier] = (await db.execute(`select ${ENTRY_COLUMNS} from points_entry where idempotency_key = ?`, [input.idempotency_key])) as EntryRow[]
    if (earlier) {
      if (earlier.customer_id !== input.customer_id || earlier.points !== input.points) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `The idempotency key ${input.idempotency_key} was already used for another posting (${earlier.points} points to ${earlier.customer_id})`
        )
      }
      return { entry: earlier, balance: Number(account.balance), replayed: true }
    }
    const balance = Number(account.balance)
    let consumed: { id: string; take: number }[] | null = null
    if (input.points < 0) {
      const wanted = -input.points
      if (input.min_balance !== undefined && balance < input.min_balance) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `A balance of at least ${input.min_balance} points is needed to redeem; the balance is ${balance}`
        )
      }
      if (wanted > balance && !input.allow_negative) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Not enough points: the balance is ${balance}, ${wanted} were asked for`)
      }
      const lots = (await db.execute(
        `select id, remaining, expires_at, created_at from points_entry
          where account_id = ? and remaining > 0 and deleted_at is null for update`,
        [account.id]
      )) as { id: string; remaining: number; expires_at: Date | null; created_at: Date }[]
      consumed = allocateFifo(lots, wanted)
    }
    const earned = input.type === "earn" || input.type === "bonus" ? Math.max(input.points, 0) : 0
    // The entry, the balance it moves and the lots a deduction takes from, in one statement: every round trip to
    // PostgreSQL is a socket write and a wait, the most of a posting's time (docs/benchmarks.md, "The loyalty ledger's time").
    const [entry] = (await db.execute(
      `with entry as (
         insert into points_entry (id, account_id, customer_id, type, points, remaining, expires_at, idempotency_key, order_id,
                                   branch_id, user_id, reason, reverses_entry_id, consumed, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())
         returning ${ENTRY_COLUMNS}
       ), moved as (
         update loyalty_account set balance = balance + ?, lifetime_earned = lifetime_earned + ?, updated_at = now() where id = ?
       ), taken as (
         update points_entry lot set remaining = lot.remaining - t.take, updated_at = now()
           from unnest(?::text[], ?::int[]) as t(id, take) where lot.id = t.id
       )
       select * from entry`,
      [
        entityIds("lpe", 1)[0],
        account.id,
        input.customer_id,
        input.type,
        input.points,
        input.points > 0 ? input.points : 0,
        input.expires_at ?? null,
        input.idempotency_key,
        input.order_id ?? null,
        input.branch_id ?? null,
        input.user_id ?? null,
        input.reason ?? null,
        input.reverses_entry_id ?? null,
        consumed ? JSON.stringify(consumed) : null,
        input.points,
        earned,
        account.id,
        pgArray((consumed ?? []).map((c) => c.id)),
        pgArray((consumed ?? []).map((c) => c.take)),
      ]
    )) as EntryRow[]
    return { entry, balance: balance + input.points, replayed: false }
  }

  /**
   * Points taken in store: the program's limits that do not depend on the
   * balance (whole points, the share of the bill) checked first, then the
   * deduction posted once under the account lock, which checks the minimum
   * balance and the balance itself.
   */
  @InjectManager()
  async redeemPoints(input: RedeemPointsInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<PostedEntry> {
    const program = await this.currentProgram()
    const problem = redemptionProblem(input.points, null, program, input.order_total_paise)
    if (problem) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem.charAt(0).toUpperCase() + problem.slice(1))
    }
    return this.postEntry(
      {
        customer_id: input.customer_id,
        type: "redeem",
        points: -input.points,
        idempotency_key: input.idempotency_key,
        order_id: input.order_id ?? null,
        branch_id: input.branch_id ?? null,
        user_id: input.user_id ?? null,
        reason: input.reason ?? null,
        min_balance: program.min_balance_to_redeem,
      },
      sharedContext
    )
  }

  /**
   * Undoes an entry, wholly or by `points` (a partial return): a deduction
   * gives its points back to the very lots it used; an earning takes its
   * points back from its own lot first, then from others, and what was
   * already spent leaves a negative balance that later earnings settle.
   * Same lock and idempotency as postEntry.
   */
  @InjectManager()
  async reverseEntry(input: ReverseEntryInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<PostedEntry> {
    return this.reverseEntry_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async reverseEntry_(input: ReverseEntryInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<PostedEntry> {
    const db = sharedContext.transactionManager!
    const [original] = (await db.execute(`select ${ENTRY_COLUMNS} from points_entry where id = ?`, [input.entry_id])) as EntryRow[]
    if (!original) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Points entry ${input.entry_id} was not found`)
    }
    const [account] = (await db.execute("select id, balance from loyalty_account where id = ? for update", [original.account_id])) as {
      id: string
      balance: number
    }[]
    const [earlier] = (await db.execute(`select ${ENTRY_COLUMNS} from points_entry where idempotency_key = ?`, [input.idempotency_key])) as EntryRow[]
    if (earlier) {
      return { entry: earlier, balance: Number(account.balance), replayed: true }
    }
    const [{ reversed }] = (await db.execute(
      "select coalesce(sum(points), 0) as reversed from points_entry where reverses_entry_id = ?",
      [original.id]
    )) as { reversed: string }[]
    const open = Math.abs(Number(original.points)) - Math.abs(Number(reversed))
    const amount = input.points ?? open
    if (!Number.isInteger(amount) || amount <= 0 || amount > open) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Between 1 and ${open} points of entry ${original.id} can still be reversed, not ${amount}`)
    }
    let consumed: { id: string; take: number }[] | null = null
    let signed: number
    if (Number(original.points) < 0) {
      // Give the points back to the lots the deduction used, last used first.
      let left = amount
      for (const { id, take } of [...(original.consumed ?? [])].reverse()) {
        const back = Math.min(take, left)
        if (back > 0) {
          await db.execute("update points_entry set remaining = remaining + ?, updated_at = now() where id = ?", [back, id])
          left -= back
        }
      }
      signed = amount
    } else {
      const lots = (await db.execute(
        "select id, remaining, expires_at, created_at from points_entry where account_id = ? and remaining > 0 and deleted_at is null for update",
        [account.id]
      )) as { id: string; remaining: number; expires_at: Date | null; created_at: Date }[]
      const own = lots.find((l) => l.id === original.id)
      const fromOwn = Math.min(own?.remaining ?? 0, amount)
      const others = allocateFifo(lots.filter((l) => l.id !== original.id), amount - fromOwn)
      consumed = [...(fromOwn ? [{ id: original.id, take: fromOwn }] : []), ...others]
      for (const { id, take } of consumed) {
        await db.execute("update points_entry set remaining = remaining - ?, updated_at = now() where id = ?", [take, id])
      }
      signed = -amount
    }
    const id = generateEntityId(undefined, "lpe")
    await db.execute(
      `insert into points_entry (id, account_id, customer_id, type, points, remaining, idempotency_key, order_id, user_id, reason,
                                 reverses_entry_id, consumed, created_at, updated_at)
       values (?, ?, ?, 'reverse', ?, 0, ?, ?, ?, ?, ?, ?, now(), now())`,
      [
        id,
        account.id,
        original.customer_id,
        signed,
        input.idempotency_key,
        original.order_id,
        input.user_id ?? null,
        input.reason ?? null,
        original.id,
        consumed ? JSON.stringify(consumed) : null,
      ]
    )
    await db.execute("update loyalty_account set balance = balance + ?, updated_at = now() where id = ?", [signed, account.id])
    const [entry] = (await db.execute(`select ${ENTRY_COLUMNS} from points_entry where id = ?`, [id])) as EntryRow[]
    return { entry, balance: Number(account.balance) + signed, replayed: false }
  }

  /**
   * Takes the points of a cart redemption off the balance as the cart is
   * completed, and marks the redemption deducted, in one transaction: either
   * both happen or neither. A redemption already deducted is returned as it
   * is (a retried completion deducts nothing twice).
   */
  @InjectManager()
  async deductCartRedemption(
    redemptionId: string,
    minBalance: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ entry_id: string; replayed: boolean }> {
    return this.deductCartRedemption_(redemptionId, minBalance, sharedContext)
  }

  @InjectTransactionManager()
  protected async deductCartRedemption_(
    redemptionId: string,
    minBalance: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ entry_id: string; replayed: boolean }> {
    const db = sharedContext.transactionManager!
    const [redemption] = (await db.execute("select * from cart_redemption where id = ? and deleted_at is null for update", [redemptionId])) as {
      id: string
      cart_id: string
      customer_id: string
      points: number
      attempt: number
      status: string
      entry_id: string | null
    }[]
    if (!redemption || redemption.status === "released") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The points on this cart were released; apply them again")
    }
    if (redemption.status !== "applied") {
      return { entry_id: redemption.entry_id!, replayed: true }
    }
    const posted = await this.postEntry_(
      {
        customer_id: redemption.customer_id,
        type: "redeem",
        points: -Number(redemption.points),
        idempotency_key: cartRedemptionKey(redemption.id, Number(redemption.attempt)),
        min_balance: minBalance,
        reason: `online order, cart ${redemption.cart_id}`,
      },
      sharedContext
    )
    await db.execute("update cart_redemption set status = 'deducted', entry_id = ?, updated_at = now() where id = ?", [posted.entry.id, redemption.id])
    return { entry_id: posted.entry.id, replayed: false }
  }

  /**
   * Gives back the points of a deducted cart redemption: `retry` when the
   * completion failed after deducting (the redemption stays on the cart and
   * the next attempt deducts under a new key), `release` when the cart is
   * abandoned with its points taken (the redemption ends).
   */
  @InjectManager()
  async restoreCartRedemption(
    redemptionId: string,
    outcome: "retry" | "release",
    reason: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    return this.restoreCartRedemption_(redemptionId, outcome, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreCartRedemption_(
    redemptionId: string,
    outcome: "retry" | "release",
    reason: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const db = sharedContext.transactionManager!
    const [redemption] = (await db.execute("select id, status, attempt, entry_id from cart_redemption where id = ? for update", [redemptionId])) as {
      id: string
      status: string
      attempt: number
      entry_id: string | null
    }[]
    if (!redemption || redemption.status !== "deducted" || !redemption.entry_id) {
      return
    }
    await this.reverseEntry_(
      { entry_id: redemption.entry_id, idempotency_key: `${cartRedemptionKey(redemption.id, Number(redemption.attempt))}:undo`, reason },
      sharedContext
    )
    await db.execute(
      "update cart_redemption set status = ?, attempt = attempt + 1, entry_id = null, updated_at = now() where id = ?",
      [outcome === "retry" ? "applied" : "released", redemption.id]
    )
  }

  /** Marks a deducted redemption as paid into its order, and files the ledger entry under the order. */
  @InjectManager()
  async settleCartRedemption(cartId: string, orderId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    return this.settleCartRedemption_(cartId, orderId, sharedContext)
  }

  @InjectTransactionManager()
  protected async settleCartRedemption_(cartId: string, orderId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const db = sharedContext.transactionManager!
    const rows = (await db.execute(
      "update cart_redemption set status = 'placed', order_id = ?, updated_at = now() where cart_id = ? and status = 'deducted' and deleted_at is null returning entry_id",
      [orderId, cartId]
    )) as { entry_id: string }[]
    for (const row of rows) {
      await db.execute("update points_entry set order_id = ?, updated_at = now() where id = ?", [orderId, row.entry_id])
    }
    return rows.length > 0
  }

  /**
   * Expires every lot whose date has passed (up to `limit` lots a call): one
   * `expire` entry per lot, keyed by the lot (`expire:<lot id>`), so running
   * again (or twice at once) expires nothing twice. Returns how many lots
   * and points expired.
   */
  async expireDueLots(now = new Date(), limit = 500): Promise<{ lots: number; points: number }> {
    const due = await this.listPointsEntries(
      { remaining: { $gt: 0 }, expires_at: { $lte: now } },
      { select: ["id", "customer_id", "remaining"], order: { expires_at: "ASC" }, take: limit }
    )
    let points = 0
    let lots = 0
    for (const lot of due) {
      const posted = await this.expireLot(lot.id, lot.customer_id)
      if (posted) {
        lots += 1
        points += posted
      }
    }
    return { lots, points }
  }

  /** Expires what is left of one lot under the account lock; 0 when nothing was left. */
  @InjectTransactionManager()
  protected async expireLot(lotId: string, customerId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    const db = sharedContext.transactionManager!
    const [account] = (await db.execute("select id from loyalty_account where customer_id = ? and deleted_at is null for update", [customerId])) as {
      id: string
    }[]
    const [lot] = (await db.execute("select id, remaining from points_entry where id = ? for update", [lotId])) as { id: string; remaining: number }[]
    const key = `expire:${lotId}`
    const [done] = (await db.execute("select id from points_entry where idempotency_key = ?", [key])) as { id: string }[]
    if (!account || !lot || done || lot.remaining <= 0) {
      return 0
    }
    const points = Number(lot.remaining)
    await db.execute("update points_entry set remaining = 0, updated_at = now() where id = ?", [lotId])
    await db.execute(
      `insert into points_entry (id, account_id, customer_id, type, points, remaining, idempotency_key, reason, consumed, created_at, updated_at)
       values (?, ?, ?, 'expire', ?, 0, ?, 'points expired', ?, now(), now())`,
      [generateEntityId(undefined, "lpe"), account.id, customerId, -points, key, JSON.stringify([{ id: lotId, take: points }])]
    )
    await db.execute("update loyalty_account set balance = balance - ?, updated_at = now() where id = ?", [points, account.id])
    return points
  }

  /**
   * Outstanding points and what they are worth (an accountant's liability):
   * by the customer's home branch and by the month the points expire.
   */
  @InjectManager()
  async outstandingLots(
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ customer_id: string; expiry_month: string | null; points: number }[]> {
    const rows = (await sharedContext.manager!.execute(
      `select customer_id, to_char(expires_at at time zone 'Asia/Kolkata', 'YYYY-MM') as expiry_month, sum(remaining) as points
         from points_entry
        where remaining > 0 and deleted_at is null
        group by customer_id, expiry_month`
    )) as { customer_id: string; expiry_month: string | null; points: string }[]
    return rows.map((r) => ({ ...r, points: Number(r.points) }))
  }

  /** Moves a customer to a tier (opening the account if needed); returns the tier it had. */
  @InjectManager()
  async setTier(customerId: string, tier: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<string | null> {
    return this.setTier_(customerId, tier, sharedContext)
  }

  @InjectTransactionManager()
  protected async setTier_(customerId: string, tier: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<string | null> {
    const db = sharedContext.transactionManager!
    const [before] = (await db.execute("select tier from loyalty_account where customer_id = ? and deleted_at is null for update", [customerId])) as {
      tier: string
    }[]
    if (!before) {
      await db.execute(
        `insert into loyalty_account (id, customer_id, balance, lifetime_earned, tier, tier_since, created_at, updated_at)
         values (?, ?, 0, 0, ?, now(), now(), now()) on conflict (customer_id) where deleted_at is null do nothing`,
        [generateEntityId(undefined, "lacct"), customerId, tier]
      )
      return null
    }
    if (before.tier !== tier) {
      await db.execute("update loyalty_account set tier = ?, tier_since = now(), updated_at = now() where customer_id = ? and deleted_at is null", [
        tier,
        customerId,
      ])
    }
    return before.tier
  }

  /** Accounts whose cached balance differs from the sum of their ledger (should be none). */
  @InjectManager()
  async findBalanceMismatches(
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ account_id: string; customer_id: string; balance: number; ledger: number }[]> {
    const rows = (await sharedContext.manager!.execute(
      `select a.id as account_id, a.customer_id, a.balance, coalesce(sum(e.points), 0) as ledger
         from loyalty_account a
         left join points_entry e on e.account_id = a.id and e.deleted_at is null
        where a.deleted_at is null
        group by a.id
       having a.balance <> coalesce(sum(e.points), 0)`
    )) as { account_id: string; customer_id: string; balance: number; ledger: string }[]
    return rows.map((r) => ({ ...r, balance: Number(r.balance), ledger: Number(r.ledger) }))
  }

  /**
   * Folds merged customers' points into the survivor's account, in one transaction under locks on every
   * account involved (taken in id order, so two merges cannot deadlock): their ledger entries move to the
   * survivor with their lots and expiry dates as they were, the balances and lifetime earnings are added, and
   * the merged accounts are left empty. The ledger stays equal to every balance. Returns what moved, for
   * `unmergeAccounts` to put back.
   */
  @InjectManager()
  async mergeAccounts(survivorId: string, mergedIds: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<AccountsMerge> {
    return this.mergeAccounts_(survivorId, mergedIds, sharedContext)
  }

  @InjectTransactionManager()
  protected async mergeAccounts_(survivorId: string, mergedIds: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<AccountsMerge> {
    const db = sharedContext.transactionManager!
    type Row = { id: string; customer_id: string; balance: number; lifetime_earned: number }
    // Every account involved, survivor's included, locked in id order.
    const locked = (await db.execute(
      "select id, customer_id, balance, lifetime_earned from loyalty_account where customer_id = any(?::text[]) and deleted_at is null order by id for update",
      [pgArray([survivorId, ...mergedIds])]
    )) as Row[]
    const merged = locked.filter((a) => a.customer_id !== survivorId)
    if (!merged.length) {
      return { survivor_account_id: null, created_survivor_account: false, moved: [], points: 0 }
    }
    // A survivor without an account gets one, made as postEntry makes it (a posting that made it meanwhile is waited for).
    const own = locked.find((a) => a.customer_id === survivorId)
    const [survivor] = own
      ? [{ id: own.id, created: false }]
      : ((await db.execute(
          `insert into loyalty_account (id, customer_id, balance, lifetime_earned, tier, created_at, updated_at)
           values (?, ?, 0, 0, ?, now(), now())
           on conflict (customer_id) where deleted_at is null do update set updated_at = loyalty_account.updated_at
           returning id, (xmax = 0) as created`,
          [generateEntityId(undefined, "lacct"), survivorId, DEFAULT_PROGRAM.tiers[0].name]
        )) as { id: string; created: boolean }[])
    const created = survivor.created
    const moved: AccountsMerge["moved"] = []
    for (const account of merged) {
      const entries = (await db.execute(
        "update points_entry set account_id = ?, customer_id = ?, updated_at = now() where account_id = ? and deleted_at is null returning id",
        [survivor.id, survivorId, account.id]
      )) as { id: string }[]
      moved.push({ account_id: account.id, customer_id: account.customer_id, balance: Number(account.balance), lifetime_earned: Number(account.lifetime_earned), entry_ids: entries.map((e) => e.id) })
    }
    const points = moved.reduce((sum, m) => sum + m.balance, 0)
    await db.execute("update loyalty_account set balance = balance + ?, lifetime_earned = lifetime_earned + ?, updated_at = now() where id = ?", [
      points,
      moved.reduce((sum, m) => sum + m.lifetime_earned, 0),
      survivor.id,
    ])
    await db.execute("update loyalty_account set balance = 0, lifetime_earned = 0, updated_at = now() where id = any(?::text[])", [pgArray(moved.map((m) => m.account_id))])
    return { survivor_account_id: survivor.id, created_survivor_account: created, moved, points }
  }

  /** Puts back what `mergeAccounts` moved (a merge undone by a later step's failure). */
  @InjectManager()
  async unmergeAccounts(merge: AccountsMerge, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    return this.unmergeAccounts_(merge, sharedContext)
  }

  @InjectTransactionManager()
  protected async unmergeAccounts_(merge: AccountsMerge, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.transactionManager!
    if (!merge.survivor_account_id || !merge.moved.length) {
      return
    }
    await db.execute("select id from loyalty_account where id = any(?::text[]) order by id for update", [pgArray([merge.survivor_account_id, ...merge.moved.map((m) => m.account_id)])])
    for (const m of merge.moved) {
      if (m.entry_ids.length) {
        await db.execute("update points_entry set account_id = ?, customer_id = ?, updated_at = now() where id = any(?::text[])", [m.account_id, m.customer_id, pgArray(m.entry_ids)])
      }
      await db.execute(`update loyalty_account set balance = ?, lifetime_earned = ?, updated_at = now() where id = ?`, [m.balance, m.lifetime_earned, m.account_id])
    }
    if (merge.created_survivor_account) {
      await db.execute("delete from loyalty_account where id = ?", [merge.survivor_account_id])
    } else {
      await db.execute(`update loyalty_account set balance = balance - ?, lifetime_earned = lifetime_earned - ?, updated_at = now() where id = ?`, [
        merge.points,
        merge.moved.reduce((sum, m) => sum + m.lifetime_earned, 0),
        merge.survivor_account_id,
      ])
    }
  }

  private programCache: { at: number; program: LoyaltyProgram } | undefined

  /**
   * The program in force: the stored settings, or the defaults until the shop
   * saves its own. Read at most every few seconds (every earn and redeem
   * needs it); a save on this instance is seen at once, on others within
   * PROGRAM_CACHE_MS.
   */
  async currentProgram(): Promise<LoyaltyProgram> {
    if (this.programCache && Date.now() - this.programCache.at < PROGRAM_CACHE_MS) {
      return this.programCache.program
    }
    const [row] = await this.listLoyaltyProgramSettings({}, { order: { created_at: "DESC" }, take: 1 })
    const program = row ? { ...DEFAULT_PROGRAM, ...(row.settings as Partial<LoyaltyProgram>) } : DEFAULT_PROGRAM
    this.programCache = { at: Date.now(), program }
    return program
  }

  /**
   * A customer's account (null before their first posting), their latest
   * `history` entries and the lots expiring by `expiringBy`, in one
   * statement: the 360 and both points pages read this on every view.
   */
  @InjectManager()
  async customerLedger(
    customerId: string,
    { history, expiringBy }: { history: number; expiringBy: Date },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<CustomerLedger> {
    const [row] = (await sharedContext.manager!.execute(
      `select (select row_to_json(a) from (select balance, lifetime_earned, tier, tier_since from loyalty_account
                                           where customer_id = ? and deleted_at is null limit 1) a) as account,
              coalesce((select json_agg(e) from (select id, type, points, reason, order_id, expires_at, created_at from points_entry
                                                 where customer_id = ? and deleted_at is null order by created_at desc limit ?) e), '[]') as history,
              coalesce((select json_agg(x) from (select remaining, expires_at from points_entry
                                                 where customer_id = ? and deleted_at is null and remaining > 0 and expires_at <= ?
                                                 order by expires_at asc) x), '[]') as expiring`,
      [customerId, customerId, history, customerId, expiringBy]
    )) as { account: LedgerAccountJson | null; history: LedgerEntryJson[]; expiring: { remaining: number; expires_at: string }[] }[]
    // JSON gives timestamps as text: back to dates, as the entities have them.
    const date = (value: string | null) => (value ? new Date(value) : null)
    return {
      account: row.account ? { ...row.account, tier_since: date(row.account.tier_since) } : null,
      history: row.history.map((e) => ({ ...e, expires_at: date(e.expires_at), created_at: new Date(e.created_at) })),
      expiring: row.expiring.map((x) => ({ remaining: x.remaining, expires_at: new Date(x.expires_at) })),
    }
  }

  /** Forgets the cached program (after saving a new one). */
  async forgetProgram(): Promise<void> {
    this.programCache = undefined
  }
}

export default LoyaltyModuleService
