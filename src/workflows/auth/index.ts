export * from "./workflows/send-sign-in-code"
