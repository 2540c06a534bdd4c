export * from "./check-jewelry-intake"
export * from "./import-jewelry-stock"
