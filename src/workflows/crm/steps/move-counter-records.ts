import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OLD_GOLD_MODULE } from "../../../modules/old-gold"
import type OldGoldModuleService from "../../../modules/old-gold/service"
import { SAVINGS_SCHEME_MODULE } from "../../../modules/savings-scheme"
import type SavingsSchemeModuleService from "../../../modules/savings-scheme/service"

type Owned = { id: string; customer_id: string }

/**
 * Moves what the counter holds for a customer to the survivor: savings-scheme cards and their payment links (so
 * the survivor can pay instalments and redeem them) and old-gold vouchers (so their credit pays the survivor's sales). Compensation
 * moves each back to whom it belonged.
 */
export const moveCounterRecordsStep = createStep(
  "move-counter-records",
  async ({ survivor_id, merged_ids }: { survivor_id: string; merged_ids: string[] }, { container }) => {
    const schemes: SavingsSchemeModuleService = container.resolve(SAVINGS_SCHEME_MODULE)
    const oldGold: OldGoldModuleService = container.resolve(OLD_GOLD_MODULE)
    const select = ["id", "customer_id"]
    const [cards, links, vouchers] = await Promise.all([
      schemes.listSchemeEnrolments({ customer_id: merged_ids }, { select, take: null }) as Promise<Owned[]>,
      schemes.listSchemePaymentLinks({ customer_id: merged_ids }, { select, take: null }) as Promise<Owned[]>,
      oldGold.listOldGoldVouchers({ customer_id: merged_ids }, { select, take: null }) as Promise<Owned[]>,
    ])
    if (cards.length) {
      await schemes.updateSchemeEnrolments(cards.map((c) => ({ id: c.id, customer_id: survivor_id })))
    }
    if (links.length) {
      await schemes.updateSchemePaymentLinks(links.map((l) => ({ id: l.id, customer_id: survivor_id })))
    }
    if (vouchers.length) {
      await oldGold.updateOldGoldVouchers(vouchers.map((v) => ({ id: v.id, customer_id: survivor_id })))
    }
    return new StepResponse({ scheme_cards: cards.length, old_gold_vouchers: vouchers.length }, { cards, links, vouchers })
  },
  async (moved, { container }) => {
    if (moved?.cards.length) {
      await container.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE).updateSchemeEnrolments(moved.cards)
    }
    if (moved?.links.length) {
      await container.resolve<SavingsSchemeModuleService>(SAVINGS_SCHEME_MODULE).updateSchemePaymentLinks(moved.links)
    }
    if (moved?.vouchers.length) {
      await container.resolve<OldGoldModuleService>(OLD_GOLD_MODULE).updateOldGoldVouchers(moved.vouchers)
    }
  }
)
