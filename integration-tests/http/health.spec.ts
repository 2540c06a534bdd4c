import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api }) => {
    describe("GET /health", () => {
      it("answers 200 once the app has booted", async () => {
        const response = await api.get("/health")
        expect(response.status).toBe(200)
      })
    })
  },
})
