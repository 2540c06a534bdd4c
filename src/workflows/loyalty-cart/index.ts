export * from "./apply-loyalty-to-cart"
export * from "./remove-loyalty-from-cart"
