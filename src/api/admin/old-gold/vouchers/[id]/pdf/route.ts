import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { sellerOf } from "../../../../../../lib/invoice"
import { renderOldGoldVoucherPdf, type VoucherArticle } from "../../../../../../lib/old-gold-voucher-pdf"
import { documentFileName } from "../../../../../../lib/tax-documents"
import { BRANCH_MODULE } from "../../../../../../modules/branch"
import type BranchModuleService from "../../../../../../modules/branch/service"
import { OLD_GOLD_MODULE } from "../../../../../../modules/old-gold"
import type OldGoldModuleService from "../../../../../../modules/old-gold/service"
import { voucherView } from "../../route"

/**
 * GET /admin/old-gold/vouchers/:id/pdf — the voucher to print and sign (A4), drawn from the stored voucher:
 * the shop at its branch, the customer with their PAN or Form 60 when it was needed, every article with the
 * figures it was valued by, the total in words and how it was settled.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const oldGold: OldGoldModuleService = req.scope.resolve(OLD_GOLD_MODULE)
  const [found] = await oldGold.listOldGoldVouchers({ id: req.params.id }, { select: ["id"], take: 1 })
  if (!found) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Old-gold voucher "${req.params.id}" was not found`)
  }
  const voucher = (await voucherView(oldGold, found.id)) as unknown as Record<string, unknown> & { articles: VoucherArticle[] }
  const [branch] = await req.scope.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: voucher.branch_id as string }, { take: 1 })
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "customer", fields: ["first_name", "last_name", "phone", "customer_profile.phone"], filters: { id: voucher.customer_id as string } })
  const customer = data[0] as { first_name: string | null; last_name: string | null; phone: string | null; customer_profile?: { phone: string | null } | null } | undefined
  const [store] = await req.scope.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 })
  const number = String(voucher.number)
  const pdf = await renderOldGoldVoucherPdf({
    number,
    kind: voucher.kind as "exchange" | "purchase",
    issued_at: voucher.issued_at as Date,
    seller: sellerOf(branch, process.env.SHOP_NAME ?? store?.name ?? branch.name),
    customer: {
      name: [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || "Customer",
      phone: customer?.customer_profile?.phone ?? customer?.phone ?? null,
      identity: String(voucher.identity),
      pan_masked: (voucher.pan_masked as string | null) ?? null,
    },
    articles: voucher.articles.map((a) => ({ ...a, rate_per_g_paise: Number(a.rate_per_g_paise), value_paise: Number(a.value_paise) })),
    total_value_paise: Number(voucher.total_value_paise),
    cash_paise: Number(voucher.cash_paise),
    bank_paise: Number(voucher.bank_paise),
    bank_reference: (voucher.bank_reference as string | null) ?? null,
    sale_credit_paise: Number(voucher.sale_credit_paise),
    note: (voucher.note as string | null) ?? null,
  })
  res.setHeader("content-type", "application/pdf")
  res.setHeader("content-disposition", `inline; filename="${documentFileName(number)}"`)
  res.setHeader("cache-control", "private, no-store")
  res.send(pdf)
}
