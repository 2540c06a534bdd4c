export * from "./workflows/refresh-sales-facts"
export * from "./utils/rebuild-sales-facts"
