import { shopIntegrationRunner } from "../support/runner"

jest.setTimeout(240 * 1000)

shopIntegrationRunner({
  testSuite: ({ api }) => {
    describe("GET /health", () => {
      it("answers 200 once the app has booted", async () => {
        const response = await api.get("/health")
        expect(response.status).toBe(200)
      })
    })
  },
})
