export * from "./workflows/create-pos-sale"
export * from "./workflows/make-pos-sale"
export * from "./utils/quote-pos-sale"
