export * from "./workflows/train-preference-model"
export type { TrainedModel, TrainPreferenceModelInput } from "./steps/train-preference-model"
export * from "./workflows/create-new-arrival-calls"
export type { CreateNewArrivalCallsInput, NewArrivalListDTO, StoredCall } from "./utils/new-arrival-types"
