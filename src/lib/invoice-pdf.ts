/**
 * Draws a tax invoice or credit note (src/lib/invoice) as a PDF with pdfkit:
 * A4 landscape, the seller and buyer, one row per piece with its weights and
 * price components, the GST split, round-off, the total in words, tenders and
 * terms. Only draws: every figure comes from the document's body.
 */
import PDFDocument from "pdfkit"
import { pdfBytes } from "./pdf-bytes"
import type { ChargeLine, InvoiceLine, TaxDocumentBody } from "./invoice"

const PAGE = { size: "A4" as const, layout: "landscape" as const, margin: 30 }
const FONT = "Helvetica"
const BOLD = "Helvetica-Bold"

/** 6049993 → "60,499.93" (Indian grouping, no currency sign: the built-in PDF fonts have no ₹). */
export function rupees(paise: number): string {
  const sign = paise < 0 ? "-" : ""
  const abs = Math.abs(paise)
  const whole = Math.floor(abs / 100).toString()
  const last3 = whole.slice(-3)
  const rest = whole.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ",")
  return `${sign}${rest ? `${rest},` : ""}${last3}.${String(abs % 100).padStart(2, "0")}`
}

const grams = (mg: number | null) => (mg === null ? "" : (mg / 1000).toFixed(3))
/** A GST rate in parts per 100 000 as a percentage: 1500 → "1.5 %". */
const percent = (rate: number) => `${(rate / 1000).toFixed(3).replace(/\.?0+$/, "")} %`

/** 1 December 2026, India time. */
function istDate(iso: string | null): string {
  if (!iso) {
    return ""
  }
  return new Date(iso).toLocaleDateString("en-IN", { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Kolkata" })
}

type Column = { title: string; width: number; align: "left" | "right"; cell: (l: InvoiceLine, i: number) => string; charge?: (c: ChargeLine) => string }

function columns(intra: boolean, tableWidth: number): Column[] {
  const money = (pick: (l: InvoiceLine) => number) => (l: InvoiceLine) => (l.basis === "as_charged" && pick(l) === 0 ? "—" : rupees(pick(l)))
  const gst: Column[] = intra
    ? [
        { title: "CGST", width: 44, align: "right", cell: (l) => rupees(l.cgst), charge: (c) => rupees(c.cgst) },
        { title: "SGST", width: 44, align: "right", cell: (l) => rupees(l.sgst), charge: (c) => rupees(c.sgst) },
      ]
    : [{ title: "IGST", width: 52, align: "right", cell: (l) => rupees(l.igst), charge: (c) => rupees(c.igst) }]
  const cols: Column[] = [
    { title: "#", width: 16, align: "left", cell: (_l, i) => String(i + 1) },
    {
      title: "Description",
      width: 0, // the rest of the page
      align: "left",
      cell: (l) => [l.description, [l.huid ? `HUID ${l.huid}` : "", l.tag_code ? `Tag ${l.tag_code}` : ""].filter(Boolean).join(" · ")].filter(Boolean).join("\n"),
      charge: (c) => c.description,
    },
    { title: "HSN / SAC", width: 32, align: "left", cell: (l) => l.hsn, charge: (c) => c.sac },
    { title: "Purity", width: 38, align: "left", cell: (l) => (l.purity ? `${l.karat ?? ""} ${l.purity}`.trim() : "") },
    {
      title: "Gross / Net / Stone g",
      width: 84,
      align: "right",
      cell: (l) => (l.gross_weight_mg === null ? "" : `${grams(l.gross_weight_mg)} / ${grams(l.net_weight_mg)} / ${grams(l.stone_weight_mg)}`),
    },
    { title: "Rate / g", width: 42, align: "right", cell: (l) => (l.rate_per_g === null ? "—" : rupees(l.rate_per_g)) },
    { title: "Metal value", width: 52, align: "right", cell: money((l) => l.metal_value) },
    { title: "Wastage", width: 40, align: "right", cell: money((l) => l.wastage_value) },
    { title: "Making", width: 44, align: "right", cell: money((l) => l.making_charge) },
    { title: "Stones", width: 44, align: "right", cell: money((l) => l.stone_value) },
    { title: "Other", width: 34, align: "right", cell: money((l) => l.other_charges) },
    { title: "Discount", width: 40, align: "right", cell: (l) => rupees(l.discount), charge: (c) => rupees(c.discount) },
    { title: "Taxable value", width: 52, align: "right", cell: (l) => rupees(l.taxable_value), charge: (c) => rupees(c.taxable_value) },
    ...gst,
    { title: "Total", width: 54, align: "right", cell: (l) => rupees(l.total), charge: (c) => rupees(c.total) },
  ]
  const description = cols[1]
  description.width = tableWidth - cols.reduce((sum, c) => sum + c.width, 0)
  return cols
}

/** The PDF of a tax document, as bytes. */
export function renderTaxDocumentPdf(body: TaxDocumentBody): Promise<Buffer> {
  const title = body.type === "invoice" ? "TAX INVOICE" : "CREDIT NOTE"
  const doc = new PDFDocument({ ...PAGE, info: { Title: `${title} ${body.number ?? ""}`.trim(), Author: body.seller.shop_name } })
  const done = pdfBytes(doc)

  const left = PAGE.margin
  const right = doc.page.width - PAGE.margin
  const width = right - left
  const bottom = () => doc.page.height - PAGE.margin

  // Seller, and the document's own particulars on the right.
  doc.font(BOLD).fontSize(15).text(body.seller.shop_name, left, PAGE.margin, { width: width / 2 })
  doc.font(FONT).fontSize(8.5)
  doc.text([body.seller.branch_name, ...body.seller.address_lines].join("\n"), { width: width / 2 })
  doc.text(
    [
      body.seller.phone ? `Phone ${body.seller.phone}` : "",
      `GSTIN ${body.seller.gstin ?? "—"}`,
      `State ${body.seller.state_name ?? ""} (code ${body.seller.state_code ?? ""})`,
    ]
      .filter(Boolean)
      .join("\n"),
    { width: width / 2 }
  )
  const sellerBottom = doc.y
  const meta: [string, string][] = [
    [body.type === "invoice" ? "Invoice no." : "Credit note no.", body.number ?? "(not issued)"],
    ["Date", istDate(body.issued_at)],
    body.job ? ["Job card", `${body.job.number} of ${istDate(body.order.placed_at)}`] : ["Order", `#${body.order.display_id ?? body.order.id} of ${istDate(body.order.placed_at)}`],
    ...(body.against ? ([["Against invoice", `${body.against.number} of ${istDate(body.against.issued_at)}`]] as [string, string][]) : []),
    [
      "Place of supply",
      `${body.place_of_supply.state_name} (${body.place_of_supply.state_code})${body.place_of_supply.basis === "delivery" ? ", delivery" : ", at the counter"}`,
    ],
  ]
  doc.font(BOLD).fontSize(14).text(title, left + width / 2, PAGE.margin, { width: width / 2, align: "right" })
  doc.fontSize(8.5)
  let metaY = doc.y + 2
  for (const [label, value] of meta) {
    doc.font(BOLD).text(label, right - 320, metaY, { width: 90 })
    doc.font(FONT).text(value, right - 230, metaY, { width: 230, align: "right" })
    metaY = doc.y
  }
  let y = Math.max(sellerBottom, metaY) + 8

  // Buyer.
  doc.moveTo(left, y).lineTo(right, y).lineWidth(0.5).stroke()
  y += 5
  doc.font(BOLD).text("Bill to", left, y)
  doc.font(FONT).text(
    [
      body.buyer.name,
      ...body.buyer.address_lines,
      [body.buyer.phone ? `Phone ${body.buyer.phone}` : "", body.buyer.email ?? ""].filter(Boolean).join(" · "),
      body.buyer.gstin ? `GSTIN ${body.buyer.gstin}` : "",
    ]
      .filter(Boolean)
      .join("\n"),
    { width: width / 2 }
  )
  if (body.place_of_supply.note) {
    doc.fontSize(7.5).fillColor("#555555").text(`Note: ${body.place_of_supply.note}`, { width }).fillColor("black").fontSize(8.5)
  }
  y = doc.y + 8

  // The lines.
  const cols = columns(body.place_of_supply.state_code === body.seller.state_code, width)
  const pad = 2
  const drawHeader = () => {
    doc.font(BOLD).fontSize(7)
    const h = Math.max(...cols.map((c) => doc.heightOfString(c.title, { width: c.width - 2 * pad }))) + 2 * pad
    doc.rect(left, y, cols.reduce((s, c) => s + c.width, 0), h).fillAndStroke("#eeeeee", "#999999").fillColor("black")
    let x = left
    for (const c of cols) {
      doc.text(c.title, x + pad, y + pad, { width: c.width - 2 * pad, align: c.align })
      x += c.width
    }
    y += h
  }
  const drawRow = (cells: string[], bold = false) => {
    doc.font(bold ? BOLD : FONT).fontSize(7)
    const h = Math.max(...cols.map((c, i) => doc.heightOfString(cells[i] || " ", { width: c.width - 2 * pad }))) + 2 * pad
    if (y + h > bottom() - 20) {
      doc.addPage(PAGE)
      y = PAGE.margin
      drawHeader()
      doc.font(bold ? BOLD : FONT).fontSize(7)
    }
    let x = left
    for (const [i, c] of cols.entries()) {
      doc.text(cells[i] ?? "", x + pad, y + pad, { width: c.width - 2 * pad, align: c.align })
      x += c.width
    }
    y += h
    doc.moveTo(left, y).lineTo(left + cols.reduce((s, c) => s + c.width, 0), y).lineWidth(0.3).strokeColor("#bbbbbb").stroke().strokeColor("black")
  }
  drawHeader()
  body.lines.forEach((line, i) => drawRow(cols.map((c) => c.cell(line, i))))
  for (const charge of body.charges) {
    drawRow(cols.map((c) => (c.charge ? c.charge(charge) : "")))
  }

  // Totals.
  const t = body.totals
  const gstRates = [...new Set([...body.lines, ...body.charges].map((l) => l.gst_rate))]
  const rateNote = gstRates.length === 1 ? ` @ ${percent(gstRates[0] / (t.igst ? 1 : 2))}` : ""
  const rows: [string, string][] = [
    ["Value of goods and charges", rupees(t.value)],
    ...(t.discount ? ([["Less discounts", rupees(t.discount)]] as [string, string][]) : []),
    ["Taxable value", rupees(t.taxable_value)],
    ...(t.igst
      ? ([[`IGST${rateNote}`, rupees(t.igst)]] as [string, string][])
      : ([
          [`CGST${rateNote}`, rupees(t.cgst)],
          [`SGST${rateNote}`, rupees(t.sgst)],
        ] as [string, string][])),
    ["Total", rupees(t.total)],
    ["Round off", `${t.round_off > 0 ? "+" : ""}${rupees(t.round_off)}`],
  ]
  y += 10
  if (y + 14 * (rows.length + 8) > bottom()) {
    doc.addPage(PAGE)
    y = PAGE.margin
  }
  const top = y
  const labelX = right - 260
  doc.fontSize(8.5)
  for (const [label, value] of rows) {
    doc.font(FONT).text(label, labelX, y, { width: 170 }).text(value, labelX + 170, y, { width: 90, align: "right" })
    y += 12
  }
  doc.font(BOLD).fontSize(10).text(body.type === "invoice" ? "Grand total (Rs.)" : "Credit total (Rs.)", labelX, y, { width: 170 })
  doc.text(rupees(t.grand_total), labelX + 170, y, { width: 90, align: "right" })
  const totalsBottom = y + 16

  const notes = { width: width - 290 }
  doc.font(BOLD).fontSize(8.5).text("Amount in words", left, top, notes)
  doc.font(FONT).text(body.amount_in_words, notes)
  if (body.discounts.length) {
    doc.moveDown(0.4).font(BOLD).text("Discounts", notes)
    doc.font(FONT).text(body.discounts.map((d) => `${d.label}${d.label.includes(d.code) ? "" : ` (${d.code})`}: ${rupees(d.amount)} incl. GST`).join("\n"), notes)
  }
  if (body.tenders.length) {
    doc.moveDown(0.4).font(BOLD).text("Paid by", notes)
    doc.font(FONT).text(body.tenders.map((p) => `${p.label}: ${rupees(p.amount)} (${p.status})`).join("\n"), notes)
  }
  if (body.reason) {
    doc.moveDown(0.4).font(BOLD).text("Reason", notes).font(FONT).text(body.reason, notes)
  }
  y = Math.max(doc.y, totalsBottom) + 10
  doc.font(BOLD).fontSize(8).text("Terms", left, y)
  doc.font(FONT).fontSize(7.5).text(body.terms.map((term, i) => `${i + 1}. ${term}`).join("\n"), { width: width - 280 })
  doc.font(FONT).fontSize(8.5).text(`For ${body.seller.shop_name}`, right - 200, y, { width: 200, align: "right" })
  doc.text("Authorised signatory", right - 200, y + 36, { width: 200, align: "right" })
  doc.end()
  return done
}
