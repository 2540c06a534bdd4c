import { parseCsv } from "../csv"
import { MAX_INTAKE_ROWS, parseStones, readIntakeSheet } from "../stock-intake"

const HEADER = "tag_code,category,metal,purity,gross_weight_g,net_weight_g,making_type,making_value,branch,quantity,huid,stones,stone_weight_g,wastage_percent"

describe("stock intake", () => {
  it("reads good rows into integer units", () => {
    const { pieces, errors } = readIntakeSheet(
      parseCsv(
        `${HEADER}\n` +
          "mum-r-001,rings,Gold,916,4.100,4.100,per_gram,450,mum,1,ab12cd,,,\n" +
          'mum-p-001,pendants,gold,750,2.192,2.100,percent,15,MUM,1,,"diamond:12:0.36:65000; ruby:1:0.10:=1200",0.092,0\n'
      )
    )
    expect(errors).toEqual([])
    expect(pieces[0]).toEqual(
      expect.objectContaining({ row: 2, tag_code: "MUM-R-001", branch: "MUM", quantity: 1, stock_unit: "piece", net_weight_mg: 4100, making_value: 45000, huid: "AB12CD" })
    )
    expect(pieces[1]).toEqual(expect.objectContaining({ row: 3, making_type: "percent", making_value: 1500, stone_weight_mg: 92 }))
    expect(pieces[1].stones).toEqual([
      { type: "diamond", count: 12, weight_mct: 360, price_per_carat_paise: 6500000 },
      { type: "ruby", count: 1, weight_mct: 100, fixed_price_paise: 120000 },
    ])
  })

  it("reads a piece's cost when the sheet has one, in paise, and says what is wrong with a bad one", () => {
    const { pieces, errors } = readIntakeSheet(
      parseCsv(`${HEADER},cost\n` + "MUM-C-1,rings,gold,916,4.1,4.1,per_gram,450,MUM,1,,,,,27500.50\nMUM-C-2,rings,gold,916,4.1,4.1,per_gram,450,MUM,1,,,,,\nMUM-C-3,rings,gold,916,4.1,4.1,per_gram,450,MUM,1,,,,,lots\n")
    )
    expect(pieces.map((p) => [p.tag_code, p.cost_paise])).toEqual([
      ["MUM-C-1", 27_500_50],
      ["MUM-C-2", undefined],
    ])
    expect(errors).toEqual([{ row: 4, reason: 'cost: Invalid amount in rupees: "lots" (use digits and at most 2 decimals)' }])
  })

  it("names every problem with its row", () => {
    const { pieces, errors } = readIntakeSheet(
      parseCsv(
        `${HEADER}\n` +
          "MUM-1,rings,gold,916,4.1,4.2,per_gram,450,MUM,1,,,,\n" +
          "MUM-2,rings,copper,916,4.1,4.1,per_gram,450,MUM,1,,,,\n" +
          "MUM-3,rings,gold,916,4.1,4.1,per_gram,-5,MUM,one,AB12,,,\n" +
          "MUM-4,rings,gold,916,4.1,4.1,per_gram,450,MUM,1,,,,\n" +
          "MUM-4,rings,gold,916,4.1,4.1,per_gram,450,MUM,1,,,,\n" +
          "MUM-6,rings,gold\n"
      )
    )
    expect(pieces.map((p) => p.tag_code)).toEqual(["MUM-4"])
    expect(errors).toEqual([
      { row: 2, reason: "The net weight (4.2 g) cannot exceed the gross weight (4.1 g)" },
      { row: 2, reason: "The gross weight (4.1 g) must equal net weight + stone weight (4.2 g)" },
      { row: 3, reason: 'metal "copper" must be one of gold, silver, platinum' },
      { row: 4, reason: 'making_value: Invalid amount in rupees: "-5" (use digits and at most 2 decimals)' },
      { row: 4, reason: 'quantity: "one" must be a whole number from 0 to 10000' },
      { row: 4, reason: 'HUID "AB12" must be exactly 6 characters, A–Z and 0–9' },
      { row: 6, reason: "tag MUM-4 is already used in row 5" },
      { row: 7, reason: "has 3 cells, the header has 14" },
    ])
  })

  it("takes one article per tag, and a count only for goods marked as counted", () => {
    const { pieces, errors } = readIntakeSheet(
      parseCsv(
        `${HEADER},stock_unit\n` +
          "MUM-R-9,rings,gold,916,4.1,4.1,per_gram,450,MUM,3,,,,,\n" +
          "MUM-R-10,rings,gold,916,4.1,4.1,per_gram,450,MUM,0,,,,,piece\n" +
          "MUM-COIN-1G,coins-bars,gold,999,1,1,flat,200,MUM,25,,,,,count\n" +
          "MUM-COIN-2G,coins-bars,gold,999,2,2,flat,200,MUM,25,ZX12CV,,,,count\n" +
          "MUM-COIN-5G,coins-bars,gold,999,5,5,flat,200,MUM,10001,,,,,count\n" +
          "MUM-BOWL-1,silverware,silver,925,40,40,flat,300,MUM,2,,,,,dozen\n"
      )
    )
    expect(pieces.map((p) => [p.tag_code, p.stock_unit, p.quantity])).toEqual([
      ["MUM-R-10", "piece", 0],
      ["MUM-COIN-1G", "count", 25],
    ])
    expect(errors).toEqual([
      { row: 2, reason: 'quantity: a tagged piece is one article, so its quantity is 1 (or 0); give each of the 3 articles its own tag, or mark goods sold by count with stock_unit "count"' },
      { row: 5, reason: "A HUID marks one hallmarked article, so a piece with HUID ZX12CV is stocked as a piece, not counted" },
      { row: 6, reason: "quantity: must be a whole number from 0 to 10000" },
      { row: 7, reason: 'stock_unit "dozen" must be piece or count' },
    ])
  })

  it("refuses a header with missing or unknown columns, and too many rows", () => {
    expect(readIntakeSheet(parseCsv("tag_code,colour\nX,red\n")).fatal).toMatch(/^Missing columns: category, metal.*; Unknown columns: colour/)
    const many = [HEADER.split(","), ...Array.from({ length: MAX_INTAKE_ROWS + 1 }, () => HEADER.split(",").map(() => ""))]
    expect(readIntakeSheet(many).fatal).toBe(`The file has ${MAX_INTAKE_ROWS + 1} rows; at most ${MAX_INTAKE_ROWS} are taken at once. Split it into smaller files.`)
  })

  it("explains a stone written the wrong way", () => {
    expect(() => parseStones("diamond:twelve:0.36:65000")).toThrow(/count must be a whole number/)
    expect(() => parseStones("diamond:0.36")).toThrow(/type:count:carats:price_per_carat/)
  })
})
