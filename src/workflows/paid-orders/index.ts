export * from "./earn-points-for-paid-order"
export * from "./invoice-paid-order"
