import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { DOMAIN_CONFLICT } from "../../lib/errors"
import { pgArray } from "../../lib/pg-array"
import { CustomerAffinity } from "./models/customer-affinity"
import { CustomerRecommendation } from "./models/customer-recommendation"
import { PreferenceModel } from "./models/preference-model"

export type RecommendationRow = { customer_id: string; rank: number; design_id: string; title: string; score: number; reason: string }
export type AffinityRow = { customer_id: string; attribute: "category" | "metal" | "purity" | "price_band"; value: string; share: number }

/** Rows written per statement: a model's recommendations run to a million rows at 100 000 customers. */
const INSERT_BATCH = 5_000

class PreferencesModuleService extends MedusaService({ PreferenceModel, CustomerRecommendation, CustomerAffinity }) {
  /** Stores a model's recommendations and affinities (the model row exists, not yet current), all or none. */
  @InjectManager()
  async storeRecommendations(
    modelId: string,
    rows: RecommendationRow[],
    affinities: AffinityRow[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    return this.storeRecommendations_(modelId, rows, affinities, sharedContext)
  }

  @InjectTransactionManager()
  protected async storeRecommendations_(
    modelId: string,
    rows: RecommendationRow[],
    affinities: AffinityRow[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const db = sharedContext.transactionManager!
    for (let start = 0; start < affinities.length; start += INSERT_BATCH) {
      const batch = affinities.slice(start, start + INSERT_BATCH)
      await db.execute(
        `insert into customer_affinity (id, model_id, customer_id, attribute, value, share)
         select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::real[])`,
        [
          batch.map(() => generateEntityId(undefined, "paff")),
          batch.map(() => modelId),
          batch.map((r) => r.customer_id),
          batch.map((r) => r.attribute),
          batch.map((r) => r.value),
          batch.map((r) => r.share),
        ].map(pgArray)
      )
    }
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const batch = rows.slice(start, start + INSERT_BATCH)
      await db.execute(
        `insert into customer_recommendation (id, model_id, customer_id, rank, design_id, title, score, reason)
         select * from unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::real[], ?::text[])`,
        [
          batch.map(() => generateEntityId(undefined, "prec")),
          batch.map(() => modelId),
          batch.map((r) => r.customer_id),
          batch.map((r) => r.rank),
          batch.map((r) => r.design_id),
          batch.map((r) => r.title),
          batch.map((r) => r.score),
          batch.map((r) => r.reason),
        ].map(pgArray)
      )
    }
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
      await db.execute("delete from customer_recommendation where model_id = any(?::text[])", [pgArray(retiring.map((r) => r.id))])
      await db.execute("delete from customer_affinity where model_id = any(?::text[])", [pgArray(retiring.map((r) => r.id))])
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
    await db.execute("delete from customer_recommendation where model_id = ?", [modelId])
    await db.execute("delete from customer_affinity where model_id = ?", [modelId])
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
}

export default PreferencesModuleService
