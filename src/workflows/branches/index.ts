export * from "./workflows/create-branches"
