export * from "./workflows/record-audit"
