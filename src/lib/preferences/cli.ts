/** The options `npm run ml:evaluate` takes, read the same way for the shop's data and for files. */
import { PreferenceDataError } from "./data"

export type EvaluationOptions = { weeks: number; k: number; json: boolean; interactions?: string; items?: string }

export function evaluationOptions(args: string[]): EvaluationOptions {
  const options: EvaluationOptions = { weeks: 8, k: 10, json: false }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    const value = () => {
      const v = args[++i]
      if (v === undefined || v.startsWith("--")) {
        throw new PreferenceDataError(`${arg} needs a value`)
      }
      return v
    }
    const count = (name: string, max: number) => {
      const n = Number(value())
      if (!Number.isInteger(n) || n < 1 || n > max) {
        throw new PreferenceDataError(`${name} takes a whole number from 1 to ${max}`)
      }
      return n
    }
    if (arg === "--weeks") {
      options.weeks = count("--weeks", 520)
    } else if (arg === "--k") {
      options.k = count("--k", 100)
    } else if (arg === "--json") {
      options.json = true
    } else if (arg === "--interactions") {
      options.interactions = value()
    } else if (arg === "--items") {
      options.items = value()
    } else {
      throw new PreferenceDataError(`unknown argument ${arg} (takes --interactions FILE --items FILE, --weeks N, --k N, --json)`)
    }
  }
  if (Boolean(options.interactions) !== Boolean(options.items)) {
    throw new PreferenceDataError("--interactions and --items go together")
  }
  return options
}
