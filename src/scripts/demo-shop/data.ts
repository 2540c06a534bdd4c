/**
 * The demo shop: one jeweller with three branches in two states, so that
 * intra-state (CGST + SGST) and inter-state (IGST) sales both occur.
 */
export const DEMO_SHOP_NAME = "Shree Ganesh Jewellers"

export const DEMO_REGION = {
  name: "India",
  currency_code: "inr",
  countries: ["in"],
}

/** GST on jewellery (HSN 7113) and silverware (HSN 7114). */
export const DEMO_GST_RATE = { name: "GST", code: "GST", rate: 3 }

export type DemoBranch = {
  code: string
  name: string
  gstin: string
  state_code: string
  state_name: string
  province: string
  address_1: string
  address_2?: string
  city: string
  postal_code: string
  phone: string
  email: string
  /** Pieces of each counted demo line (coins, the silver set) in stock at this branch. */
  stock_per_variant: number
}

export const DEMO_BRANCHES: DemoBranch[] = [
  {
    code: "MUM",
    name: "Mumbai – Zaveri Bazaar",
    gstin: "27AAACJ1234M1ZM",
    state_code: "27",
    state_name: "Maharashtra",
    province: "in-mh",
    address_1: "112 Sheikh Memon Street",
    address_2: "Zaveri Bazaar",
    city: "Mumbai",
    postal_code: "400002",
    phone: "+912222400100",
    email: "mumbai@shreeganesh.example",
    stock_per_variant: 6,
  },
  {
    code: "PUN",
    name: "Pune – Laxmi Road",
    gstin: "27AAACJ1234M2ZL",
    state_code: "27",
    state_name: "Maharashtra",
    province: "in-mh",
    address_1: "582 Laxmi Road",
    address_2: "Budhwar Peth",
    city: "Pune",
    postal_code: "411002",
    phone: "+912024450200",
    email: "pune@shreeganesh.example",
    stock_per_variant: 4,
  },
  {
    code: "BLR",
    name: "Bengaluru – Commercial Street",
    gstin: "29AAACJ1234M1ZI",
    state_code: "29",
    state_name: "Karnataka",
    province: "in-ka",
    address_1: "44 Commercial Street",
    address_2: "Tasker Town",
    city: "Bengaluru",
    postal_code: "560001",
    phone: "+918025580300",
    email: "bengaluru@shreeganesh.example",
    stock_per_variant: 3,
  },
]

export const DEMO_CATEGORIES = [
  { name: "Rings", handle: "rings" },
  { name: "Necklaces", handle: "necklaces" },
  { name: "Bangles", handle: "bangles" },
  { name: "Earrings", handle: "earrings" },
  { name: "Chains", handle: "chains" },
  { name: "Pendants", handle: "pendants" },
  { name: "Coins & Bars", handle: "coins-bars" },
  { name: "Silverware", handle: "silverware" },
]

export type DemoPiece = {
  metal: "gold" | "silver" | "platinum"
  purity: number
  hsn?: string
  making: { type: "per_gram" | "flat"; rupees: string } | { type: "percent"; percent: string }
  wastage_percent?: string
  other_rupees?: string
  stones?: { type: string; shape: string; count: number; carats: string; rupees_per_carat: string; clarity?: string; colour?: string }[]
  gender?: "women" | "men" | "unisex" | "kids"
  occasion?: string
  collection?: string
}

export type DemoProduct = {
  title: string
  handle: string
  category: string
  description: string
  /**
   * Option title, and per option value: SKU, the opening price (₹, tax
   * exclusive; replaced by the rate-based price once the catalogue is
   * priced) and the piece's net metal weight in grams.
   */
  option: { title: string; values: { value: string; sku: string; rupees: number; net_g: string }[] }
  material: string
  weight_g: number
  piece: DemoPiece
}

/**
 * Fixed catalogue prices (taxable value in rupees; GST is added by the India
 * tax region). Metal-rate based pricing replaces these for rate-based pieces.
 */
export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    title: "Lakshmi 22K Gold Ring",
    handle: "lakshmi-22k-gold-ring",
    category: "rings",
    description: "Hallmarked 22K (916) gold ring with a Lakshmi motif, about 4.2 g.",
    option: {
      title: "Ring size",
      values: [
        { value: "12", sku: "RNG-LAK-22K-12", rupees: 32850, net_g: "4.100" },
        { value: "14", sku: "RNG-LAK-22K-14", rupees: 33940, net_g: "4.240" },
        { value: "16", sku: "RNG-LAK-22K-16", rupees: 35020, net_g: "4.380" },
      ],
    },
    material: "Gold 22K",
    weight_g: 4.2,
    piece: { metal: "gold", purity: 916, making: { type: "per_gram", rupees: "450" }, other_rupees: "45", gender: "women", collection: "Lakshmi" },
  },
  {
    title: "Temple 22K Gold Necklace",
    handle: "temple-22k-gold-necklace",
    category: "necklaces",
    description: "Antique-finish temple necklace in 22K gold, about 38 g.",
    option: { title: "Length", values: [{ value: "16 in", sku: "NCK-TMP-22K-16", rupees: 298400, net_g: "38.000" }] },
    material: "Gold 22K",
    weight_g: 38,
    piece: { metal: "gold", purity: 916, making: { type: "per_gram", rupees: "550" }, wastage_percent: "10", other_rupees: "45", gender: "women", occasion: "wedding", collection: "Temple" },
  },
  {
    title: "Kada 22K Gold Bangle",
    handle: "kada-22k-gold-bangle",
    category: "bangles",
    description: "Plain polished 22K gold kada, about 18 g.",
    option: {
      title: "Bangle size",
      values: [
        { value: "2.4", sku: "BNG-KDA-22K-24", rupees: 141200, net_g: "17.800" },
        { value: "2.6", sku: "BNG-KDA-22K-26", rupees: 147600, net_g: "18.600" },
      ],
    },
    material: "Gold 22K",
    weight_g: 18,
    piece: { metal: "gold", purity: 916, making: { type: "per_gram", rupees: "350" }, wastage_percent: "6", other_rupees: "45", gender: "unisex" },
  },
  {
    title: "Jhumka 22K Gold Earrings",
    handle: "jhumka-22k-gold-earrings",
    category: "earrings",
    description: "Pair of 22K gold jhumkas with bead drops, about 9.5 g.",
    option: { title: "Style", values: [{ value: "Pair", sku: "EAR-JHM-22K", rupees: 76300, net_g: "9.500" }] },
    material: "Gold 22K",
    weight_g: 9.5,
    piece: { metal: "gold", purity: 916, making: { type: "per_gram", rupees: "500" }, wastage_percent: "8", other_rupees: "45", gender: "women", occasion: "festive" },
  },
  {
    title: "Rope 22K Gold Chain",
    handle: "rope-22k-gold-chain",
    category: "chains",
    description: "Rope-weave 22K gold chain.",
    option: {
      title: "Length",
      values: [
        { value: "18 in", sku: "CHN-RPE-22K-18", rupees: 98700, net_g: "12.500" },
        { value: "20 in", sku: "CHN-RPE-22K-20", rupees: 109600, net_g: "13.900" },
      ],
    },
    material: "Gold 22K",
    weight_g: 12.5,
    piece: { metal: "gold", purity: 916, making: { type: "per_gram", rupees: "300" }, wastage_percent: "8", other_rupees: "45", gender: "unisex" },
  },
  {
    title: "Solitaire 18K Diamond Pendant",
    handle: "solitaire-18k-diamond-pendant",
    category: "pendants",
    description: "18K white gold pendant with a 0.30 ct IGI-certified solitaire.",
    option: { title: "Diamond", values: [{ value: "0.30 ct", sku: "PND-SOL-18K-030", rupees: 84500, net_g: "2.100" }] },
    material: "Gold 18K, diamond",
    weight_g: 2.1,
    piece: {
      metal: "gold",
      purity: 750,
      making: { type: "percent", percent: "15" },
      other_rupees: "500",
      stones: [{ type: "diamond", shape: "round", count: 1, carats: "0.300", rupees_per_carat: "160000", clarity: "VS1", colour: "F" }],
      gender: "women",
      occasion: "engagement",
    },
  },
  {
    title: "24K Gold Coin",
    handle: "24k-gold-coin",
    category: "coins-bars",
    description: "999.9 fine gold coin with Lakshmi–Ganesh imprint.",
    option: {
      title: "Weight",
      values: [
        { value: "5 g", sku: "COIN-24K-5G", rupees: 39600, net_g: "5.000" },
        { value: "10 g", sku: "COIN-24K-10G", rupees: 79100, net_g: "10.000" },
      ],
    },
    material: "Gold 24K",
    weight_g: 10,
    piece: { metal: "gold", purity: 999, hsn: "7118", making: { type: "flat", rupees: "300" }, occasion: "dhanteras" },
  },
  {
    title: "Silver 925 Pooja Thali",
    handle: "silver-925-pooja-thali",
    category: "silverware",
    description: "Sterling silver pooja thali set with diya and kumkum bowls, about 180 g.",
    option: { title: "Set", values: [{ value: "7 piece", sku: "SLV-THL-925-7", rupees: 21800, net_g: "180.000" }] },
    material: "Silver 925",
    weight_g: 180,
    piece: { metal: "silver", purity: 925, hsn: "7114", making: { type: "flat", rupees: "1500" }, occasion: "pooja" },
  },
]

/** Today's rates in the demo shop (₹ per gram; the worked examples of docs/pricing.md use them). */
export const DEMO_METAL_RATES: { metal: "gold" | "silver" | "platinum"; purity: number; rupees: string; branch?: string }[] = [
  { metal: "gold", purity: 999, rupees: "7850.00" },
  { metal: "gold", purity: 916, rupees: "7245.50" },
  { metal: "gold", purity: 750, rupees: "5935.00" },
  { metal: "silver", purity: 999, rupees: "95.00" },
  { metal: "silver", purity: 925, rupees: "88.50" },
  { metal: "platinum", purity: 950, rupees: "3150.00" },
  { metal: "gold", purity: 916, rupees: "7260.00", branch: "BLR" },
]

/** Goods the demo sells by count under one tag, without a HUID: coins of one weight, a plain silver set. */
export const COUNTED_CATEGORIES = ["coins-bars", "silverware"]

/**
 * The branch of each article of a showcase design's size: a piece is one article at one branch
 * (docs/counter.md, "One piece per tag"), so a size the shop keeps seven of is seven pieces.
 */
export const SHOWCASE_ARTICLES = ["MUM", "MUM", "MUM", "PUN", "PUN", "BLR", "BLR"]

/** One catalogue entry of a demo product: an article of a showcase design, or a counted line. */
export type DemoVariant = {
  value: string
  /** The article's number within its size (1 …), null for counted goods. */
  article: number | null
  /** The first article keeps the size's SKU; the others add "-2", "-3", … */
  sku: string
  rupees: number
  net_g: string
  /** Articles in stock per branch code. */
  stock: Record<string, number>
}

export function isCountedProduct(product: DemoProduct): boolean {
  return COUNTED_CATEGORIES.includes(product.category)
}

/** A demo product's catalogue entries, in order: its option values, each in its articles. */
export function demoVariants(product: DemoProduct): DemoVariant[] {
  return product.option.values.flatMap((v): DemoVariant[] =>
    isCountedProduct(product)
      ? [{ ...v, article: null, stock: Object.fromEntries(DEMO_BRANCHES.map((b) => [b.code, b.stock_per_variant])) }]
      : SHOWCASE_ARTICLES.map((branch, i) => ({
          ...v,
          article: i + 1,
          sku: i ? `${v.sku}-${i + 1}` : v.sku,
          stock: Object.fromEntries(DEMO_BRANCHES.map((b) => [b.code, b.code === branch ? 1 : 0])),
        }))
  )
}

/** The option a showcase design's articles are told apart by, after its own (size, length …). */
export const ARTICLE_OPTION = "Piece"
export const articleLabel = (article: number) => `No. ${article}`
