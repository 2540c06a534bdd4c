export * from "./workflows/issue-credit-note"
export * from "./workflows/issue-invoice"
export * from "./workflows/store-tax-document-file"
export * from "./utils/links"
