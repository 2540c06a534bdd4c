export * from "./issue-credit-note"
export * from "./issue-invoice"
export * from "./store-tax-document-file"
