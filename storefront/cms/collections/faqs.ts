import { contentCollection } from "../fields"

/** Questions shoppers ask, grouped by topic on /faq. */
export const Faqs = contentCollection({
  slug: "faqs",
  labels: { singular: "Question", plural: "FAQ" },
  defaultSort: "order",
  admin: { useAsTitle: "question", defaultColumns: ["question", "topic", "_status"] },
  fields: [
    { name: "question", type: "text", required: true, localized: true, maxLength: 200 },
    { name: "answer", type: "textarea", required: true, localized: true, maxLength: 2000 },
    {
      name: "topic",
      type: "select",
      required: true,
      defaultValue: "buying",
      options: [
        { label: "Buying", value: "buying" },
        { label: "Hallmark and purity", value: "hallmark" },
        { label: "Old gold and exchange", value: "old-gold" },
        { label: "Savings schemes", value: "schemes" },
        { label: "Delivery and pickup", value: "delivery" },
        { label: "Care and repair", value: "care" },
      ],
    },
    { name: "order", type: "number", defaultValue: 0, admin: { position: "sidebar" } },
  ],
})
