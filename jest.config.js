// Test layers, chosen by TEST_TYPE (launcher/test.ts runs them in order).
const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const layers = {
  unit: [
    "<rootDir>/src/**/__tests__/**/*.unit.spec.ts",
    "<rootDir>/launcher/__tests__/**/*.unit.spec.ts",
    "<rootDir>/integration-tests/support/__tests__/**/*.unit.spec.ts",
    "<rootDir>/storefront/lib/__tests__/**/*.unit.spec.ts",
    // The image, compose.yaml and the Helm chart: rendered and checked against Kubernetes' schemas.
    "<rootDir>/deploy/__tests__/**/*.unit.spec.ts",
  ],
  modules: ["<rootDir>/src/modules/*/__tests__/**/*.spec.ts"],
  http: ["<rootDir>/integration-tests/http/**/*.spec.ts"],
  redis: ["<rootDir>/integration-tests/redis/**/*.spec.ts"],
  // Two servers and a worker in processes of their own behind nginx (launcher/test.ts starts nginx's and Redis's).
  cluster: ["<rootDir>/integration-tests/cluster/**/*.spec.ts"],
  e2e: ["<rootDir>/integration-tests/e2e/**/*.spec.ts"],
  // Not a layer of its own: builds the template databases the http and redis layers start from.
  templates: ["<rootDir>/integration-tests/templates/build.spec.ts"],
}

const testMatch = layers[process.env.TEST_TYPE]
if (!testMatch) {
  throw new Error(`TEST_TYPE must be one of ${Object.keys(layers).join(", ")}; run the tests with npm test`)
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/", "<rootDir>/storefront/.next/"],
  setupFiles: ["./integration-tests/setup.js"],
  // Longest files first, also on a fresh clone without Jest's timings (integration-tests/support/sequencer.js).
  testSequencer: "<rootDir>/integration-tests/support/sequencer.js",
  testMatch,
  // The unit layer runs beside every other layer on a machine busy from start to end: a test that loads a library
  // on first use (ExcelJS took 6 s of a 5 s default there, 83 ms alone) needs more than Jest's default.
  ...(process.env.TEST_TYPE === "unit" ? { testTimeout: 30_000 } : {}),
  // Module unit tests are matched by *.unit.spec.ts; keep them out of the module layer.
  testPathIgnorePatterns: process.env.TEST_TYPE === "modules" ? ["\\.unit\\.spec\\.ts$"] : [],
}
