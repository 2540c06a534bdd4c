export * from "./create-pos-sale"
export * from "./make-pos-sale"
