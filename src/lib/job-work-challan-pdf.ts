/**
 * A job-work challan (docs/counter.md, "Karigars and job work"): the metal or pieces a branch sends a karigar,
 * with the fine weight, the wastage the job allows and the value declared at the day's rate. Goods sent to a job
 * worker go without tax on a challan (CGST Act, section 143; CGST Rules, rule 45). Drawn by
 * src/lib/piece-document-pdf.ts from the stored issue.
 */
import type { SellerParty } from "./invoice"
import { issueHsn, wastageAllowanceMg, type KarigarIssueForm } from "./karigar"
import { renderPieceDocumentPdf } from "./piece-document-pdf"
import { KARATS, type Metal } from "./pricing"

export type JobWorkChallanDocument = {
  number: string
  issued_at: Date | string
  from: SellerParty
  karigar: { name: string; phone: string | null; address: string | null; gstin: string | null }
  job_card_number: string | null
  metal: Metal
  form: KarigarIssueForm
  description: string
  purity: number
  net_weight_mg: number
  fine_weight_mg: number
  allowed_wastage_bps: number
  value_paise: number | null
  due_at: Date | string | null
  note: string | null
}

const grams = (mg: number) => `${(mg / 1000).toFixed(3)} g`
const day = (at: Date | string) => new Date(at).toLocaleDateString("en-IN", { dateStyle: "long", timeZone: "Asia/Kolkata" })

export function renderJobWorkChallanPdf(challan: JobWorkChallanDocument): Promise<Buffer> {
  const from = challan.from
  const karat = challan.metal === "gold" && KARATS[challan.purity] ? ` ${KARATS[challan.purity]}` : ""
  return renderPieceDocumentPdf({
    title: "JOB-WORK CHALLAN",
    number: challan.number,
    dated: challan.issued_at,
    shop_name: from.shop_name,
    parties: [
      { heading: "From (principal)", lines: [from.branch_name, ...from.address_lines, from.gstin ? `GSTIN ${from.gstin}` : "", from.state_name ? `State ${from.state_name} (${from.state_code})` : ""] },
      {
        heading: "To (job worker)",
        lines: [challan.karigar.name, challan.karigar.address ?? "", challan.karigar.phone ? `Phone ${challan.karigar.phone}` : "", challan.karigar.gstin ? `GSTIN ${challan.karigar.gstin}` : "Unregistered"],
      },
    ],
    details: [
      `Fine ${challan.metal} issued: ${grams(challan.fine_weight_mg)} (${grams(challan.net_weight_mg)} at ${challan.purity}${karat})`,
      `Wastage allowed: ${challan.allowed_wastage_bps / 100} % of the fine metal, at most ${grams(wastageAllowanceMg(challan.fine_weight_mg, challan.allowed_wastage_bps))}`,
      ...(challan.due_at ? [`Due back by ${day(challan.due_at)}`] : []),
      ...(challan.job_card_number ? [`For job ${challan.job_card_number}`] : []),
    ],
    pieces: [
      {
        tag_code: challan.form === "pieces" ? "Pieces" : "Metal",
        huid: null,
        description: `${challan.description} (${challan.metal} ${challan.purity}${karat})`,
        hsn: issueHsn(challan.metal, challan.form),
        net_weight_mg: challan.net_weight_mg,
        quantity: 1,
        value_paise: challan.value_paise,
      },
    ],
    igst: false,
    note: challan.note,
    closing:
      "Sent for job work without payment of tax (CGST Act, section 143; CGST Rules, rule 45), valued at the day's rate; to be returned " +
      "within one year of this date as the goods made or as metal, the fine weight less the wastage allowed.",
    signatures: [`Received by ${challan.karigar.name}`, `For ${from.shop_name}, ${from.branch_name}`],
  })
}
