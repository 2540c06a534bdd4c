import type { DatabaseTarget } from "./database"
import { withClient } from "./database"

export type ShopState = {
  /** Medusa's tables exist (migrations ran at least once). */
  migrated: boolean
  seeded: boolean
  adminUsers: number
  /** Publishable keys, branch keys first; `branches` lists the codes a key sells for. */
  publishableKeys: { title: string; token: string; branches: string | null }[]
  /** The store's name (the storefront shows it). */
  shopName: string | null
}

const SEED_MARKER = "jewel_crm_demo_seed"

/** Reads what the launcher needs to know straight from the database (no app boot). */
export async function readShopState(target: DatabaseTarget): Promise<ShopState> {
  return withClient(target, async (client) => {
    const tables = await client.query<{ name: string | null }>(
      `select to_regclass('public.store')::text as name
       union all select to_regclass('public."user"')::text
       union all select to_regclass('public.api_key')::text`
    )
    if (tables.rows.some((r) => r.name === null)) {
      return { migrated: false, seeded: false, adminUsers: 0, publishableKeys: [], shopName: null }
    }
    const store = await client.query<{ metadata: Record<string, unknown> | null; name: string | null }>(
      "select metadata, name from store where deleted_at is null order by created_at limit 1"
    )
    const users = await client.query<{ count: string }>('select count(*) from "user" where deleted_at is null')
    const branchLinks = await client.query<{ name: string | null }>(
      "select to_regclass('public.branch_branch_sales_channel_sales_channel')::text as name"
    )
    const keys = branchLinks.rows[0].name
      ? await client.query<{ title: string; token: string; branches: string | null }>(
          `select k.title, k.token, string_agg(distinct b.code, ', ') as branches
             from api_key k
             left join publishable_api_key_sales_channel pk
               on pk.publishable_key_id = k.id and pk.deleted_at is null
             left join branch_branch_sales_channel_sales_channel bl
               on bl.sales_channel_id = pk.sales_channel_id and bl.deleted_at is null
             left join branch b on b.id = bl.branch_id and b.deleted_at is null
            where k.type = 'publishable' and k.revoked_at is null and k.deleted_at is null
            group by k.id, k.title, k.token, k.created_at
            order by (string_agg(distinct b.code, ', ') is null), k.created_at`
        )
      : await client.query<{ title: string; token: string; branches: string | null }>(
          `select title, token, null as branches from api_key
            where type = 'publishable' and revoked_at is null and deleted_at is null order by created_at`
        )
    return {
      migrated: true,
      seeded: Boolean(store.rows[0]?.metadata?.[SEED_MARKER]),
      adminUsers: Number(users.rows[0].count),
      publishableKeys: keys.rows,
      shopName: store.rows[0]?.name ?? null,
    }
  })
}
