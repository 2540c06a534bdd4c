/**
 * A product page's schema.org Product, so search engines show the piece's
 * price and availability. Pure; written into the page as JSON-LD with "<"
 * escaped, so no text in a product can close the script element.
 */
export type ProductFacts = {
  name: string
  description: string | null
  url: string
  images: string[]
  sku: string | null
  material: string | null
  weight_g: number | null
  price: number | null
  in_stock: boolean
  shop: string
}

export function productStructuredData(p: ProductFacts): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: p.name,
    ...(p.description ? { description: p.description } : {}),
    url: p.url,
    ...(p.images.length ? { image: p.images } : {}),
    ...(p.sku ? { sku: p.sku } : {}),
    ...(p.material ? { material: p.material } : {}),
    ...(p.weight_g ? { weight: { "@type": "QuantitativeValue", value: p.weight_g, unitCode: "GRM" } } : {}),
    brand: { "@type": "Brand", name: p.shop },
    ...(p.price !== null
      ? {
          offers: {
            "@type": "Offer",
            price: p.price.toFixed(2),
            priceCurrency: "INR",
            availability: p.in_stock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
            url: p.url,
          },
        }
      : {}),
  }
}

export const jsonLd = (data: unknown) => JSON.stringify(data).replace(/</g, "\\u003c")
