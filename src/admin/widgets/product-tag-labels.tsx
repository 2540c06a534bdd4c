import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading } from "@medusajs/ui"
import { TagLabelsPanel } from "../components/tag-labels-panel"

/** On a product's page: the tag labels of every piece of the design. */
const ProductTagLabelsWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">Tag labels</Heading>
    </div>
    <TagLabelsPanel productId={product.id} />
  </Container>
)

export const config = defineWidgetConfig({
  zone: "product.details.side.after",
})

export default ProductTagLabelsWidget
