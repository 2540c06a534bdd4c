import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CRM_MODULE } from ".."
import { CustomerProfile } from "../models/customer-profile"
import { FollowUpTask } from "../models/follow-up-task"
import { Interaction } from "../models/interaction"
import CrmModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<CrmModuleService>({
  moduleName: CRM_MODULE,
  moduleModels: [CustomerProfile, Interaction, FollowUpTask],
  resolve: "./src/modules/crm",
  testSuite: ({ service }) => {
    it("keeps one live profile per phone number", async () => {
      await service.createCustomerProfiles({ phone: "+919820012345" })
      await expect(service.createCustomerProfiles({ phone: "+919820012345" })).rejects.toThrow(/phone/i)
      await service.createCustomerProfiles([{ phone: null }, { phone: null }])
    })

    it("finds birthdays and anniversaries by month-day, 29 February included", async () => {
      const [leap, march, anniversary] = await service.createCustomerProfiles([
        { birthday: new Date("1992-02-29T00:00:00Z") },
        { birthday: new Date("1988-03-14T00:00:00Z") },
        { anniversary: new Date("2012-02-28T00:00:00Z") },
      ])
      const found = await service.listProfilesWithOccasionOn(["0228", "0229"])
      expect(found.map((p) => p.id).sort()).toEqual([leap.id, anniversary.id].sort())
      expect((await service.listProfilesWithOccasionOn(["0314"])).map((p) => p.id)).toEqual([march.id])
      expect(await service.listProfilesWithOccasionOn([])).toEqual([])
    })
  },
})
