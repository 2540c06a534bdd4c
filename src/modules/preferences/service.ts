import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { DOMAIN_CONFLICT } from "../../lib/errors"
import { entityIds } from "../../lib/ids"
import { pgArray } from "../../lib/pg-array"
import { copyRowsIn } from "../../lib/pg-copy"
import { CustomerAffinity } from "./models/customer-affinity"
import { CustomerRecommendation } from "./models/customer-recommendation"
import { NewArrivalList } from "./models/new-arrival-list"
import { PreferenceDesign } from "./models/preference-design"
import { PreferenceModel } from "./models/preference-model"
import type { ModelDesign } from "../../lib/preferences/training"

export type RecommendationRow = { customer_id: string; rank: number; design_id: string; title: string; score: number; reason: string }
export type AffinityRow = { customer_id: string; attribute: "category" | "metal" | "purity" | "price_band"; value: string; share: number }
/** Attribute values to look up shares in, per attribute (a piece's own, or several pieces'). */
export type AttributeValues = Record<AffinityRow["attribute"], string[]>
/** How much each attribute's share counts towards a piece's score (src/lib/preferences/recommenders.ts AFFINITY_WEIGHTS). */
export type AttributeWeights = Record<AffinityRow["attribute"], number>

/** Rows given ids at a time by rowsOf: Medusa's generateEntityId costs some 90 µs an id, minutes for a model's rows. */
const ID_CHUNK = 10_000

/** Each item as a row of values with a new id, made as COPY takes them rather than all at once (a million rows at 100 000 customers). */
function* rowsOf<T>(items: readonly T[], idPrefix: string, row: (id: string, item: T) => readonly unknown[]): Generator<readonly unknown[]> {
  for (let start = 0; start < items.length; start += ID_CHUNK) {
    const ids = entityIds(idPrefix, Math.min(ID_CHUNK, items.length - start))
    for (let i = 0; i < ids.length; i++) {
      yield row(ids[i], items[start + i])
    }
  }
}

/**
 * A model's rows are written with COPY (src/lib/pg-copy.ts) on the caller's transaction, by the training (two
 * million rows at 100 000 customers) and by a purchase's refresh (one customer's) alike.
 */
function writeAffinities(db: EntityManager, modelId: string, rows: readonly AffinityRow[]): Promise<number> {
  return copyRowsIn(
    db,
    "customer_affinity",
    ["id", "model_id", "customer_id", "attribute", "value", "share"],
    rowsOf(rows, "paff", (id, r) => [id, modelId, r.customer_id, r.attribute, r.value, r.share])
  )
}

function writeRecommendations(db: EntityManager, modelId: string, rows: readonly RecommendationRow[]): Promise<number> {
  return copyRowsIn(
    db,
    "customer_recommendation",
    ["id", "model_id", "customer_id", "rank", "design_id", "title", "score", "reason"],
    rowsOf(rows, "prec", (id, r) => [id, modelId, r.customer_id, r.rank, r.design_id, r.title, r.score, r.reason])
  )
}

function writeDesigns(db: EntityManager, modelId: string, designs: readonly ModelDesign[]): Promise<number> {
  return copyRowsIn(
    db,
    "preference_design",
    ["id", "model_id", "design_id", "title", "category", "metal", "purity", "band", "popularity", "factors"],
    rowsOf(designs, "pdes", (id, d) => [id, modelId, d.design_id, d.title, d.category, d.metal, d.purity, d.band, d.popularity, JSON.stringify(d.factors)])
  )
}

/** The tables a model's rows live in, removed with it. */
const MODEL_ROW_TABLES = ["customer_recommendation", "customer_affinity", "preference_design"] as const

class PreferencesModuleService extends MedusaService({ PreferenceModel, CustomerRecommendation, CustomerAffinity, PreferenceDesign, NewArrivalList }) {
  /** Stores a model's recommendations, affinities and designs (the model row exists, not yet current), all or none. */
  @InjectManager()
  async storeRecommendations(
    modelId: string,
    rows: RecommendationRow[],
    affinities: AffinityRow[],
    designs: ModelDesign[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    return this.storeRecommendations_(modelId, rows, affinities, designs, sharedContext)
  }

  @InjectTransactionManager()
  protected async storeRecommendations_(
    modelId: string,
    rows: RecommendationRow[],
    affinities: AffinityRow[],
    designs: ModelDesign[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const db = sharedContext.transactionManager!
    await writeAffinities(db, modelId, affinities)
    await writeRecommendations(db, modelId, rows)
    await writeDesigns(db, modelId, designs)
  }

  /**
   * Fresh planner statistics for the model tables after a training wrote its rows: until autovacuum gets to them,
   * PostgreSQL plans a customer's top designs on the statistics of the tables before a million rows came in (a
   * scan of every row instead of the customer's index: over a second a read at 100 000 customers).
   */
  @InjectManager()
  async refreshStatistics(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.manager!.execute(`analyze ${MODEL_ROW_TABLES.join(", ")}`)
  }

  /** A model's designs as it was trained (empty for a model trained before designs were kept), by design id. */
  @InjectManager()
  async modelDesigns(modelId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<ModelDesign[]> {
    const rows = (await sharedContext.manager!.execute(
      `select design_id, title, category, metal, purity, band, popularity, factors
         from preference_design where model_id = ? and deleted_at is null order by design_id`,
      [modelId]
    )) as (Omit<ModelDesign, "popularity"> & { popularity: number | string })[]
    return rows.map((r) => ({ ...r, popularity: Number(r.popularity) }))
  }

  /**
   * Makes `modelId` current: the current one becomes previous (to roll back to), the previous one is retired and
   * its recommendations removed. In one transaction, so readers see the old model or the new one.
   */
  @InjectManager()
  async promoteModel(modelId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    return this.promoteModel_(modelId, sharedContext)
  }

  @InjectTransactionManager()
  protected async promoteModel_(modelId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.transactionManager!
    await db.execute("select pg_advisory_xact_lock(hashtext('preference-model-status'))")
    const retiring = (await db.execute("select id from preference_model where status = 'previous' and deleted_at is null and id <> ?", [modelId])) as { id: string }[]
    await db.execute("update preference_model set status = 'retired', updated_at = now() where status = 'previous' and deleted_at is null and id <> ?", [modelId])
    await db.execute("update preference_model set status = 'previous', updated_at = now() where status = 'current' and deleted_at is null and id <> ?", [modelId])
    await db.execute("update preference_model set status = 'current', updated_at = now() where id = ?", [modelId])
    if (retiring.length) {
      for (const table of MODEL_ROW_TABLES) {
        await db.execute(`delete from ${table} where model_id = any(?::text[])`, [pgArray(retiring.map((r) => r.id))])
      }
    }
  }

  /**
   * Puts the previous model back: it becomes current and the current one previous (so rolling back again
   * undoes it). 409 when there is no previous model. Answers the model now current.
   */
  @InjectManager()
  async rollbackModel(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<string> {
    return this.rollbackModel_(sharedContext)
  }

  @InjectTransactionManager()
  protected async rollbackModel_(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<string> {
    const db = sharedContext.transactionManager!
    await db.execute("select pg_advisory_xact_lock(hashtext('preference-model-status'))")
    const [previous] = (await db.execute("select id from preference_model where status = 'previous' and deleted_at is null limit 1")) as { id: string }[]
    if (!previous) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "There is no previous preference model to roll back to", DOMAIN_CONFLICT)
    }
    await db.execute("update preference_model set status = 'previous', updated_at = now() where status = 'current' and deleted_at is null")
    await db.execute("update preference_model set status = 'current', updated_at = now() where id = ?", [previous.id])
    return previous.id
  }

  /** Undoes a model that did not finish storing: its row and its recommendations. */
  @InjectManager()
  async discardModel(modelId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.manager!
    for (const table of MODEL_ROW_TABLES) {
      await db.execute(`delete from ${table} where model_id = ?`, [modelId])
    }
    await db.execute("delete from preference_model where id = ? and status <> 'current'", [modelId])
  }

  /** The current model's top designs for a customer, best first; and the model, or null before the first training. */
  @InjectManager()
  async recommendationsOf(
    customerId: string,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ model: { id: string; trained_at: Date } | null; items: (RecommendationRow & { id: string })[] }> {
    const db = sharedContext.manager!
    const rows = (await db.execute(
      `select m.id as model_id, m.trained_at, r.id, r.customer_id, r.rank, r.design_id, r.title, r.score, r.reason
         from preference_model m
         left join customer_recommendation r on r.model_id = m.id and r.customer_id = ? and r.deleted_at is null
        where m.status = 'current' and m.deleted_at is null
        order by r.rank limit ?`,
      [customerId, limit]
    )) as ({ model_id: string; trained_at: Date; id: string | null } & RecommendationRow)[]
    if (!rows.length) {
      return { model: null, items: [] }
    }
    return {
      model: { id: rows[0].model_id, trained_at: new Date(rows[0].trained_at) },
      items: rows.filter((r) => r.id !== null).map(({ id, customer_id, rank, design_id, title, score, reason }) => ({ id: id!, customer_id, rank, design_id, title, score, reason })),
    }
  }

  /** The current model's id and when it was trained, or null before the first training. */
  @InjectManager()
  async currentModel(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ id: string; trained_at: Date } | null> {
    const [row] = (await sharedContext.manager!.execute("select id, trained_at from preference_model where status = 'current' and deleted_at is null limit 1")) as {
      id: string
      trained_at: Date
    }[]
    return row ? { id: row.id, trained_at: new Date(row.trained_at) } : null
  }

  /** A model's stored shares of every customer in any of the values given (shares under 5 % were never kept). */
  @InjectManager()
  async sharesIn(modelId: string, values: AttributeValues, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<AffinityRow[]> {
    const rows = (await sharedContext.manager!.execute(
      `select customer_id, attribute, value, share from customer_affinity
        where model_id = ? and deleted_at is null and (
              (attribute = 'category' and value = any(?::text[])) or (attribute = 'metal' and value = any(?::text[]))
           or (attribute = 'purity' and value = any(?::text[])) or (attribute = 'price_band' and value = any(?::text[])))`,
      [modelId, ...[values.category, values.metal, values.purity, values.price_band].map(pgArray)]
    )) as AffinityRow[]
    return rows.map((r) => ({ ...r, share: Number(r.share) }))
  }

  /**
   * The customers whose shares best match one set of values (a piece's), best first: each with their shares in
   * those values, for the caller to score and explain. The sum is taken in the database, so only `limit`
   * customers come back however many have a share.
   */
  @InjectManager()
  async bestMatches(
    modelId: string,
    value: Record<AffinityRow["attribute"], string | null>,
    weights: AttributeWeights,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffinityRow[]> {
    const rows = (await sharedContext.manager!.execute(
      `with best as (
         select customer_id,
                sum(share * case attribute when 'category' then ?::real when 'metal' then ?::real when 'purity' then ?::real else ?::real end) as score
           from customer_affinity
          where model_id = ? and deleted_at is null and (
                (attribute = 'category' and value = ?) or (attribute = 'metal' and value = ?)
             or (attribute = 'purity' and value = ?) or (attribute = 'price_band' and value = ?))
          group by customer_id
          order by score desc, customer_id
          limit ?)
       select a.customer_id, a.attribute, a.value, a.share from best b
         join customer_affinity a on a.model_id = ? and a.customer_id = b.customer_id and a.deleted_at is null
        where (a.attribute = 'category' and a.value = ?) or (a.attribute = 'metal' and a.value = ?)
           or (a.attribute = 'purity' and a.value = ?) or (a.attribute = 'price_band' and a.value = ?)`,
      [
        weights.category,
        weights.metal,
        weights.purity,
        weights.price_band,
        modelId,
        value.category,
        value.metal,
        value.purity,
        value.price_band,
        limit,
        modelId,
        value.category,
        value.metal,
        value.purity,
        value.price_band,
      ]
    )) as AffinityRow[]
    return rows.map((r) => ({ ...r, share: Number(r.share) }))
  }

  /**
   * Replaces one customer's shares and, when given, top designs under a model (all or none): a purchase seen at
   * once, before the next training. A model no longer current or previous is left alone. Answers the rows stored.
   */
  @InjectManager()
  async replaceCustomerPreferences(
    modelId: string,
    customerId: string,
    rows: { shares: AffinityRow[]; designs: RecommendationRow[] | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ shares: number; designs: number }> {
    return this.replaceCustomerPreferences_(modelId, customerId, rows, sharedContext)
  }

  @InjectTransactionManager()
  protected async replaceCustomerPreferences_(
    modelId: string,
    customerId: string,
    rows: { shares: AffinityRow[]; designs: RecommendationRow[] | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ shares: number; designs: number }> {
    const db = sharedContext.transactionManager!
    // The status lock keeps a promotion from retiring (and emptying) the model between the delete and the insert.
    await db.execute("select pg_advisory_xact_lock(hashtext('preference-model-status'))")
    const [live] = (await db.execute("select id from preference_model where id = ? and status in ('current', 'previous') and deleted_at is null", [modelId])) as {
      id: string
    }[]
    if (!live) {
      return { shares: 0, designs: 0 }
    }
    await db.execute("delete from customer_affinity where model_id = ? and customer_id = ?", [modelId, customerId])
    const shares = rows.shares.filter((r) => r.customer_id === customerId)
    await writeAffinities(db, modelId, shares)
    if (!rows.designs) {
      return { shares: shares.length, designs: 0 }
    }
    await db.execute("delete from customer_recommendation where model_id = ? and customer_id = ?", [modelId, customerId])
    const designs = rows.designs.filter((r) => r.customer_id === customerId)
    await writeRecommendations(db, modelId, designs)
    return { shares: shares.length, designs: designs.length }
  }
}

export default PreferencesModuleService
