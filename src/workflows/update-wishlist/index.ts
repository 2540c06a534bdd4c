export * from "./add-to-wishlist"
export * from "./remove-from-wishlist"
