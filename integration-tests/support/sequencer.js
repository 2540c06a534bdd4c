/**
 * Jest's order of spec files, longest first so no worker is left with a long
 * file at the end of the run. Jest knows each file's time from its last run;
 * a fresh clone (CI) has none and Jest falls back on file size, which starts
 * the long payments and counter files last. These are the http files' times
 * relative to each other on the two-core test machine (docs/testing.md), for
 * files Jest has not timed yet.
 */
const path = require("node:path")
const Sequencer = require("@jest/test-sequencer").default

const ROOT = path.resolve(__dirname, "../..")

const KNOWN_SECONDS = {
  "integration-tests/http/payments-online.spec.ts": 330,
  "integration-tests/http/pos.spec.ts": 310,
  "integration-tests/http/crm.spec.ts": 300,
  "integration-tests/http/documents.spec.ts": 300,
  "integration-tests/http/fuzz.spec.ts": 250,
  "integration-tests/http/sales.spec.ts": 230,
  "integration-tests/http/messaging.spec.ts": 200,
  "integration-tests/http/offers.spec.ts": 200,
  "integration-tests/http/catalogue.spec.ts": 90,
  "integration-tests/http/abuse-limits.spec.ts": 80,
  "integration-tests/http/first-start.spec.ts": 70,
  "integration-tests/http/messaging-gupshup.spec.ts": 50,
  "integration-tests/http/admin-backups.spec.ts": 45,
  "integration-tests/http/backups.spec.ts": 30,
}

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
