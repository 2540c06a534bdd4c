/**
 * `npm run ml:evaluate -- --interactions FILE --items FILE` judges the
 * recommenders on outside data without a database; a bad file is refused in
 * one line naming the row (exit code 2).
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { runLauncher } from "./run-launcher"

jest.setTimeout(60 * 1000)

describe("npm run ml:evaluate on files", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jewel-crm-ml-"))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const write = (name: string, lines: string[]) => {
    fs.writeFileSync(path.join(dir, name), `${lines.join("\n")}\n`)
    return path.join(dir, name)
  }
  const items = write("items.csv", [
    "item_id,metal,purity,category,design_code,net_weight_g,price_inr",
    "R1,gold,916,rings,KAMAL,4.2,41000",
    "R2,gold,916,rings,KAMAL,4.4,42500",
    "N1,gold,916,necklaces,RANI,32,310000",
    "S1,silver,925,silverware,DIYA,80,9500",
  ])
  // Thirty customers with a taste each, a first purchase in March and a second in November.
  const rows = ["customer_id,item_id,timestamp,kind"]
  for (let i = 0; i < 30; i++) {
    const [first, second] = i % 2 ? ["R1", "R2"] : ["S1", "S1"]
    rows.push(`c${i},${first},2026-03-0${1 + (i % 9)},purchase`, `c${i},N1,2026-04-01T10:00:00+05:30,view`, `c${i},${second},2026-11-20,purchase`)
  }
  const interactions = write("interactions.csv", rows)

  it("prints the table for both baselines and the model", async () => {
    const res = await runLauncher("launcher/ml-evaluate.ts", ["--interactions", interactions, "--items", items, "--weeks", "4", "--k", "1"], {})
    expect([res.code, res.stderr]).toEqual([0, ""])
    const lines = res.stdout.trim().split("\n")
    expect(lines[0]).toBe("Trained on 60 interactions before 2026-10-23T00:00:00.000Z; tested on 30 customers' purchases after it; 3 designs.")
    expect(lines[1]).toBe("| model | HR@1 | NDCG@1 | coverage | cold-item share |")
    // One list for all: the design half of them bought; by taste, each customer's own design.
    expect(lines.slice(3)).toEqual([
      "| popularity | 0.500 | 0.500 | 33.3 % | 0.0 % |",
      "| attribute affinity | 1.000 | 1.000 | 66.7 % | 0.0 % |",
      expect.stringMatching(/^\| preference model \| 1\.000 \| 1\.000 \| 66\.7 % \| 0\.0 % \|$/),
    ])
  })

  // The options' own refusals ("--interactions and --items go together", …) are checked without a process, in
  // src/lib/preferences/__tests__/preferences.unit.spec.ts.
  it("refuses a bad row in one line, with exit code 2", async () => {
    const bad = write("bad.csv", ["customer_id,item_id,timestamp,kind", "c1,R9,2026-03-01,purchase"])
    const res = await runLauncher("launcher/ml-evaluate.ts", ["--interactions", bad, "--items", items], {})
    expect([res.code, res.stderr]).toEqual([2, "jewel-crm: bad.csv line 2: item R9 is not in the items file\n"])
  })
})
