import { compileSegmentRule, parseSegmentRule } from "../segments"

const TODAY = { year: 2026, month: 11, day: 25 }
const NOW = "2026-11-25T06:30:00.000Z"

describe("segment rules", () => {
  it("accepts nested AND/OR groups of known conditions", () => {
    const { rule, problems } = parseSegmentRule({
      all: [{ field: "lifetime_value", op: "gte", value: 100000 }, { any: [{ field: "tag", op: "includes", value: "wedding-2026" }, { field: "birthday", op: "within_days", value: 7 }] }],
    })
    expect(problems).toEqual([])
    expect(rule).not.toBeNull()
  })

  it("names what is wrong: unknown field or operator, bad values, too deep", () => {
    expect(parseSegmentRule({ field: "shoe_size", op: "eq", value: 9 }).problems[0]).toMatch(/^rule/)
    expect(parseSegmentRule({ field: "order_count", op: "between", value: 3 }).problems[0]).toMatch(/op/)
    expect(parseSegmentRule({ field: "lifetime_value", op: "gte", value: 10.005 }).problems[0]).toMatch(/2 decimals/)
    expect(parseSegmentRule({ field: "recency", op: "gte", value: 6 }).problems[0]).toMatch(/1 to 5/)
    expect(parseSegmentRule({ all: [] }).problems[0]).toMatch(/all/)
    expect(parseSegmentRule("lifetime_value > 5").problems).not.toEqual([])
    let deep: unknown = { field: "order_count", op: "gte", value: 1 }
    for (let i = 0; i < 5; i++) {
      deep = { all: [deep] }
    }
    expect(parseSegmentRule(deep).problems).toEqual(["rule: groups may nest at most 4 deep"])
  })

  it("compiles to one SQL condition with its bindings in order", () => {
    const { rule } = parseSegmentRule({
      all: [
        { field: "lifetime_value", op: "gte", value: 50000 },
        { any: [{ field: "preferred_metal", op: "includes", value: "Gold" }, { field: "tier", op: "in", value: ["Gold", "Platinum"] }] },
        { field: "last_purchase", op: "older_than_days", value: 180 },
        { field: "consent", op: "granted", value: "whatsapp" },
      ],
    })
    const compiled = compileSegmentRule(rule!, TODAY, NOW)
    expect(compiled.sql).toBe(
      "((lifetime_value >= ?) and ((preferred_metals @> array[?]::text[]) or (lower(tier) in (?, ?))) and " +
        "(last_order_at is null or last_order_at < ?::timestamptz - make_interval(days => ?)) and (consent_whatsapp))"
    )
    expect(compiled.bindings).toEqual([50000, "gold", "gold", "platinum", NOW, 180])
  })

  it("looks at the coming month-days for birthdays (29 February on the 28th in other years) and compares RFM scores", () => {
    const { rule } = parseSegmentRule({ all: [{ field: "birthday", op: "within_days", value: 2 }, { field: "monetary", op: "eq", value: 5 }] })
    const compiled = compileSegmentRule(rule!, { year: 2027, month: 2, day: 27 }, NOW)
    expect(compiled.sql).toBe("((birthday_md in (?, ?, ?, ?)) and (monetary_score = ?))")
    expect(compiled.bindings).toEqual(["0227", "0228", "0229", "0301", 5])
  })

  it("selects by the preference model's shares: a third of the customer's interest unless min_share says otherwise", () => {
    const { rule } = parseSegmentRule({
      any: [
        { field: "preference_match", op: "category", value: "Rings" },
        { field: "preference_match", op: "metal", value: "gold", min_share: 0.6 },
      ],
    })
    const compiled = compileSegmentRule(rule!, TODAY, NOW)
    expect(compiled.sql.match(/customer_id in \(select a\.customer_id from customer_affinity a/g)).toHaveLength(2)
    expect(compiled.sql).toContain("m.status = 'current'")
    expect(compiled.bindings).toEqual(["category", "rings", 0.3, "metal", "gold", 0.6])
    expect(parseSegmentRule({ field: "preference_match", op: "design", value: "x" }).problems).toEqual([
      expect.stringMatching(/^op: Invalid (enum value|option)/),
    ])
    expect(parseSegmentRule({ field: "preference_match", op: "metal", value: "gold", min_share: 0.01 }).problems).toEqual([
      "min_share: min_share runs from 0.05 to 1",
    ])
  })

  it("selects the customers of a new-arrivals call list, by the list's id", () => {
    const { rule } = parseSegmentRule({
      all: [
        { field: "new_arrivals_list", op: "on", value: "narr_01KBQ3Z" },
        { field: "consent", op: "granted", value: "whatsapp" },
      ],
    })
    const compiled = compileSegmentRule(rule!, TODAY, NOW)
    expect(compiled.sql).toMatch(/^\(\(customer_id in \(select c\.value ->> 'customer_id' from new_arrival_list l .* where l\.id = \? and l\.deleted_at is null\)\) and \(consent_whatsapp\)\)$/s)
    expect(compiled.bindings).toEqual(["narr_01KBQ3Z"])
    expect(parseSegmentRule({ field: "new_arrivals_list", op: "on", value: "cus_1" }).problems).toEqual(["value: a new-arrivals list's id (narr_…)"])
    expect(parseSegmentRule({ field: "new_arrivals_list", op: "in", value: "narr_1" }).problems).toEqual([expect.stringMatching(/^op: /)])
  })
})
