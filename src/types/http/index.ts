/**
 * Answers of jewel-crm's routes as types, declared once: the server's presenters return them and the admin
 * (src/admin) reads them, as Medusa does with its HttpTypes. Types only: nothing here runs.
 */
export type * from "./catalogue"
export type * from "./offers"
export type * from "./backups"
export type * from "./reports"
export type * from "./stock-audit"
export type * from "./preferences"
export type * from "./stock-transfer"
export type * from "./approval-memo"
