import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import madge from "madge"

const ROOT = path.resolve(__dirname, "../..")
const SRC = path.join(ROOT, "src")

/** Type-only imports count too: a step importing its input type from its own workflow's index is a loop to a reader. */
async function importGraph(dir: string) {
  return madge(dir, {
    fileExtensions: ["ts", "tsx"],
    tsConfig: path.join(ROOT, "tsconfig.json"),
    detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
  })
}

/**
 * Medusa's data models name both sides of a relation (hasMany ↔ belongsTo),
 * each by a lazy `() => Model`, so the models of one module import each
 * other; Medusa's own modules do the same. Every other loop is a defect.
 */
const modelRelation = (cycle: string[]) => {
  const folder = cycle[0].match(/^modules\/[^/]+\/models\//)?.[0]
  return !!folder && cycle.every((file) => file.startsWith(folder))
}

describe("import cycles", () => {
  // madge parses every file under src/: about 11 s alone, but the unit layer runs beside the others on two cores
  // and full runs have taken 119 s and 128 s here, at the edge of the 120 s this had.
  jest.setTimeout(400 * 1000)

  it("finds a loop, type-only imports included (the check itself works)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-cycles-"))
    try {
      fs.mkdirSync(path.join(dir, "steps"))
      fs.writeFileSync(path.join(dir, "index.ts"), 'import { step } from "./steps/step"\nexport type Input = { id: string }\nexport const run = step\n')
      fs.writeFileSync(path.join(dir, "steps/step.ts"), 'import type { Input } from ".."\nexport const step = (input: Input) => input.id\n')
      const graph = await importGraph(dir)
      expect(graph.circular()).toEqual([["index.ts", "steps/step.ts"]])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it("has no import loop under src/", async () => {
    const graph = await importGraph(SRC)
    // Every import of our own code resolved (only packages left out), or a loop could hide behind one that did not.
    expect(graph.warnings().skipped.filter((dep) => dep.startsWith("."))).toEqual([])
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(300)
    expect(graph.circular().filter((cycle) => !modelRelation(cycle))).toEqual([])
  })
})
