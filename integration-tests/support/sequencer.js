/**
 * Jest's order of spec files, longest first so no worker is left with a long
 * file at the end of the run. Jest knows each file's time from its last run;
 * a fresh clone (CI) has none and Jest falls back on file size, which starts
 * the long payments and counter files last. file-seconds.json has the http
 * files' times on the two-core test machine (docs/testing.md), for files Jest
 * has not timed yet.
 */
const path = require("node:path")
const Sequencer = require("@jest/test-sequencer").default

const ROOT = path.resolve(__dirname, "../..")

// How long each http file takes in a full run on the two-core test machine (docs/testing.md).
const KNOWN_SECONDS = require("./file-seconds.json")

class LongestFirst extends Sequencer {
  sort(tests) {
    const size = new Map()
    const bytes = (test) => size.get(test.path) ?? size.set(test.path, test.context.hasteFS.getSize(test.path) ?? 0).get(test.path)
    for (const test of tests) {
      const known = KNOWN_SECONDS[path.relative(ROOT, test.path).split(path.sep).join("/")]
      test.duration = this.time(test) ?? (known === undefined ? undefined : known * 1000)
    }
    return tests.sort((a, b) => {
      const failedA = this.hasFailed(a)
      if (failedA !== this.hasFailed(b)) {
        return failedA ? -1 : 1
      }
      if ((a.duration != null) !== (b.duration != null)) {
        // A file with a time (known to be long) before one without.
        return a.duration != null ? -1 : 1
      }
      if (a.duration != null && b.duration != null) {
        return b.duration - a.duration
      }
      return bytes(b) - bytes(a)
    })
  }
}

module.exports = LongestFirst
