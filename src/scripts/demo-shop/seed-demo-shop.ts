/**
 * Seeds the demo shop. Every step first looks for what it would create (by
 * name, handle, code or SKU) and creates only what is missing, so a seed that
 * was interrupted finishes on the next run without duplicates. The store's
 * metadata records when the whole seed has completed.
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
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { BRANCH_MODULE } from "../../modules/branch"
import type BranchModuleService from "../../modules/branch/service"
import { createBranchesWorkflow } from "../../workflows/create-branches"
import {
  DEMO_BRANCHES,
  DEMO_CATEGORIES,
  DEMO_GST_RATE,
  DEMO_PRODUCTS,
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

export async function seedDemoShop(container: MedusaContainer, log: Log = () => undefined): Promise<void> {
  const storeService = container.resolve(Modules.STORE)
  const [store] = await storeService.listStores()
  if (store.metadata?.[DEMO_SEED_MARKER]) {
    log("demo shop already seeded")
    return
  }

  log("store, region and GST")
  const region = await ensureRegion(container)
  await ensureTaxRegion(container)

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

  await storeService.updateStores(store.id, {
    metadata: { ...(store.metadata ?? {}), [DEMO_SEED_MARKER]: new Date().toISOString() },
  })
  log("demo shop seeded")
}

async function ensureRegion(container: MedusaContainer) {
  const regionService = container.resolve(Modules.REGION)
  const [existing] = await regionService.listRegions({ name: DEMO_REGION.name })
  if (existing) {
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
  const existing = await taxService.listTaxRegions({ country_code: "in" })
  if (existing.some((region) => !region.parent_id)) {
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
  const name = `${branch.code} pickup and delivery`
  let [fulfillmentSet] = await fulfillmentService.listFulfillmentSets({ name }, { relations: ["service_zones"] })
  if (!fulfillmentSet) {
    fulfillmentSet = await fulfillmentService.createFulfillmentSets({
      name,
      type: "shipping",
      service_zones: [{ name: `${branch.code} – India`, geo_zones: [{ type: "country", country_code: "in" }] }],
    })
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.STOCK_LOCATION]: { stock_location_id: stockLocationId },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
  }
  const serviceZoneId = fulfillmentSet.service_zones[0].id
  const existing = await fulfillmentService.listShippingOptions({ service_zone: { id: serviceZoneId } })
  if (existing.length) {
    return
  }
  const rules = [
    { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
    { attribute: "is_return", value: "false", operator: "eq" as const },
  ]
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: `Pick up at ${branch.name}`,
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: serviceZoneId,
        shipping_profile_id: shippingProfileId,
        type: { label: "Store pickup", description: "Collect at the branch counter with ID.", code: "pickup" },
        prices: [
          { currency_code: "inr", amount: 0 },
          { region_id: regionId, amount: 0 },
        ],
        rules,
      },
      {
        name: `Insured delivery from ${branch.city}`,
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: serviceZoneId,
        shipping_profile_id: shippingProfileId,
        type: { label: "Insured delivery", description: "Insured courier, 3–5 working days.", code: "insured" },
        prices: [
          { currency_code: "inr", amount: 500 },
          { region_id: regionId, amount: 500 },
        ],
        rules,
      },
    ],
  })
}

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
  const branchService: BranchModuleService = container.resolve(BRANCH_MODULE)
  const existing = await branchService.listBranches({ code: branches.map((b) => b.branch.code) })
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
  const productService = container.resolve(Modules.PRODUCT)
  const existing = await productService.listProducts({ handle: DEMO_PRODUCTS.map((p) => p.handle) })
  const missing = DEMO_PRODUCTS.filter((p) => !existing.some((e) => e.handle === p.handle))
  if (!missing.length) {
    return
  }
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
        options: [{ title: p.option.title, values: p.option.values.map((v) => v.value) }],
        variants: p.option.values.map((v) => ({
          title: `${p.title} – ${v.value}`,
          sku: v.sku,
          manage_inventory: true,
          options: { [p.option.title]: v.value },
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
  const skus = DEMO_PRODUCTS.flatMap((p) => p.option.values.map((v) => v.sku))
  const items = await inventoryService.listInventoryItems({ sku: skus })
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
        stocked_quantity: b.branch.stock_per_variant,
      }))
  )
  if (missing.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: missing } })
  }
}
