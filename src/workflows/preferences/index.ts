export * from "./workflows/train-preference-model"
export type { TrainedModel, TrainPreferenceModelInput } from "./steps/train-preference-model"
