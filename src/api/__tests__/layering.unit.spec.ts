import fs from "node:fs"
import path from "node:path"

const SRC = path.resolve(__dirname, "../..")
const API = path.join(SRC, "api")

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(e.name) ? [full] : []
  })
}

describe("layering", () => {
  it("keeps the HTTP layer on top: nothing outside src/api imports from it", () => {
    const upward: string[] = []
    for (const file of sourceFiles(SRC).filter((f) => !f.startsWith(API + path.sep))) {
      for (const match of fs.readFileSync(file, "utf8").matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)) {
        const target = path.resolve(path.dirname(file), match[1])
        if (target === API || target.startsWith(API + path.sep)) {
          upward.push(`${path.relative(SRC, file)} imports ${match[1]}`)
        }
      }
    }
    expect(upward).toEqual([])
  })
})
