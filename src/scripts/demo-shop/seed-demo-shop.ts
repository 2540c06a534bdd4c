/**
 * Seeds the demo shop. Every step first looks for what it would create (by
 * name, handle, code or SKU) and creates only what is missing, so a seed that
 * was interrupted finishes on the next run without duplicates. Medusa's
 * workflows commit step by step, so a run killed inside one can leave a record
 * without its links, prices or variants: each step also checks that what it
 * finds is complete, and repairs it (or replaces it) when it is not. The
 * store's metadata records when the whole seed has completed.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRatesWorkflow,
  createTaxRegionsWorkflow,
  deleteInventoryItemWorkflow,
  deleteProductsWorkflow,
  deleteShippingOptionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { BRANCH_MODULE } from "../../modules/branch"
import type BranchModuleService from "../../modules/branch/service"
import { createHash } from "node:crypto"
import { caratsToMct, gramsToMg, mulDivHalfUp, percentToBp, rupeesToPaise } from "../../lib/money"
import { stonesWeightMg } from "../../lib/jewelry-attributes"
import { JEWELRY_MODULE } from "../../modules/jewelry"
import type JewelryModuleService from "../../modules/jewelry/service"
import { createBranchesWorkflow } from "../../workflows/branches"
import { createJewelryAttributesWorkflow, type JewelryAttributesInput } from "../../workflows/jewelry"
import { createJewelryProductsWorkflow } from "../../workflows/jewelry"
import { ensureDemoCancellations, ensureDemoExchanges, ensureDemoReturns } from "./seed-after-sale"
import { ensureDemoLoyalty } from "./seed-loyalty"
import { ensureDemoHandOvers, ensureDemoPayments } from "./seed-payments"
import { ensureDemoTaxDocuments } from "./seed-tax-documents"
import { createRepriceJob, runRepriceJob } from "../../workflows/jewelry"
import { demoCatalog } from "./catalog"
import { setMetalRatesWorkflow } from "../../workflows/jewelry"
import { offerPaymentProviders } from "../payments/offer-payment-providers"
import { ensureRateHistory, RATE_HISTORY_DAYS } from "./rate-history"
import { ensureDemoCustomers } from "./seed-customers"
import { ensurePreferenceModel } from "./seed-preferences"
import { rebuildSalesFacts } from "../../workflows/analytics"
import { ensureAutomaticCampaigns } from "../../workflows/offers"
import { ensureDemoOffers } from "./seed-offers"
import { ensureDemoBackRoom } from "./seed-back-room"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import {
  DEMO_BRANCHES,
  DEMO_CATEGORIES,
  DEMO_GST_RATE,
  DEMO_METAL_RATES,
  DEMO_PRODUCTS,
  ARTICLE_OPTION,
  articleLabel,
  demoVariants,
  isCountedProduct,
  SHOWCASE_ARTICLES,
  DEMO_REGION,
  DEMO_SHOP_NAME,
  type DemoBranch,
} from "./data"

export const DEMO_SEED_MARKER = "jewel_crm_demo_seed"

type Log = (message: string) => void

export async function isDemoShopSeeded(container: MedusaContainer): Promise<boolean> {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["id", "metadata"] })
  return Boolean(store?.metadata?.[DEMO_SEED_MARKER])
}

export type SeedOptions = {
  /**
   * Also the generated catalogue of ~300 pieces (catalog.ts) and the shop's year: rate history, customers and
   * their orders, payments, returns, points and offers (some 80 of the full seed's ~95 CPU-seconds; the
   * catalogue itself is about 6). Tests leave them out for speed.
   */
  catalog?: boolean
}

export async function seedDemoShop(
  container: MedusaContainer,
  log: Log = () => undefined,
  { catalog = false }: SeedOptions = {}
): Promise<void> {
  const storeService = container.resolve(Modules.STORE)
  const [store] = await storeService.listStores()
  if (store.metadata?.[DEMO_SEED_MARKER]) {
    log("demo shop already seeded")
    return
  }

  log("store, region and GST")
  const region = await ensureRegion(container)
  await ensureTaxRegion(container)
  await offerPaymentProviders(container)

  log("branches: stock locations, sales channels, publishable keys")
  const shippingProfileId = await ensureShippingProfile(container)
  const branches: { branch: DemoBranch; stockLocationId: string; salesChannelId: string }[] = []
  for (const branch of DEMO_BRANCHES) {
    const salesChannelId = await ensureSalesChannel(container, branch)
    const stockLocationId = await ensureStockLocation(container, branch, salesChannelId)
    await ensureFulfillment(container, branch, stockLocationId, shippingProfileId, region.id)
    await ensurePublishableKey(container, branch, salesChannelId)
    branches.push({ branch, stockLocationId, salesChannelId })
  }
  await ensureBranchRecords(container, branches)
  await sellEverywhereWithDefaultKey(container, branches.map((b) => b.salesChannelId))

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: DEMO_SHOP_NAME,
        supported_currencies: [{ currency_code: "inr", is_default: true }],
        default_sales_channel_id: branches[0].salesChannelId,
        default_region_id: region.id,
        default_location_id: branches[0].stockLocationId,
      },
    },
  })

  log("today's metal rates")
  await ensureMetalRates(container)

  log("catalog: categories and products")
  const categoryIds = await ensureCategories(container)
  await ensureProducts(
    container,
    categoryIds,
    shippingProfileId,
    branches.map((b) => b.salesChannelId)
  )

  log("stock in every branch")
  await ensureInventoryLevels(container, branches)

  log("jewelry attributes and rate-based prices")
  await ensureJewelryAttributes(container)
  await ensureCataloguePriced(container)
  await ensurePieceCosts(container)

  if (catalog) {
    log("generated catalogue (~300 pieces)")
    await ensureGeneratedCatalog(container, branches, log)
    log(`metal rate history (${RATE_HISTORY_DAYS} days)`)
    await ensureRateHistory(container)
    log("customers: profiles, a year of interactions and orders")
    await ensureDemoCustomers(container, log)
    log("after the sale: a few bills cancelled before they were paid")
    await ensureDemoCancellations(container, log)
    log("payments and hand-overs of the demo orders (cash, UPI, card; picked up at the counter)")
    await ensureDemoPayments(container, log)
    await ensureDemoHandOvers(container, log)
    log("loyalty points of the paid bills, at each customer's tier then")
    await ensureDemoLoyalty(container, log)
    // Statistics for the year of bills just written: the after-sale reads below join them, and planned as one-row
    // tables such a read took seconds instead of milliseconds.
    await container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION).raw("analyze")
    log("after the sale: a few pieces brought back and refunded")
    await ensureDemoReturns(container, log)
    log("after the sale: a few pieces exchanged for another of their kind")
    await ensureDemoExchanges(container, log)
    log("tax invoices and credit notes of the demo year, dated to the sale, the exchange and the return")
    await ensureDemoTaxDocuments(container, log)
    // The demo orders are written without order events: their sales facts are built here, as the nightly rebuild does.
    log("sales facts of the demo orders")
    await rebuildSalesFacts(container)
    log("behind the counter: karigars, job cards, approval memos and transfers")
    await ensureDemoBackRoom(container, log)
    log("offers: a segment, a draft campaign and the automatic campaigns (off)")
    await ensureDemoOffers(container)
    log("the preference model, trained on the demo year (docs/preferences.md)")
    await ensurePreferenceModel(container, log)
  }

  // The automatic campaigns (switched off) exist from the start, so the first read of them never has to make them.
  await ensureAutomaticCampaigns(container)

  await storeService.updateStores(store.id, {
    metadata: { ...(store.metadata ?? {}), [DEMO_SEED_MARKER]: new Date().toISOString() },
  })
  // Statistics for the tables just filled, as autovacuum would gather a minute later: until then PostgreSQL
  // takes every table for one row, and the storefront's joins across stock and pieces are planned as nested
  // scans that grow with the cube of the catalogue.
  await container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION).raw("analyze")
  log("demo shop seeded")
}

async function ensureRegion(container: MedusaContainer) {
  const regionService = container.resolve(Modules.REGION)
  const [existing] = await regionService.listRegions({ name: DEMO_REGION.name })
  if (existing) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "region",
      fields: ["id", "payment_providers.id"],
      filters: { id: existing.id },
    })
    const providers = (data[0] as { payment_providers?: { id: string }[] }).payment_providers ?? []
    if (!providers.some((p) => p.id === "pp_system_default")) {
      await updateRegionsWorkflow(container).run({
        input: { selector: { id: existing.id }, update: { payment_providers: ["pp_system_default"] } },
      })
    }
    return existing
  }
  const { result } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          ...DEMO_REGION,
          automatic_taxes: true,
          is_tax_inclusive: false,
          payment_providers: ["pp_system_default"],
        },
      ],
    },
  })
  return result[0]
}

async function ensureTaxRegion(container: MedusaContainer) {
  const taxService = container.resolve(Modules.TAX)
  const existing = (await taxService.listTaxRegions({ country_code: "in" })).find((region) => !region.parent_id)
  if (existing) {
    const rates = await taxService.listTaxRates({ tax_region_id: existing.id })
    if (!rates.some((rate) => rate.is_default)) {
      await createTaxRatesWorkflow(container).run({
        input: [{ ...DEMO_GST_RATE, tax_region_id: existing.id, is_default: true }],
      })
    }
    return
  }
  await createTaxRegionsWorkflow(container).run({
    input: [{ country_code: "in", provider_id: "tp_system", default_tax_rate: DEMO_GST_RATE }],
  })
}

async function ensureShippingProfile(container: MedusaContainer): Promise<string> {
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)
  const [profile] = await fulfillmentService.listShippingProfiles({ type: "default" })
  if (profile) {
    return profile.id
  }
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0].id
}

async function ensureSalesChannel(container: MedusaContainer, branch: DemoBranch): Promise<string> {
  const salesChannelService = container.resolve(Modules.SALES_CHANNEL)
  const name = `${branch.name} (${branch.code})`
  const [existing] = await salesChannelService.listSalesChannels({ name })
  if (existing) {
    return existing.id
  }
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name, description: `Counter and online sales of the ${branch.city} branch` }] },
  })
  return result[0].id
}

async function ensureStockLocation(
  container: MedusaContainer,
  branch: DemoBranch,
  salesChannelId: string
): Promise<string> {
  const stockLocationService = container.resolve(Modules.STOCK_LOCATION)
  const name = `${branch.name} (${branch.code})`
  let [location] = await stockLocationService.listStockLocations({ name })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name,
            address: {
              address_1: branch.address_1,
              address_2: branch.address_2,
              city: branch.city,
              province: branch.province,
              postal_code: branch.postal_code,
              country_code: "IN",
              phone: branch.phone,
            },
          },
        ],
      },
    })
    location = result[0]
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "stock_location",
    fields: ["id", "sales_channels.id", "fulfillment_providers.id"],
    filters: { id: location.id },
  })
  const linked = data[0] as { sales_channels?: { id: string }[]; fulfillment_providers?: { id: string }[] }
  if (!linked.sales_channels?.some((sc) => sc.id === salesChannelId)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannelId] },
    })
  }
  if (!linked.fulfillment_providers?.some((p) => p.id === "manual_manual")) {
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
  }
  return location.id
}

/** Each branch offers free pickup at the counter and insured delivery anywhere in India. */
async function ensureFulfillment(
  container: MedusaContainer,
  branch: DemoBranch,
  stockLocationId: string,
  shippingProfileId: string,
  regionId: string
) {
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const name = `${branch.code} pickup and delivery`
  let [fulfillmentSet] = await fulfillmentService.listFulfillmentSets({ name }, { relations: ["service_zones"] })
  if (!fulfillmentSet) {
    fulfillmentSet = await fulfillmentService.createFulfillmentSets({
      name,
      type: "shipping",
      service_zones: [{ name: `${branch.code} – India`, geo_zones: [{ type: "country", country_code: "in" }] }],
    })
  }
  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id", "fulfillment_sets.id"],
    filters: { id: stockLocationId },
  })
  const linkedSets = (locations[0] as { fulfillment_sets?: { id: string }[] }).fulfillment_sets ?? []
  if (!linkedSets.some((set) => set.id === fulfillmentSet.id)) {
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.STOCK_LOCATION]: { stock_location_id: stockLocationId },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
  }

  const serviceZoneId = fulfillmentSet.service_zones[0].id
  const rules = [
    { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
    { attribute: "is_return", value: "false", operator: "eq" as const },
  ]
  const wanted = [
    {
      name: `Pick up at ${branch.name}`,
      type: { label: "Store pickup", description: "Collect at the branch counter with ID.", code: "pickup" },
      amount: 0,
    },
    {
      name: `Insured delivery from ${branch.city}`,
      type: { label: "Insured delivery", description: "Insured courier, 3–5 working days.", code: "insured" },
      amount: 500,
    },
  ]
  const { data: options } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "name", "prices.id", "rules.id"],
    filters: { service_zone_id: serviceZoneId },
  })
  const existing = options as { id: string; name: string; prices?: unknown[]; rules?: unknown[] }[]
  // An option left without its prices or rules by an interrupted run is replaced.
  const incomplete = existing.filter((o) => (o.prices?.length ?? 0) < 2 || (o.rules?.length ?? 0) < rules.length)
  if (incomplete.length) {
    await deleteShippingOptionsWorkflow(container).run({ input: { ids: incomplete.map((o) => o.id) } })
  }
  const complete = new Set(existing.filter((o) => !incomplete.includes(o)).map((o) => o.name))
  const missing = wanted.filter((w) => !complete.has(w.name))
  if (!missing.length) {
    return
  }
  await createShippingOptionsWorkflow(container).run({
    input: missing.map((option) => ({
      name: option.name,
      price_type: "flat" as const,
      provider_id: "manual_manual",
      service_zone_id: serviceZoneId,
      shipping_profile_id: shippingProfileId,
      type: option.type,
      prices: [
        { currency_code: "inr", amount: option.amount },
        { region_id: regionId, amount: option.amount },
      ],
      rules,
    })),
  })
}

/**
 * Medusa's default publishable key sells its default sales channel, which
 * holds no piece in a shop of branches: a storefront given that key showed
 * an empty shop. It sells every branch's catalogue instead, and is the key
 * the shop's own storefront uses (launcher/storefront.ts).
 */
async function sellEverywhereWithDefaultKey(container: MedusaContainer, salesChannelIds: string[]) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { title: DEFAULT_KEY_TITLE, type: "publishable" },
  })
  for (const key of data as { id: string; sales_channels?: { id: string }[] }[]) {
    const linked = new Set((key.sales_channels ?? []).map((sc) => sc.id))
    const add = salesChannelIds.filter((id) => !linked.has(id))
    if (add.length) {
      await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add } })
    }
  }
}

const DEFAULT_KEY_TITLE = "Default Publishable API Key"

async function ensurePublishableKey(container: MedusaContainer, branch: DemoBranch, salesChannelId: string) {
  const apiKeyService = container.resolve(Modules.API_KEY)
  const title = `${branch.name} storefront`
  let [key] = await apiKeyService.listApiKeys({ title, type: "publishable" })
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title, type: "publishable", created_by: "" }] },
    })
    key = result[0]
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { id: key.id },
  })
  const channels = (data[0] as { sales_channels?: { id: string }[] }).sales_channels ?? []
  if (!channels.some((sc) => sc.id === salesChannelId)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  }
}

async function ensureBranchRecords(
  container: MedusaContainer,
  branches: { branch: DemoBranch; stockLocationId: string; salesChannelId: string }[]
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "branch",
    fields: ["id", "code", "stock_location.id", "sales_channel.id"],
    filters: { code: branches.map((b) => b.branch.code) },
  })
  const existing = data as { id: string; code: string; stock_location?: { id: string }; sales_channel?: { id: string } }[]
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  for (const record of existing) {
    const wanted = branches.find((b) => b.branch.code === record.code)!
    if (!record.stock_location) {
      await link.create({
        [BRANCH_MODULE]: { branch_id: record.id },
        [Modules.STOCK_LOCATION]: { stock_location_id: wanted.stockLocationId },
      })
    }
    if (!record.sales_channel) {
      await link.create({
        [BRANCH_MODULE]: { branch_id: record.id },
        [Modules.SALES_CHANNEL]: { sales_channel_id: wanted.salesChannelId },
      })
    }
  }
  const missing = branches.filter((b) => !existing.some((e) => e.code === b.branch.code))
  if (!missing.length) {
    return
  }
  await createBranchesWorkflow(container).run({
    input: {
      branches: missing.map(({ branch, stockLocationId, salesChannelId }) => ({
        code: branch.code,
        name: branch.name,
        gstin: branch.gstin,
        state_code: branch.state_code,
        state_name: branch.state_name,
        address_1: branch.address_1,
        address_2: branch.address_2,
        city: branch.city,
        postal_code: branch.postal_code,
        phone: branch.phone,
        email: branch.email,
        stock_location_id: stockLocationId,
        sales_channel_id: salesChannelId,
      })),
    },
  })
}

async function ensureCategories(container: MedusaContainer): Promise<Map<string, string>> {
  const productService = container.resolve(Modules.PRODUCT)
  const handles = DEMO_CATEGORIES.map((c) => c.handle)
  const existing = await productService.listProductCategories({ handle: handles })
  const missing = DEMO_CATEGORIES.filter((c) => !existing.some((e) => e.handle === c.handle))
  if (missing.length) {
    await createProductCategoriesWorkflow(container).run({
      input: { product_categories: missing.map((c) => ({ ...c, is_active: true })) },
    })
  }
  const all = await productService.listProductCategories({ handle: handles })
  return new Map(all.map((c) => [c.handle, c.id]))
}

async function ensureProducts(
  container: MedusaContainer,
  categoryIds: Map<string, string>,
  shippingProfileId: string,
  salesChannelIds: string[]
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "handle",
      "categories.id",
      "sales_channels.id",
      "variants.sku",
      "variants.price_set.id",
      "variants.inventory_items.inventory_item_id",
    ],
    filters: { handle: DEMO_PRODUCTS.map((p) => p.handle) },
  })
  type Found = {
    id: string
    handle: string
    categories?: unknown[]
    sales_channels?: unknown[]
    variants?: { sku: string | null; price_set?: { id: string } | null; inventory_items?: unknown[] }[]
  }
  const isComplete = (found: Found) => {
    const demo = DEMO_PRODUCTS.find((p) => p.handle === found.handle)!
    const variants = found.variants ?? []
    return (
      (found.categories?.length ?? 0) === 1 &&
      (found.sales_channels?.length ?? 0) === salesChannelIds.length &&
      variants.length === demoVariants(demo).length &&
      variants.every((v) => v.price_set?.id && (v.inventory_items?.length ?? 0) > 0)
    )
  }
  const existing = data as Found[]
  // A product left without variants, prices or stock records by an
  // interrupted run is deleted and made again in full.
  const incomplete = existing.filter((found) => !isComplete(found))
  if (incomplete.length) {
    await deleteProductsWorkflow(container).run({ input: { ids: incomplete.map((p) => p.id) } })
  }
  const missing = DEMO_PRODUCTS.filter((p) => !existing.some((e) => e.handle === p.handle && isComplete(e)))
  if (!missing.length) {
    return
  }
  await removeLeftovers(container, { skus: missing.flatMap((p) => demoVariants(p).map((v) => v.sku)) })
  await createProductsWorkflow(container).run({
    input: {
      products: missing.map((p) => ({
        title: p.title,
        handle: p.handle,
        description: p.description,
        material: p.material,
        weight: p.weight_g,
        status: ProductStatus.PUBLISHED,
        category_ids: [categoryIds.get(p.category)!],
        shipping_profile_id: shippingProfileId,
        // A showcase design's articles are told apart by a second option (No. 1 …): one variant an article.
        options: [
          { title: p.option.title, values: p.option.values.map((v) => v.value) },
          ...(isCountedProduct(p) ? [] : [{ title: ARTICLE_OPTION, values: SHOWCASE_ARTICLES.map((_, i) => articleLabel(i + 1)) }]),
        ],
        variants: demoVariants(p).map((v) => ({
          title: v.article ? `${p.title} – ${v.value} – ${articleLabel(v.article)}` : `${p.title} – ${v.value}`,
          sku: v.sku,
          manage_inventory: true,
          options: { [p.option.title]: v.value, ...(v.article ? { [ARTICLE_OPTION]: articleLabel(v.article) } : {}) },
          prices: [{ currency_code: "inr", amount: v.rupees }],
        })),
        sales_channels: salesChannelIds.map((id) => ({ id })),
      })),
    },
  })
}

async function ensureInventoryLevels(
  container: MedusaContainer,
  branches: { branch: DemoBranch; stockLocationId: string }[]
) {
  const inventoryService = container.resolve(Modules.INVENTORY)
  const wanted = new Map(DEMO_PRODUCTS.flatMap((p) => demoVariants(p).map((v) => [v.sku, v.stock] as const)))
  const items = await inventoryService.listInventoryItems({ sku: [...wanted.keys()] })
  const levels = await inventoryService.listInventoryLevels({
    inventory_item_id: items.map((i) => i.id),
    location_id: branches.map((b) => b.stockLocationId),
  })
  const have = new Set(levels.map((l) => `${l.inventory_item_id}:${l.location_id}`))
  const missing = items.flatMap((item) =>
    branches
      .filter((b) => !have.has(`${item.id}:${b.stockLocationId}`))
      .map((b) => ({
        inventory_item_id: item.id,
        location_id: b.stockLocationId,
        stocked_quantity: wanted.get(item.sku!)?.[b.branch.code] ?? 0,
      }))
  )
  if (missing.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: missing } })
  }
}

async function ensureMetalRates(container: MedusaContainer) {
  const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
  const [, count] = await jewelry.listAndCountMetalRates({}, { take: 1 })
  if (count > 0) {
    return
  }
  const branches = await container.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({}, { select: ["id", "code"] })
  await setMetalRatesWorkflow(container).run({
    input: {
      source: "demo",
      note: "Demo shop opening rates",
      rates: DEMO_METAL_RATES.map((rate) => ({
        metal: rate.metal,
        purity: rate.purity,
        rate_per_g_paise: rupeesToPaise(rate.rupees),
        branch_id: rate.branch ? branches.find((b) => b.code === rate.branch)!.id : null,
      })),
    },
  })
}

/** A stable, well-formed demo HUID for a SKU (six of A–Z, 0–9). */
function demoHuid(sku: string): string {
  const digest = createHash("sha256").update(`huid:${sku}`).digest()
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
  return Array.from(digest.subarray(0, 6), (byte) => alphabet[byte % alphabet.length]).join("")
}

async function ensureJewelryAttributes(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const skus = DEMO_PRODUCTS.flatMap((p) => demoVariants(p).map((v) => v.sku))
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "jewelry_attributes.id"],
    filters: { sku: skus },
  })
  const variants = data as { id: string; sku: string; jewelry_attributes?: { id: string } | null }[]
  const items: JewelryAttributesInput[] = []
  for (const product of DEMO_PRODUCTS) {
    const piece = product.piece
    const stones = (piece.stones ?? []).map((stone) => ({
      type: stone.type,
      shape: stone.shape,
      count: stone.count,
      clarity: stone.clarity,
      colour: stone.colour,
      weight_mct: caratsToMct(stone.carats),
      price_per_carat_paise: rupeesToPaise(stone.rupees_per_carat),
    }))
    const stoneWeight = stonesWeightMg(stones)
    // Coins of one weight and a plain silver set are sold by count under one tag, without a HUID.
    const counted = isCountedProduct(product)
    for (const value of demoVariants(product)) {
      const variant = variants.find((v) => v.sku === value.sku)
      if (!variant || variant.jewelry_attributes) {
        continue
      }
      const net = gramsToMg(value.net_g)
      items.push({
        variant_id: variant.id,
        metal: piece.metal,
        purity: piece.purity,
        hsn: piece.hsn ?? "7113",
        net_weight_mg: net,
        stone_weight_mg: stoneWeight,
        gross_weight_mg: net + stoneWeight,
        stones,
        making_type: piece.making.type,
        making_value: piece.making.type === "percent" ? percentToBp(piece.making.percent) : rupeesToPaise(piece.making.rupees),
        wastage_bp: percentToBp(piece.wastage_percent ?? "0"),
        other_charges_paise: rupeesToPaise(piece.other_rupees ?? "0"),
        huid: piece.metal === "platinum" || counted ? null : demoHuid(value.sku),
        tag_code: `SGJ-${value.sku}`,
        stock_unit: counted ? "count" : "piece",
        design_code: product.handle.toUpperCase().slice(0, 20),
        size: value.value,
        gender: piece.gender ?? null,
        occasion: piece.occasion ?? null,
        collection: piece.collection ?? null,
        pricing_mode: "rate_based",
      })
    }
  }
  if (!items.length) {
    return
  }
  await removeLeftovers(container, {
    tags: items.map((i) => i.tag_code),
    huids: items.map((i) => i.huid).filter((h): h is string => !!h),
  })
  await createJewelryAttributesWorkflow(container).run({ input: { items } })
}

/**
 * What the demo shop paid for its core pieces, as the intake's `cost` column would say: a stable 78–87 % of
 * the first price before GST, different per SKU (the stock report values stock at cost beside its price).
 */
async function ensurePieceCosts(container: MedusaContainer) {
  const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
  const skus = DEMO_PRODUCTS.flatMap((p) => demoVariants(p).map((v) => v.sku))
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant",
    fields: ["id", "sku", "jewelry_attributes.breakdown"],
    filters: { sku: skus },
  })
  const known = new Set((await jewelry.listPieceCosts({ variant_id: data.map((v) => v.id) }, { select: ["variant_id"] })).map((c) => c.variant_id))
  const costs = (data as { id: string; sku: string; jewelry_attributes?: { breakdown?: { taxable_value?: number } | null } | null }[])
    .filter((v) => !known.has(v.id) && v.jewelry_attributes?.breakdown?.taxable_value)
    .map((v) => {
      const share = 78 + (createHash("sha256").update(`cost:${v.sku}`).digest()[0] % 10)
      return { variant_id: v.id, cost_paise: mulDivHalfUp(v.jewelry_attributes!.breakdown!.taxable_value!, share, 100), source: "intake" as const }
    })
  if (costs.length) {
    await jewelry.createPieceCosts(costs)
  }
}

/** Prices every rate-based piece not yet priced (first seed, or one interrupted before pricing). */
async function ensureCataloguePriced(container: MedusaContainer) {
  const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
  const [, unpriced] = await jewelry.listAndCountJewelryAttributes({ pricing_mode: "rate_based", priced_at: null }, { take: 1 })
  if (!unpriced) {
    return
  }
  const job = await createRepriceJob(container, "seed")
  await runRepriceJob(container, job.id)
}

/**
 * The generated catalogue, one product workflow each. A product an
 * interrupted run left without its pieces is deleted and made again.
 */
async function ensureGeneratedCatalog(
  container: MedusaContainer,
  branches: { branch: DemoBranch; stockLocationId: string }[],
  log: Log
) {
  const catalog = demoCatalog()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "variants.id", "variants.jewelry_attributes.id"],
    filters: { handle: catalog.map((p) => p.handle) },
  })
  const existing = data as { id: string; handle: string; variants?: { jewelry_attributes?: { id: string } | null }[] }[]
  const complete = (found: (typeof existing)[number]) => {
    const wanted = catalog.find((p) => p.handle === found.handle)!
    return (found.variants?.length ?? 0) === wanted.variants.length && found.variants!.every((v) => v.jewelry_attributes)
  }
  const broken = existing.filter((p) => !complete(p))
  if (broken.length) {
    await deleteProductsWorkflow(container).run({ input: { ids: broken.map((p) => p.id) } })
  }
  const missing = catalog.filter((p) => !existing.some((e) => e.handle === p.handle && complete(e)))
  if (missing.length) {
    // In the generated catalogue a piece's tag is its SKU.
    const skus = missing.flatMap((p) => p.variants.map((v) => v.sku!))
    await removeLeftovers(container, { skus, tags: skus })
  }
  const categories = await container
    .resolve(Modules.PRODUCT)
    .listProductCategories({ handle: [...new Set(catalog.map((p) => p.category))] })
  const BATCH = 25
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH).map(({ stock: _stock, category, ...input }) => ({
      ...input,
      category_ids: categories.filter((c) => c.handle === category).map((c) => c.id),
    }))
    await createJewelryProductsWorkflow(container).run({ input: { products: batch } })
    log(`generated catalogue: ${Math.min(i + BATCH, missing.length)} / ${missing.length} products`)
  }

  // Stock: each piece's quantities per branch, for whatever is not stocked yet.
  const inventory = container.resolve(Modules.INVENTORY)
  const items = await inventory.listInventoryItems({ sku: catalog.flatMap((p) => p.variants.map((v) => v.sku!)) }, { select: ["id", "sku"] })
  const levels = await inventory.listInventoryLevels({ inventory_item_id: items.map((i) => i.id) }, { select: ["inventory_item_id", "location_id"] })
  const have = new Set(levels.map((l) => `${l.inventory_item_id}:${l.location_id}`))
  const wanted = catalog.flatMap((product) =>
    product.variants.flatMap((variant, v) => {
      const item = items.find((i) => i.sku === variant.sku)
      if (!item) {
        return []
      }
      return branches
        .filter((b) => !have.has(`${item.id}:${b.stockLocationId}`))
        .map((b) => ({ inventory_item_id: item.id, location_id: b.stockLocationId, stocked_quantity: product.stock[v][b.branch.code] ?? 0 }))
    })
  )
  if (wanted.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: wanted } })
  }
}

/**
 * Removes stock records (by SKU) and jewelry attributes (by tag or HUID) that
 * an interrupted run left behind with variants it lost. Called only for
 * pieces about to be made, so anything still holding their keys is a leftover.
 */
async function removeLeftovers(
  container: MedusaContainer,
  { skus = [], tags = [], huids = [] }: { skus?: string[]; tags?: string[]; huids?: string[] }
) {
  if (skus.length) {
    const items = await container.resolve(Modules.INVENTORY).listInventoryItems({ sku: skus }, { select: ["id"] })
    if (items.length) {
      await deleteInventoryItemWorkflow(container).run({ input: items.map((i) => i.id) })
    }
  }
  const jewelry: JewelryModuleService = container.resolve(JEWELRY_MODULE)
  const pieces = [
    ...(tags.length ? await jewelry.listJewelryAttributes({ tag_code: tags }, { select: ["id"] }) : []),
    ...(huids.length ? await jewelry.listJewelryAttributes({ huid: huids }, { select: ["id"] }) : []),
  ]
  if (pieces.length) {
    await jewelry.deleteJewelryAttributes([...new Set(pieces.map((p) => p.id))])
  }
}
