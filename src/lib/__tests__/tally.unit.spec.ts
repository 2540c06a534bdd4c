import { XMLParser } from "fast-xml-parser"
import type { TaxDocumentBody } from "../invoice"
import { jobWorkMastersXml, jobWorkVoucherFor, ledgersFor, ledgerXml, moneyVoucherFor, oldGoldVoucherFor, schemeBonusVoucherFor, schemeInstalmentVoucherFor, TALLY_ENVELOPE_END, tallyDate, tallyEnvelopeStart, tenderLedger, voucherCsvRows, voucherFor, voucherXml } from "../tally"

// A 22K ring and a 24K coin sold in Mumbai: ₹27,030.18 taxable, 1.5 % CGST and SGST (₹405.45 each), ₹27,841.08 rounded to ₹27,841.
const totals = { value: 27_030_18, discount: 0, taxable_value: 27_030_18, cgst: 405_45, sgst: 405_45, igst: 0, gst_total: 810_90, total: 27_841_08, round_off: -8, grand_total: 27_841_00 }
const body = (over: Partial<TaxDocumentBody> = {}) =>
  ({
    order: { id: "order_1", display_id: 1042, placed_at: "2026-12-03T07:30:00.000Z" },
    buyer: { name: "Asha Patil", gstin: null },
    totals,
    against: null,
    reason: null,
    ...over,
  }) as unknown as TaxDocumentBody
const invoice = { type: "invoice" as const, number: "MUM/26-27/000123", issued_at: new Date("2026-12-03T20:00:00Z"), branch_code: "MUM", body: body() }

describe("Tally export", () => {
  it("writes the India day of an instant as Tally dates it", () => {
    expect(tallyDate(new Date("2026-12-03T20:00:00Z"))).toBe("20261204")
    expect(tallyDate(new Date("2026-03-31T18:29:59Z"))).toBe("20260331")
  })

  it("turns an invoice into a sales voucher whose entries balance: the bill debited, sales and GST credited, rounding on its own", () => {
    const v = voucherFor(invoice)
    expect(v).toEqual({
      type: "Sales",
      date: "20261204",
      number: "MUM/26-27/000123",
      party: "Retail Customers - MUM",
      narration: "Tax invoice for order #1042",
      entries: [
        { ledger: "Retail Customers - MUM", amount_paise: -27_841_00 },
        { ledger: "Sales - MUM", amount_paise: 27_030_18 },
        { ledger: "Output CGST", amount_paise: 405_45 },
        { ledger: "Output SGST", amount_paise: 405_45 },
        // Rounded down by 8 paise: a debit to round-off.
        { ledger: "Round Off", amount_paise: -8 },
      ],
    })
    expect(v.entries.reduce((n, e) => n + e.amount_paise, 0)).toBe(0)
  })

  it("reverses a credit note, and posts a buyer with a GSTIN to a ledger of their own; inter-state GST is IGST", () => {
    const igst = { ...totals, cgst: 0, sgst: 0, igst: 810_90 }
    const note = voucherFor({
      type: "credit_note",
      number: "MUM/CN26-27/0004",
      issued_at: new Date("2026-12-05T06:00:00Z"),
      branch_code: "MUM",
      body: body({ buyer: { name: "Ratna Traders", gstin: "27AAAPL1234C1ZV" } as TaxDocumentBody["buyer"], totals: igst, against: { number: "MUM/26-27/000123", issued_at: "" }, reason: "Size did not fit" }),
    })
    expect(note.type).toBe("Credit Note")
    expect(note.entries).toEqual([
      { ledger: "Ratna Traders (27AAAPL1234C1ZV)", amount_paise: 27_841_00 },
      { ledger: "Sales - MUM", amount_paise: -27_030_18 },
      { ledger: "Output IGST", amount_paise: -810_90 },
      { ledger: "Round Off", amount_paise: 8 },
    ])
    expect(note.narration).toBe("Credit note against MUM/26-27/000123 (order #1042): Size did not fit")
    expect(ledgersFor([{ branch_code: "MUM", buyer: invoice.body.buyer }, { branch_code: "PUN", buyer: { name: "Ratna Traders", gstin: "27AAAPL1234C1ZV" } }]).map((l) => [l.name, l.parent])).toEqual([
      ["Output CGST", "Duties & Taxes"],
      ["Output IGST", "Duties & Taxes"],
      ["Output SGST", "Duties & Taxes"],
      ["Ratna Traders (27AAAPL1234C1ZV)", "Sundry Debtors"],
      ["Retail Customers - MUM", "Sundry Debtors"],
      ["Round Off", "Indirect Expenses"],
      ["Sales - MUM", "Sales Accounts"],
      ["Sales - PUN", "Sales Accounts"],
    ])
  })

  it("takes a bill's payments as Receipts into each tender's ledger and its refunds as Payments out of it, the party credited and debited", () => {
    const party = { branch_code: "MUM", buyer: { name: "Meera Shah", gstin: null } }
    // ₹27,841 paid ₹20,000 in cash and ₹7,841 by UPI on 3 Dec; ₹5,000 of the UPI part refunded on 9 Dec.
    const cash = moneyVoucherFor({ kind: "receipt", id: "capt_1", at: new Date("2026-12-03T06:00:00Z"), branch_code: "MUM", provider_id: "pp_instore_cash", amount_paise: 2_000_000, party, order_display_id: 1042 })
    const upi = moneyVoucherFor({ kind: "receipt", id: "capt_2", at: new Date("2026-12-03T06:00:00Z"), branch_code: "MUM", provider_id: "pp_instore_upi", amount_paise: 784_100, party, order_display_id: 1042 })
    const back = moneyVoucherFor({ kind: "refund", id: "ref_1", at: new Date("2026-12-09T20:00:00Z"), branch_code: "MUM", provider_id: "pp_instore_upi", amount_paise: 500_000, party, order_display_id: 1042 })
    expect(cash).toEqual({
      type: "Receipt",
      date: "20261203",
      number: "capt_1",
      party: "Retail Customers - MUM",
      narration: "Received for order #1042 (Cash - MUM)",
      entries: [
        { ledger: "Cash - MUM", amount_paise: -2_000_000 },
        { ledger: "Retail Customers - MUM", amount_paise: 2_000_000 },
      ],
    })
    expect([back.type, back.date, back.entries]).toEqual([
      "Payment",
      "20261210",
      [
        { ledger: "UPI Collections - MUM", amount_paise: 500_000 },
        { ledger: "Retail Customers - MUM", amount_paise: -500_000 },
      ],
    ])
    // The party ledger: credited ₹27,841 by the receipts, debited ₹5,000 by the refund.
    const partyNet = [cash, upi, back].flatMap((v) => v.entries).filter((e) => e.ledger === "Retail Customers - MUM").reduce((n, e) => n + e.amount_paise, 0)
    expect(partyNet).toBe(2_284_100)
    expect([tenderLedger("PUN", "pp_instore_old_gold"), tenderLedger("PUN", "pp_instore_points"), tenderLedger("PUN", "pp_razorpay_razorpay"), tenderLedger("PUN", "pp_system_default")]).toEqual([
      { name: "Old Gold Exchange - PUN", parent: "Current Liabilities" },
      { name: "Loyalty Points Redeemed", parent: "Indirect Expenses" },
      { name: "Razorpay Collections", parent: "Bank Accounts" },
      { name: "Cash - PUN", parent: "Cash-in-Hand" },
    ])
    expect(ledgersFor([party], [{ branch_code: "MUM", provider_id: "pp_instore_upi" }]).map((l) => l.name)).toContain("UPI Collections - MUM")
  })

  it("receives a scheme instalment into the branch's scheme deposits, which the sale's scheme tender takes out again", () => {
    const paid = schemeInstalmentVoucherFor({ card_number: "MUM/SC26-27/0004", sequence: 3, paid_on: "2026-12-03", amount_paise: 500_000, tender: "upi", branch_code: "MUM" })
    expect(paid).toEqual({
      type: "Receipt",
      date: "20261203",
      number: "MUM/SC26-27/0004/3",
      party: "Savings Scheme Deposits - MUM",
      narration: "Instalment 3 on scheme card MUM/SC26-27/0004 (UPI Collections - MUM)",
      entries: [
        { ledger: "UPI Collections - MUM", amount_paise: -500_000 },
        { ledger: "Savings Scheme Deposits - MUM", amount_paise: 500_000 },
      ],
    })
    const redeemed = moneyVoucherFor({ kind: "receipt", id: "capt_7", at: new Date("2027-10-03T06:00:00Z"), branch_code: "MUM", provider_id: "pp_instore_scheme", amount_paise: 500_000, party: { branch_code: "MUM", buyer: { name: "Meera Shah", gstin: null } }, order_display_id: 2001 })
    expect([paid, redeemed].flatMap((v) => v.entries).filter((e) => e.ledger === "Savings Scheme Deposits - MUM").reduce((n, e) => n + e.amount_paise, 0)).toBe(0)
    expect(schemeInstalmentVoucherFor({ card_number: "PUN/SC26-27/0001", sequence: 1, paid_on: "2026-12-03", amount_paise: 100_000, tender: "razorpay", branch_code: "PUN" }).entries[0].ledger).toBe("Razorpay Collections")
    // Eleven instalments of ₹5,000 and the shop's twelfth: redeemed for ₹60,000, the ₹5,000 bonus journalled into the deposits that day.
    const bonus = schemeBonusVoucherFor({ number: "MUM/SC26-27/0004", branch_code: "MUM", redeemed_at: new Date("2027-11-03T06:00:00Z"), redeemed_paise: 6_000_000, paid_paise: 5_500_000 })
    expect(bonus).toEqual({
      type: "Journal",
      date: "20271103",
      number: "MUM/SC26-27/0004/bonus",
      party: "Savings Scheme Deposits - MUM",
      narration: "The shop's bonus on scheme card MUM/SC26-27/0004, redeemed",
      entries: [
        { ledger: "Scheme Bonus - MUM", amount_paise: -500_000 },
        { ledger: "Savings Scheme Deposits - MUM", amount_paise: 500_000 },
      ],
    })
    expect(schemeBonusVoucherFor({ number: "MUM/SC26-27/0005", branch_code: "MUM", redeemed_at: new Date(), redeemed_paise: 100, paid_paise: 100 })).toBeNull()
  })

  it("books old gold bought as a Purchase: paid part in cash, part kept as credit for the sale it was exchanged against", () => {
    // A ₹1,20,000 chain taken in exchange: ₹20,000 paid in cash, ₹1,00,000 kept against the new bangle.
    const v = oldGoldVoucherFor({
      number: "MUM/OG26-27/0007",
      issued_at: new Date("2026-12-03T06:00:00Z"),
      branch_code: "MUM",
      kind: "exchange",
      total_value_paise: 12_000_000,
      cash_paise: 2_000_000,
      bank_paise: 0,
      sale_credit_paise: 10_000_000,
    })
    expect(v).toEqual({
      type: "Purchase",
      date: "20261203",
      number: "MUM/OG26-27/0007",
      party: "Cash - MUM",
      narration: "Old gold taken in exchange against a sale (voucher MUM/OG26-27/0007)",
      entries: [
        { ledger: "Old Gold Purchases - MUM", amount_paise: -12_000_000 },
        { ledger: "Cash - MUM", amount_paise: 2_000_000 },
        { ledger: "Old Gold Exchange - MUM", amount_paise: 10_000_000 },
      ],
    })
    // The sale's old-gold tender later takes the credit out of the same ledger: it nets to nothing.
    const tender = moneyVoucherFor({ kind: "receipt", id: "capt_9", at: new Date("2026-12-03T06:05:00Z"), branch_code: "MUM", provider_id: "pp_instore_old_gold", amount_paise: 10_000_000, party: { branch_code: "MUM", buyer: { name: "Meera Shah", gstin: null } }, order_display_id: 1043 })
    const exchangeLedger = [v, tender].flatMap((x) => x.entries).filter((e) => e.ledger === "Old Gold Exchange - MUM").reduce((n, e) => n + e.amount_paise, 0)
    expect(exchangeLedger).toBe(0)
    expect(() => oldGoldVoucherFor({ number: "X", issued_at: new Date(), branch_code: "MUM", kind: "purchase", total_value_paise: 100, cash_paise: 50, bank_paise: 0, sale_credit_paise: 0 })).toThrow(/do not add up/)
  })

  it("writes Tally's import envelope: the company, ledger masters, then vouchers with debits negative and deemed positive", () => {
    const file = tallyEnvelopeStart("Shree Ganesh Jewellers & Sons") + ledgersFor([{ branch_code: "MUM", buyer: invoice.body.buyer }]).map(ledgerXml).join("") + voucherXml(voucherFor(invoice)) + TALLY_ENVELOPE_END
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, isArray: (name) => ["TALLYMESSAGE", "ALLLEDGERENTRIES.LIST"].includes(name) }).parse(file)
    const envelope = parsed.ENVELOPE
    expect(envelope.HEADER.TALLYREQUEST).toBe("Import Data")
    expect(envelope.BODY.IMPORTDATA.REQUESTDESC).toEqual({ REPORTNAME: "Vouchers", STATICVARIABLES: { SVCURRENTCOMPANY: "Shree Ganesh Jewellers & Sons" } })
    const messages = envelope.BODY.IMPORTDATA.REQUESTDATA.TALLYMESSAGE
    expect(messages.filter((m: Record<string, unknown>) => m.LEDGER).map((m: { LEDGER: { "@NAME": string; PARENT: string } }) => m.LEDGER["@NAME"])).toContain("Sales - MUM")
    const voucher = messages.find((m: Record<string, unknown>) => m.VOUCHER).VOUCHER
    expect([voucher["@VCHTYPE"], voucher["@ACTION"], voucher.DATE, voucher.VOUCHERNUMBER]).toEqual(["Sales", "Create", "20261204", "MUM/26-27/000123"])
    expect(voucher["ALLLEDGERENTRIES.LIST"].map((e: Record<string, string>) => [e.LEDGERNAME, e.ISDEEMEDPOSITIVE, e.AMOUNT])).toEqual([
      ["Retail Customers - MUM", "Yes", "-27841.00"],
      ["Sales - MUM", "No", "27030.18"],
      ["Output CGST", "No", "405.45"],
      ["Output SGST", "No", "405.45"],
      ["Round Off", "Yes", "-0.08"],
    ])
    // The company's name is escaped, not broken: & stays a character.
    expect(file).toContain("Shree Ganesh Jewellers &amp; Sons")
    expect(voucherCsvRows(voucherFor(invoice))[0]).toEqual(["2026-12-04", "Sales", "MUM/26-27/000123", "Retail Customers - MUM", "27841.00", "", "Tax invoice for order #1042"])
  })

  it("sends job work out and back as Material Out and Material In: fine metal at the challan's declared rate, wastage named, no money moved", () => {
    // The karigar worked example (docs/counter.md): 45.800 g fine out, declared ₹3,59,889.89; 44.518 g fine back with 1.282 g wastage.
    const challan = {
      number: "MUM/JW26-27/0001",
      karigar: { name: "Ramesh Soni", gstin: null },
      metal: "gold",
      description: "22K bar for two bangles",
      challan_fine_mg: 45_800,
      challan_value_paise: 359_889_89,
      allowed_wastage_bps: 300,
    }
    const out = jobWorkVoucherFor({ ...challan, kind: "issue", at: new Date("2026-12-01T06:00:00Z"), fine_mg: 45_800, wastage_fine_mg: 0 })
    const back = jobWorkVoucherFor({ ...challan, kind: "receipt", number: "MUM/JW26-27/0001/R1", at: new Date("2026-12-05T19:00:00Z"), description: "2 bangles", fine_mg: 44_518, wastage_fine_mg: 1_282 })
    expect([out.type, out.party, out.entries, out.inventory]).toEqual(["Material Out", "Ramesh Soni (Job Worker)", [], [{ item: "Fine Gold", quantity_mg: 45_800, amount_paise: 359_889_89, inward: false }]])
    // 44.518 of 45.800 g: ₹3,59,889.89 × 44 518 ÷ 45 800 = ₹3,49,816.116 2 → ₹3,49,816.12.
    expect([back.type, back.date, back.inventory]).toEqual(["Material In", "20261206", [{ item: "Fine Gold", quantity_mg: 44_518, amount_paise: 349_816_12, inward: true }]])
    expect(back.narration).toBe("Received from Ramesh Soni on challan MUM/JW26-27/0001: 2 bangles; 44.518 g fine gold, wastage 1.282 g fine allowed")

    const file = tallyEnvelopeStart("Shop") + jobWorkMastersXml(["gold", "gold"]) + voucherXml(out) + voucherXml(back) + TALLY_ENVELOPE_END
    const messages = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, isArray: (name) => ["TALLYMESSAGE", "ALLINVENTORYENTRIES.LIST"].includes(name) }).parse(file)
      .ENVELOPE.BODY.IMPORTDATA.REQUESTDATA.TALLYMESSAGE
    // The unit, then the stock item counted in it, before any voucher uses them.
    expect(messages.slice(0, 2)).toEqual([
      { UNIT: { "@NAME": "g", "@ACTION": "Create", NAME: "g", ISSIMPLEUNIT: "Yes", DECIMALPLACES: "3" } },
      { STOCKITEM: { "@NAME": "Fine Gold", "@ACTION": "Create", "NAME.LIST": { NAME: "Fine Gold" }, BASEUNITS: "g" } },
    ])
    const [issued, received] = messages.slice(2).map((m: { VOUCHER: Record<string, unknown> }) => m.VOUCHER)
    expect([issued["@VCHTYPE"], issued.VOUCHERNUMBER, issued["ALLLEDGERENTRIES.LIST"]]).toEqual(["Material Out", "MUM/JW26-27/0001", undefined])
    expect(issued["ALLINVENTORYENTRIES.LIST"]).toEqual([
      {
        STOCKITEMNAME: "Fine Gold",
        ISDEEMEDPOSITIVE: "No",
        RATE: "7857.86/g",
        AMOUNT: "359889.89",
        ACTUALQTY: "45.800 g",
        BILLEDQTY: "45.800 g",
        "BATCHALLOCATIONS.LIST": { GODOWNNAME: "Main Location", AMOUNT: "359889.89", ACTUALQTY: "45.800 g", BILLEDQTY: "45.800 g" },
      },
    ])
    // In is deemed positive, its amount negative, as Tally writes a debit.
    expect((received["ALLINVENTORYENTRIES.LIST"] as Record<string, string>[]).map((e) => [e.ISDEEMEDPOSITIVE, e.AMOUNT, e.ACTUALQTY])).toEqual([["Yes", "-349816.12", "44.518 g"]])
    expect(voucherCsvRows(back)).toEqual([
      ["2026-12-06", "Material In", "MUM/JW26-27/0001/R1", "Ramesh Soni (Job Worker)", "", "", `${back.narration} (in: 44.518 g Fine Gold, valued Rs 349816.12)`],
    ])
  })
})
