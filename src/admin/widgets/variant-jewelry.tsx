import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProductVariant, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { CertificateSection, type Certificate } from "../components/certificate-section"
import { inr, when } from "../lib/format"
import { sdk } from "../lib/sdk"
import type { Breakdown } from "../lib/types"

type Attributes = {
  metal: string
  purity: number
  gross_weight_mg: number
  net_weight_mg: number
  stone_weight_mg: number
  huid: string | null
  tag_code: string
  stock_unit: "piece" | "count"
  pricing_mode: string
  making_type: string
  certificate: Certificate
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid grid-cols-2 px-6 py-2">
      <Text size="small" leading="compact" weight="plus">{label}</Text>
      <Text size="small" leading="compact" className="text-right">{value}</Text>
    </div>
  )
}

/** On a variant's page: what the piece is and how today's price is made up. */
const VariantJewelryWidget = ({ data: variant }: DetailWidgetProps<AdminProductVariant>) => {
  const { data, isError } = useQuery({
    queryKey: ["jewelry-attributes", variant.id],
    queryFn: () =>
      sdk.client.fetch<{ jewelry_attributes: Attributes; breakdown: Breakdown | null }>(
        `/admin/jewelry/variants/${variant.id}/attributes`
      ),
    retry: false,
  })
  if (isError || !data) {
    return null
  }
  const a = data.jewelry_attributes
  const b = data.breakdown
  const g = (mg: number) => `${(mg / 1000).toFixed(3)} g`
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Jewellery</Heading>
        <Badge size="2xsmall" color={a.pricing_mode === "rate_based" ? "blue" : "grey"}>
          {a.pricing_mode === "rate_based" ? "Priced from metal rate" : "Fixed price"}
        </Badge>
      </div>
      <div className="py-2">
        <Row label="Metal" value={`${a.metal} ${a.purity}${b?.karat ? ` (${b.karat})` : ""}`} />
        <Row label="Gross / net / stones" value={`${g(a.gross_weight_mg)} / ${g(a.net_weight_mg)} / ${g(a.stone_weight_mg)}`} />
        <Row label="HUID" value={a.huid ?? "—"} />
        <Row label="Tag" value={a.tag_code} />
        <Row label="Stocked as" value={a.stock_unit === "count" ? "Goods sold by count" : "One piece (one article)"} />
      </div>
      {b && (
        <div className="py-2">
          <Row label={`Metal (${inr(b.rate_per_g)}/g)`} value={inr(b.metal_value)} />
          <Row label="Wastage" value={inr(b.wastage)} />
          <Row label="Making" value={inr(b.making_charge)} />
          <Row label="Stones" value={inr(b.stone_value)} />
          <Row label="Other" value={inr(b.other_charges)} />
          <Row label="Taxable value" value={inr(b.taxable_value)} />
          <Row label={`GST ${b.gst.rate_percent} %`} value={inr(b.gst.total)} />
          <Row label="Total" value={`${inr(b.total)} → ${inr(b.invoice_total)}`} />
          <div className="px-6 py-2">
            <Text size="xsmall" className="text-ui-fg-subtle">Priced {when(b.priced_at)}</Text>
          </div>
        </div>
      )}
      <CertificateSection variantId={variant.id} tagCode={a.tag_code} certificate={a.certificate} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product_variant.details.side.after",
})

export default VariantJewelryWidget
