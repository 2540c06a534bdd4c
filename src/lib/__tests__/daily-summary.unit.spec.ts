import { parseSummaryChannels, parseSummaryTime, summaryDay, summaryKey, summaryRecipients, summaryVariables } from "../daily-summary"
import { DEFAULT_TEMPLATES, renderTemplate } from "../messaging"

describe("the daily summary", () => {
  it("reads DAILY_SUMMARY_AT: 09:00 by default, off for none, and refuses anything else by name", () => {
    expect(parseSummaryTime(undefined)).toEqual({ hour: 9, minute: 0 })
    expect(parseSummaryTime(" 7:45 ")).toEqual({ hour: 7, minute: 45 })
    expect(parseSummaryTime("OFF")).toBeNull()
    expect(() => parseSummaryTime("25:00")).toThrow(/DAILY_SUMMARY_AT must be a time of day/)
    expect(() => parseSummaryTime("9am")).toThrow(/got "9am"/)
  })

  it("reads DAILY_SUMMARY_CHANNEL: SMS by default, WhatsApp or email, email beside one phone channel, and one key each", () => {
    expect(parseSummaryChannels(undefined)).toEqual(["sms"])
    expect(parseSummaryChannels(" Email , sms ")).toEqual(["email", "sms"])
    expect(parseSummaryChannels("whatsapp")).toEqual(["whatsapp"])
    expect(() => parseSummaryChannels("sms,whatsapp")).toThrow(/email with one of the others/)
    expect(() => parseSummaryChannels("telegram")).toThrow(/got "telegram"/)
    const owner = { user_id: "u_owner", branch_id: null }
    expect(["sms", "whatsapp", "email"].map((c) => summaryKey(owner, "2026-12-03", c as "sms"))).toEqual([
      "daily-summary:u_owner:shop:2026-12-03",
      "daily-summary:u_owner:shop:2026-12-03",
      "daily-summary:u_owner:shop:2026-12-03:email",
    ])
    expect(summaryKey({ user_id: "u_mgr", branch_id: "br_mum" }, "2026-12-03", "email")).toBe("daily-summary:u_mgr:br_mum:2026-12-03:email")
  })

  it("covers the day before the morning it goes out, in India time", () => {
    const nine = { hour: 9, minute: 0 }
    // 4 Dec 09:30 IST (04:00 UTC): the 3rd.
    expect(summaryDay(nine, new Date("2026-12-04T04:00:00Z"))).toBe("2026-12-03")
    // 4 Dec 08:59 IST: the 4th's time has not come; the last summary due was the 3rd morning's, for the 2nd.
    expect(summaryDay(nine, new Date("2026-12-04T03:29:00Z"))).toBe("2026-12-02")
    // 1 Jan 00:10 IST is still 31 Dec in UTC; with a 00:05 summary time it covers 31 Dec.
    expect(summaryDay({ hour: 0, minute: 5 }, new Date("2026-12-31T18:40:00Z"))).toBe("2026-12-31")
  })

  it("sends the owners the whole shop and each branch manager one per branch; others get none", () => {
    expect(
      summaryRecipients([
        { user_id: "u_owner", role: "owner", branch_ids: [] },
        { user_id: "u_mgr", role: "branch_manager", branch_ids: ["br_pun", "br_mum", "br_pun"] },
        { user_id: "u_sales", role: "sales_staff", branch_ids: ["br_mum"] },
        { user_id: "u_acct", role: "accountant", branch_ids: [] },
      ])
    ).toEqual([
      { user_id: "u_owner", branch_id: null },
      { user_id: "u_mgr", branch_id: "br_mum" },
      { user_id: "u_mgr", branch_id: "br_pun" },
    ])
  })

  it("says the day's figures in rupees and grams, Indian style", () => {
    const variables = summaryVariables({
      scope: "Mumbai – Zaveri Bazaar",
      day: "2026-12-03",
      bills: 12,
      pieces: 15,
      revenue_paise: 1_23_45_678_90,
      gst_paise: 3_70_370_37,
      gold_net_weight_mg: 154_321,
      top_pieces: [
        { title: "Bridal necklace", revenue_paise: 4_50_000_00 },
        { title: "Jhumka", revenue_paise: 85_000_00 },
      ],
      cash_net_paise: 2_10_000_00,
      collected_net_paise: 1_27_16_049_27,
      failed_payments: 1,
      overdue_follow_ups: 4,
    })
    expect(renderTemplate(DEFAULT_TEMPLATES.daily_summary.en, { staff_name: "Ravi", ...variables })).toBe(
      "Mumbai – Zaveri Bazaar, 3 Dec 2026: sales ₹1,23,45,678.90 before GST (₹1,27,16,049.27 with GST), 12 bills, 15 pieces, gold 154.321 g net. " +
        "Top: Bridal necklace (₹4,50,000.00), Jhumka (₹85,000.00). Cash in ₹2,10,000.00; all tenders ₹1,27,16,049.27; failed payments 1. Overdue follow-ups: 4."
    )
    expect(summaryVariables({ scope: "All branches", day: "2026-12-03", bills: 0, pieces: 0, revenue_paise: 0, gst_paise: 0, gold_net_weight_mg: 0, top_pieces: [], cash_net_paise: 0, collected_net_paise: 0, failed_payments: 0, overdue_follow_ups: 0 }).top_pieces).toBe("none")
  })
})
