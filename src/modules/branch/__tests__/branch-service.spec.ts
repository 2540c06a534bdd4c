import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { BRANCH_MODULE } from ".."
import { Branch } from "../models/branch"
import BranchModuleService from "../service"

jest.setTimeout(60 * 1000)

const pune = {
  code: "PUN",
  name: "Pune – Laxmi Road",
  gstin: "27AAACJ1234M2ZL",
  state_code: "27",
  state_name: "Maharashtra",
  address_1: "582 Laxmi Road",
  city: "Pune",
  postal_code: "411002",
}

moduleIntegrationTestRunner<BranchModuleService>({
  moduleName: BRANCH_MODULE,
  moduleModels: [Branch],
  resolve: "./src/modules/branch",
  testSuite: ({ service }) => {
    describe("BranchModuleService", () => {
      it("creates a branch with a prefixed id and active by default", async () => {
        const branch = await service.createBranches(pune)
        expect(branch.id).toMatch(/^br_/)
        expect(branch.is_active).toBe(true)
        const [found] = await service.listBranches({ code: "PUN" })
        expect(found).toEqual(expect.objectContaining({ name: "Pune – Laxmi Road", state_code: "27" }))
      })

      it("refuses a second live branch with the same code", async () => {
        await service.createBranches(pune)
        await expect(service.createBranches({ ...pune, name: "Pune – Camp" })).rejects.toThrow(/code/i)
      })

      it("frees the code of a soft-deleted branch", async () => {
        const first = await service.createBranches(pune)
        await service.softDeleteBranches([first.id])
        const second = await service.createBranches({ ...pune, name: "Pune – Camp" })
        expect(second.id).not.toBe(first.id)
        expect(await service.listBranches({ code: "PUN" })).toHaveLength(1)
      })

      it("finds branches by free text on name and city", async () => {
        await service.createBranches([
          pune,
          { ...pune, code: "BLR", name: "Bengaluru – Commercial Street", city: "Bengaluru", state_code: "29", state_name: "Karnataka", gstin: null },
        ])
        const [found, count] = await service.listAndCountBranches({ q: "bengal" })
        expect(count).toBe(1)
        expect(found[0].code).toBe("BLR")
      })
    })
  },
})
