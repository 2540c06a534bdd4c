export * from "./workflows/assign-staff-access"
