import { jobPhotosProblem, jobStepProblem, minimumWeightOut, weightOutProblem } from "../workshop"

describe("job cards", () => {
  it("goes received → with the karigar → ready → delivered, may skip the karigar or go back to him, and stops once delivered or cancelled", () => {
    expect(jobStepProblem("received", "with_karigar")).toBeNull()
    expect(jobStepProblem("received", "ready")).toBeNull()
    expect(jobStepProblem("ready", "with_karigar")).toBeNull()
    expect(jobStepProblem("ready", "delivered")).toBeNull()
    expect(jobStepProblem("with_karigar", "cancelled")).toBeNull()
    expect(jobStepProblem("received", "delivered")).toBe("A job received cannot become delivered; next: with the karigar, ready for pickup, cancelled")
    expect(jobStepProblem("delivered", "ready")).toBe("This job was delivered; it moves no further")
    expect(jobStepProblem("cancelled", "received")).toBe("This job was cancelled; it moves no further")
  })

  it("lets a 12.480 g chain come back from soldering at 12.418 g (0.5 % allowed: at least 12.418 g), not at 12.417 g", () => {
    expect(minimumWeightOut(12_480, 50)).toBe(12_418)
    const chain = { kind: "repair" as const, net_weight_in_mg: 12_480, allowed_loss_bps: 50, adds_material: false }
    expect(weightOutProblem(chain, 12_418)).toBeNull()
    expect(weightOutProblem(chain, 12_480)).toBeNull()
    expect(weightOutProblem(chain, 12_417)).toBe(
      "weight out 12.417 g is below what the job allows: 12.480 g in, at most 0.5 % loss, so at least 12.418 g; weigh it again or settle the loss with the customer first"
    )
    expect(weightOutProblem(chain, 12_600)).toBe("weight out 12.600 g is more than went in (12.480 g) on a repair that adds no metal or stones; weigh it again")
    expect(weightOutProblem({ ...chain, adds_material: true }, 12_600)).toBeNull()
  })

  it("takes a custom order's weight as made", () => {
    expect(weightOutProblem({ kind: "custom_order", net_weight_in_mg: 0, allowed_loss_bps: 50, adds_material: true }, 8_250)).toBeNull()
  })
})

describe("job card photos", () => {
  it("keeps up to 12 a job, none on a cancelled job", () => {
    expect(jobPhotosProblem("received", 0, 3)).toBeNull()
    expect(jobPhotosProblem("delivered", 10, 2)).toBeNull()
    expect(jobPhotosProblem("ready", 10, 3)).toBe("A job card keeps at most 12 photos; it has 10, so 2 more at most")
    expect(jobPhotosProblem("cancelled", 0, 1)).toBe("This job was cancelled; it takes no more photos")
  })
})
