import { LauncherError } from "../errors"
import { runInTurn, type LayerOutcome } from "../layers"

const passed = (layer: string): LayerOutcome<string> => ({ layer, passed: 3, failed: 0, skipped: 0, exitCode: 0, seconds: 1 })

describe("layers run in turn", () => {
  it("counts a layer that could not run as a failure with its reason, and still runs the next", async () => {
    const ran: string[] = []
    let written = ""
    const results = await runInTurn(
      ["redis", "cluster", "e2e"],
      async (layer) => {
        ran.push(layer)
        if (layer === "cluster") {
          throw new LauncherError("the cluster's nginx did not start:\nport 8443 in use")
        }
        return passed(layer)
      },
      (text) => (written += text)
    )
    expect(ran).toEqual(["redis", "cluster", "e2e"])
    expect(results.map((r) => [r.layer, r.passed, r.failed])).toEqual([
      ["redis", 3, 0],
      ["cluster", 0, 1],
      ["e2e", 3, 0],
    ])
    // The summary names the first line of the reason; the output keeps all of it.
    expect(results[1]).toMatchObject({ exitCode: 1, failures: ["could not run: the cluster's nginx did not start:"] })
    expect(written).toContain("=== the cluster tests could not run ===\nthe cluster's nginx did not start:\nport 8443 in use\n")
  })

  it("gives an unexpected error's stack, so a launcher bug is found where it happened", async () => {
    let written = ""
    const [result] = await runInTurn(["e2e"], () => Promise.reject(new TypeError("app is undefined")), (text) => (written += text))
    expect(result.failed).toBe(1)
    expect(written).toMatch(/TypeError: app is undefined\n\s+at /)
  })
})
