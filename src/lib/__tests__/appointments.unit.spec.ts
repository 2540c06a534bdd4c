import { appointmentSummary, slotProblem, slotsOn } from "../appointments"

describe("booking a visit or a video call", () => {
  // 9 December 2026, 09:00 India time.
  const now = new Date("2026-12-09T03:30:00Z")
  const at = (ist: string) => new Date(`${ist}+05:30`)

  it("takes half-hour slots from 10:30 am to 7:30 pm India time, an hour ahead at least and 60 days at most", () => {
    expect(slotProblem(at("2026-12-09T10:30:00"), now)).toBeNull()
    expect(slotProblem(at("2026-12-09T19:30:00"), now)).toBeNull()
    expect(slotProblem(at("2026-12-09T09:30:00"), now)).toBe("Choose a time at least an hour from now.")
    expect(slotProblem(at("2026-12-10T10:00:00"), now)).toMatch(/^Our branches see customers from 10:30 am to 8 pm/)
    expect(slotProblem(at("2026-12-10T20:00:00"), now)).toMatch(/^Our branches see customers/)
    expect(slotProblem(at("2026-12-10T11:15:00"), now)).toBe("Choose a time on the hour or at half past.")
    expect(slotProblem(at("2027-02-08T11:00:00"), now)).toBe("Choose a time within the next 60 days.")
    expect(slotProblem(new Date("nonsense"), now)).toBe("Choose a date and a time.")
  })

  it("lists a day's free slots, today's from an hour ahead", () => {
    const today = slotsOn("2026-12-09", new Date("2026-12-09T08:00:00Z")) // 1:30 pm India time
    expect(today[0].toISOString()).toBe("2026-12-09T09:00:00.000Z") // 2:30 pm
    expect(today).toHaveLength(11)
    expect(slotsOn("2026-12-10", now)).toHaveLength(19)
    expect(slotsOn("not a day", now)).toEqual([])
  })

  it("reads as the customer's history and the branch's follow-up say it", () => {
    expect(appointmentSummary("visit", "Mumbai – Zaveri Bazaar", at("2026-12-10T11:30:00"), "Jhumka 22K Gold Earrings")).toBe(
      "Booked a visit to Mumbai – Zaveri Bazaar on 10 Dec 2026, 11:30 am (India time) to see Jhumka 22K Gold Earrings, from the storefront."
    )
    expect(appointmentSummary("video_call", "Pune – Laxmi Road", at("2026-12-10T17:00:00"), null, "Show me bangles")).toBe(
      "Booked a video call with Pune – Laxmi Road on 10 Dec 2026, 5:00 pm (India time), from the storefront. Note: Show me bangles"
    )
  })
})
