import type { ShopSuite } from "../support/runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { demoShop, expectStatus, ok, pdfText, salesStaffHeaders, type Headers } from "./helpers"

/**
 * Karigar job work (docs/counter.md, "Karigars and job work"): Mumbai issues 50 g of 22K bar to a karigar on a
 * job-work challan, two bangles and the wastage come back and settle it; receipts beyond what was issued or the
 * wastage allowed, a settled challan, another branch, a seller are refused with nothing written; old metal issued
 * from the branch's old-gold stock leaves it, and more than the branch holds is refused without using a number.
 */
export const karigarSuite: ShopSuite = ({ api, getContainer }) => {
  let owner: Headers
  let mumbaiManager: Headers
  let mumbaiStaff: Headers
  let puneManager: Headers
  let branch: Record<string, string>

  const knex = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const count = async (table: string) => Number((await knex().raw(`select count(*)::int as n from ${table} where deleted_at is null`)).rows[0].n)
  const issue = (body: Record<string, unknown>, who = mumbaiManager) => expectStatus(api.post("/admin/karigar-issues", body, who))
  const receive = (id: string, body: Record<string, unknown>, who = mumbaiManager) => expectStatus(api.post(`/admin/karigar-issues/${id}/receipts`, body, who))
  const addKarigar = async (body: Record<string, unknown>) => (await ok(api.post("/admin/karigars", body, owner))).data.karigar

  beforeAll(async () => {
    ;({ auth: owner } = await demoShop(getContainer(), api))
    const { rows } = await knex().raw("select id, code from branch where deleted_at is null")
    branch = Object.fromEntries(rows.map((r: { id: string; code: string }) => [r.code, r.id]))
    mumbaiManager = await salesStaffHeaders(getContainer(), api, "karigar.manager.mum@example.in", branch.MUM, "branch_manager")
    mumbaiStaff = await salesStaffHeaders(getContainer(), api, "karigar.staff.mum@example.in", branch.MUM)
    puneManager = await salesStaffHeaders(getContainer(), api, "karigar.manager.pun@example.in", branch.PUN, "branch_manager")
  })

  it("keeps a karigar's account: a bar issued on a challan, bangles and wastage back settle it; more than is out, or wastage beyond the allowance, is refused", async () => {
    const ramesh = await addKarigar({ name: "Ramesh Soni", phone: "98200 12345", address: "Zaveri Bazaar, Mumbai", wastage_bps: 300 })
    expect(ramesh).toMatchObject({ name: "Ramesh Soni", phone: "+919820012345", wastage_bps: 300, active: true, balances: [] })
    const twice = await expectStatus(api.post("/admin/karigars", { name: "ramesh soni" }, owner))
    expect([twice.status, twice.data.message]).toEqual([409, expect.stringContaining('A karigar named "Ramesh Soni" exists already')])
    const badGstin = await expectStatus(api.post("/admin/karigars", { name: "Suresh", gstin: "27ABCDE1234F1Z5" }, owner))
    expect([badGstin.status, badGstin.data.message]).toEqual([400, expect.stringContaining("gstin: The check character should be")])

    const body = { branch_id: branch.MUM, karigar_id: ramesh.id, metal: "gold", description: "22K bar for two bangles", purity: 916, gross_weight: "50.000", idempotency_key: "MUM-JW-bangles-1" }
    const sent = await issue(body)
    expect([sent.status, sent.data.message]).toEqual([201, undefined])
    const challan = sent.data.issue
    expect(challan).toMatchObject({
      status: "open",
      form: "metal",
      fine_weight_mg: 45_800,
      net_weight_mg: 50_000,
      allowed_wastage_bps: 300,
      wastage_allowance_mg: 1_374,
      outstanding_mg: 45_800,
      karigar: { id: ramesh.id, name: "Ramesh Soni" },
      branch: { code: "MUM" },
      receipts: [],
    })
    expect(challan.number).toMatch(/^MUM\/JW\d{2}-\d{2}\/\d{4}$/)
    expect(challan.value_paise).toBeGreaterThan(0)
    const replay = await issue(body)
    expect([replay.status, replay.data.issue.id]).toEqual([200, challan.id])
    expect((await ok(api.get(`/admin/karigars?q=ramesh`, owner))).data.karigars[0].balances).toEqual([{ metal: "gold", outstanding_mg: 45_800, open_issues: 1 }])

    // More back than went out, and more wastage than 3 % of 45.800 g: refused, nothing booked.
    const tooMuch = await receive(challan.id, { form: "pieces", description: "2 bangles", purity: 916, gross_weight: "52.000" })
    expect([tooMuch.status, tooMuch.data.message]).toEqual([409, expect.stringContaining(`exceeds what was issued on challan ${challan.number}: 45.800 g fine issued`)])
    const tooMuchWastage = await receive(challan.id, { form: "pieces", description: "2 bangles", purity: 916, gross_weight: "48.600", wastage: "1.400" })
    expect([tooMuchWastage.status, tooMuchWastage.data.message]).toEqual([409, expect.stringContaining("wastage 1.400 g fine is more than challan")])
    expect(await count("karigar_receipt")).toBe(0)
    const negative = await receive(challan.id, { form: "metal", description: "scrap", purity: 916, gross_weight: "-1" })
    expect([negative.status, negative.data.message]).toEqual([400, expect.stringContaining("Invalid weight in grams")])

    // Another branch's manager does not see it; a seller may not issue metal.
    expect((await expectStatus(api.get(`/admin/karigar-issues/${challan.id}`, puneManager))).status).toBe(404)
    expect((await receive(challan.id, { form: "metal", description: "bar", purity: 916, gross_weight: "1" }, puneManager)).status).toBe(404)
    expect((await ok(api.get("/admin/karigar-issues", puneManager))).data.count).toBe(0)
    expect((await ok(api.get(`/admin/karigars/${ramesh.id}`, puneManager))).data.karigar).toMatchObject({ balances: [], ledger: [] })
    expect((await issue({ ...body, idempotency_key: undefined }, mumbaiStaff)).status).toBe(403)
    expect((await issue({ ...body, branch_id: branch.MUM, idempotency_key: undefined }, puneManager)).status).toBe(400)

    // Two bangles of 48.600 g (44.518 g fine) and 1.282 g of wastage: settled; the same key again books nothing.
    const back = { form: "pieces", description: "2 bangles, 22K", purity: 916, gross_weight: "48.600", wastage: "1.282", idempotency_key: "MUM-JW-bangles-1-back" }
    const booked = await receive(challan.id, back)
    expect([booked.status, booked.data.message]).toEqual([201, undefined])
    expect(booked.data.issue).toMatchObject({ status: "settled", received_fine_mg: 44_518, wastage_fine_mg: 1_282, outstanding_mg: 0 })
    expect(booked.data.receipt).toMatchObject({ fine_weight_mg: 44_518, wastage_fine_mg: 1_282, received_by: { name: "Counter Staff" } })
    const again = await receive(challan.id, back)
    expect([again.status, again.data.receipt.id]).toEqual([200, booked.data.receipt.id])
    expect(await count("karigar_receipt")).toBe(1)
    const settled = await receive(challan.id, { form: "metal", description: "more", purity: 999, gross_weight: "0.100" })
    expect([settled.status, settled.data.message]).toEqual([409, `Challan ${challan.number} is settled; it takes no more receipts`])

    const account = (await ok(api.get(`/admin/karigars/${ramesh.id}`, mumbaiManager))).data.karigar
    expect(account.balances).toEqual([])
    expect(account.ledger.map((e: { kind: string; fine_mg: number; balance_mg: number }) => [e.kind, e.fine_mg, e.balance_mg])).toEqual([
      ["wastage", 1_282, 0],
      ["receipt", 44_518, 1_282],
      ["issue", 45_800, 45_800],
    ])

    const pdf = await pdfText((await api.get(`/admin/karigar-issues/${challan.id}/challan`, { ...mumbaiManager, responseType: "arraybuffer" })).data)
    for (const text of ["JOB-WORK CHALLAN", challan.number, "Ramesh Soni", "45.800 g", "1.374 g", "7108", "rule 45"]) {
      expect(pdf).toContain(text)
    }

    // The counter report's section: the challan issued, the bangles and wastage back, nothing with karigars now.
    const day = new Date(Date.now() + 5.5 * 3_600_000).toISOString().slice(0, 10)
    const section = (await ok(api.get(`/admin/reports/counter?from=${day}&to=${day}`, owner))).data.sections.find((s: { id: string }) => s.id === "karigars")
    expect(Object.fromEntries(section.figures.map((f: { label: string; value: number }) => [f.label, f.value]))).toEqual({
      "Challans issued": 1,
      "Fine gold issued (g)": 45_800,
      "Fine gold back (g)": 44_518,
      "Gold wastage allowed (g)": 1_282,
      "Fine gold with karigars now (g)": 0,
    })

    const trail = (await ok(api.get(`/admin/audit?action=karigar*&limit=20`, owner))).data.audit_entries as { action: string; entity_id: string }[]
    expect(trail.map((e) => e.action).sort()).toEqual(["karigar.created", "karigar_issue.issued", "karigar_issue.received"])
  })

  it("books one of two receipts at once that would together bring back more than is out", async () => {
    const karigar = await addKarigar({ name: "Anil Verma" })
    const { data } = await ok(api.post("/admin/karigar-issues", { branch_id: branch.MUM, karigar_id: karigar.id, metal: "silver", description: "Silver for anklets", purity: 999, gross_weight: "100" }, mumbaiManager))
    const half = { form: "metal", description: "Silver back", purity: 999, gross_weight: "60" }
    const answers = await Promise.all([receive(data.issue.id, half), receive(data.issue.id, half)])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409])
    expect((await ok(api.get(`/admin/karigar-issues/${data.issue.id}`, mumbaiManager))).data.issue).toMatchObject({ received_fine_mg: 59_940, status: "open", outstanding_mg: 39_960 })
  })

  it("takes finished pieces back into stock at the challan's branch in the same step, their weights the receipt's; a piece intake would refuse refuses the receipt", async () => {
    const karigar = await addKarigar({ name: "Mahesh Soni" })
    const sent = await ok(
      api.post("/admin/karigar-issues", { branch_id: branch.MUM, karigar_id: karigar.id, metal: "gold", description: "22K bar for two bangles", purity: 916, gross_weight: "20" }, mumbaiManager)
    )
    const challan = sent.data.issue
    const bangle = (tag: string, grams: string, size: string, huid?: string) => ({
      tag_code: tag,
      category: "bangles",
      gross_weight_g: grams,
      net_weight_g: grams,
      making: { type: "per_gram", rupees: "400" },
      design_code: "kar-bng-01",
      size,
      ...(huid ? { huid } : {}),
    })
    const receipt = { form: "pieces", description: "2 bangles", purity: 916, wastage: "0.500", pieces: [bangle("KAR-B-1", "9.000", "2.4"), bangle("KAR-B-2", "9.200", "2.6", "KR12BN")] }

    // The weight is the pieces': giving it as well is refused. A piece intake would refuse takes the receipt back with it.
    const both = await receive(challan.id, { ...receipt, gross_weight: "18.2" })
    expect([both.status, both.data.message]).toEqual([400, expect.stringContaining("gross_weight: give the weight of what came back, or list the pieces")])
    const taken = await receive(challan.id, { ...receipt, pieces: [receipt.pieces[0], bangle("SGJ-RNG-LAK-22K-12", "9.200", "2.6")] })
    expect([taken.status, taken.data.message]).toEqual([
      400,
      "pieces: piece 2 (SGJ-RNG-LAK-22K-12): tag SGJ-RNG-LAK-22K-12 is already used by another piece; nothing was received",
    ])
    expect(await count("karigar_receipt")).toBe(0)
    expect((await expectStatus(api.get("/admin/jewelry/tags/KAR-B-1", mumbaiManager))).status).toBe(404)

    const back = await receive(challan.id, { ...receipt, idempotency_key: "MUM-JW-bangles-back-1" })
    expect([back.status, back.data.pieces_stocked]).toEqual([201, ["KAR-B-1", "KAR-B-2"]])
    // 18.200 g of 22K is 16.671 g fine; with 0.500 g wastage, 1.149 g of the 18.320 g issued is still out.
    expect(back.data.receipt).toMatchObject({ form: "pieces", gross_weight_mg: 18_200, net_weight_mg: 18_200, fine_weight_mg: 16_671, wastage_fine_mg: 500 })
    expect(back.data.issue).toMatchObject({ received_fine_mg: 16_671, wastage_fine_mg: 500, outstanding_mg: 1_149, status: "open" })
    const first = (await ok(api.get("/admin/jewelry/tags/KAR-B-1", mumbaiManager))).data
    const second = (await ok(api.get("/admin/jewelry/tags/KAR-B-2", mumbaiManager))).data
    expect([first.product.handle, second.product.id, second.piece.huid, second.piece.metal, second.piece.purity]).toEqual(["design-kar-bng-01", first.product.id, "KR12BN", "gold", 916])
    expect([first, second].map((t) => t.stock.filter((s: { stocked: number }) => s.stocked).map((s: { branch_code: string; stocked: number }) => [s.branch_code, s.stocked]))).toEqual([
      [["MUM", 1]],
      [["MUM", 1]],
    ])
    expect(first.breakdown.taxable_value).toBeGreaterThan(0)

    // The same key again books nothing and stocks nothing more.
    const replay = await receive(challan.id, { ...receipt, idempotency_key: "MUM-JW-bangles-back-1" })
    expect([replay.status, replay.data.receipt.id, await count("karigar_receipt")]).toEqual([200, back.data.receipt.id, 1])
    const trail = (await ok(api.get(`/admin/audit?action=karigar_issue.received&limit=5`, owner))).data.audit_entries as { metadata: Record<string, unknown> }[]
    expect(trail.map((e) => e.metadata.tag_codes)).toEqual([["KAR-B-1", "KAR-B-2"]])
  })

  it("issues old metal out of the branch's old-gold stock, for a job card, and refuses more than the branch holds without writing or numbering anything", async () => {
    const karigar = await addKarigar({ name: "Mahesh Karigar", wastage_bps: 100 })
    await ok(api.post("/admin/old-gold/movements", { idempotency_key: "karigar-suite-stock", branch_id: branch.MUM, metal: "gold", kind: "adjustment", fine_mg: 12_000 }, owner))
    const held = async () =>
      ((await ok(api.get(`/admin/old-gold/stock?branch_id=${branch.MUM}`, owner))).data.stock as { branch_id: string; metal: string; fine_mg: number }[]).find((s) => s.metal === "gold")?.fine_mg ?? 0
    const before = await held()
    expect(before).toBeGreaterThanOrEqual(12_000)

    const customer = (await ok(api.post("/admin/crm/customers", { first_name: "Kavita", last_name: "Rao", phone: "9820311111" }, owner))).data.customer
    const job = (
      await ok(
        api.post(
          "/admin/job-cards",
          { branch_id: branch.MUM, customer_id: customer.id, kind: "custom_order", article: "22K ring to order", work: "Make a ring from old gold", due_at: new Date(Date.now() + 10 * 86_400_000).toISOString() },
          mumbaiManager
        )
      )
    ).data.job
    const base = { branch_id: branch.MUM, karigar_id: karigar.id, metal: "gold", description: "Old gold, melted", purity: 999, from_old_gold_stock: true }
    const first = await issue({ ...base, gross_weight: "10", job_card_id: job.id })
    expect([first.status, first.data.message]).toEqual([201, undefined])
    expect(first.data.issue).toMatchObject({ fine_weight_mg: 9_990, from_old_gold_stock: true, allowed_wastage_bps: 100, job_card: { id: job.id, number: job.number } })
    expect(await held()).toBe(before - 9_990)
    const movements = (await ok(api.get(`/admin/old-gold/movements?branch_id=${branch.MUM}&kind=to_karigar`, owner))).data
    expect(JSON.stringify(movements)).toContain(first.data.issue.number)

    const issues = await count("karigar_issue")
    const beyond = await issue({ ...base, gross_weight: String((before - 9_990 + 1_000) / 1000) })
    expect([beyond.status, beyond.data.message]).toEqual([400, expect.stringContaining("cannot go out")])
    expect(await count("karigar_issue")).toBe(issues)
    expect(await held()).toBe(before - 9_990)
    const next = await issue({ ...base, gross_weight: "1", from_old_gold_stock: false })
    expect(Number(next.data.issue.number.split("/").pop())).toBe(Number(first.data.issue.number.split("/").pop()) + 1)

    const elsewhere = await issue({ ...base, branch_id: branch.PUN, gross_weight: "1", job_card_id: job.id, from_old_gold_stock: false }, owner)
    expect([elsewhere.status, elsewhere.data.message]).toEqual([400, expect.stringContaining(`job ${job.number} is another branch's`)])
    await ok(api.post(`/admin/karigars/${karigar.id}`, { active: false }, owner))
    const resting = await issue({ ...base, gross_weight: "1", from_old_gold_stock: false })
    expect([resting.status, resting.data.message]).toEqual([400, expect.stringContaining("Mahesh Karigar is marked as taking no work")])
  })

  it("takes metal a karigar returns back into the branch's old-gold stock, and links a job sent to him by name to his account", async () => {
    const karigar = await addKarigar({ name: "Suresh Soni", wastage_bps: 100 })
    const held = async () =>
      ((await ok(api.get(`/admin/old-gold/stock?branch_id=${branch.MUM}`, owner))).data.stock as { metal: string; fine_mg: number }[]).find((s) => s.metal === "gold")?.fine_mg ?? 0
    const out = await issue({ branch_id: branch.MUM, karigar_id: karigar.id, metal: "gold", description: "22K wire", purity: 916, gross_weight: "20", from_old_gold_stock: false })
    const before = await held()
    // Pieces come to the counter, not into the old-metal stock.
    const pieces = await receive(out.data.issue.id, { form: "pieces", description: "A ring", purity: 916, gross_weight: "5", to_old_gold_stock: true })
    expect([pieces.status, pieces.data.message]).toEqual([400, "Invalid request: to_old_gold_stock: only metal goes back into the old-metal stock; pieces come back to the counter"])
    const metalBack = { form: "metal", description: "Wire left over", purity: 916, gross_weight: "10", to_old_gold_stock: true, idempotency_key: "karigar-suite-metal-back" }
    const back = await receive(out.data.issue.id, metalBack)
    expect([back.status, back.data.receipt.to_old_gold_stock, back.data.receipt.fine_weight_mg]).toEqual([201, true, 9_160])
    expect(await held()).toBe(before + 9_160)
    const again = await receive(out.data.issue.id, metalBack)
    expect([again.status, await held()]).toEqual([200, before + 9_160])
    const movements = (await ok(api.get(`/admin/old-gold/movements?branch_id=${branch.MUM}&kind=from_karigar`, owner))).data
    expect(JSON.stringify(movements)).toContain(out.data.issue.number)

    // A repair sent to "suresh soni" is linked to the karigar party and shown on his page.
    const customer = (await ok(api.post("/admin/crm/customers", { first_name: "Meena", last_name: "Iyer", phone: "9820322222" }, owner))).data.customer
    const job = (
      await ok(
        api.post(
          "/admin/job-cards",
          { branch_id: branch.MUM, customer_id: customer.id, kind: "repair", article: "22K chain", work: "Re-solder", gross_weight_in: "8", net_weight_in: "8", due_at: new Date(Date.now() + 4 * 86_400_000).toISOString() },
          mumbaiManager
        )
      )
    ).data.job
    const sent = await ok(api.post(`/admin/job-cards/${job.id}/steps`, { status: "with_karigar", karigar_name: "suresh soni" }, mumbaiManager))
    expect(sent.data.job).toMatchObject({ status: "with_karigar", karigar_name: "Suresh Soni", karigar_id: karigar.id })
    const page = (await ok(api.get(`/admin/karigars/${karigar.id}`, mumbaiManager))).data.karigar
    expect(page.jobs.map((j: { number: string }) => j.number)).toEqual([job.number])
    // Another branch's manager sees his account without Mumbai's job.
    expect((await ok(api.get(`/admin/karigars/${karigar.id}`, puneManager))).data.karigar.jobs).toEqual([])
    // A karigar taking no work gets no job, named by id or by name.
    await ok(api.post(`/admin/job-cards/${job.id}/steps`, { status: "ready" }, mumbaiManager))
    await ok(api.post(`/admin/karigars/${karigar.id}`, { active: false }, owner))
    const resting = await expectStatus(api.post(`/admin/job-cards/${job.id}/steps`, { status: "with_karigar", karigar_id: karigar.id }, mumbaiManager))
    expect([resting.status, resting.data.message]).toEqual([409, "Suresh Soni is marked as taking no work; choose another karigar or mark him active on the Karigars page"])
  })
}
