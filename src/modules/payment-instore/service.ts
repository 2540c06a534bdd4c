import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  PaymentSessionStatus,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, MedusaError, PaymentActions } from "@medusajs/framework/utils"
import { IN_STORE_TENDERS, type InStoreTender } from "../../lib/pos"

type Options = { tender: InStoreTender }

/**
 * Money taken at the counter: cash, card on the branch's terminal, UPI to the
 * shop's QR, old gold taken in exchange, loyalty points. Registered once per
 * tender (pp_instore_cash, pp_instore_card, …) so every payment of a counter
 * sale shows in Medusa's admin by what it was. The money is in hand when
 * the sale is recorded, so a session is captured as it is authorised;
 * refunds are paid out at the counter and only recorded here. Not offered
 * to storefront regions.
 */
export class InStorePaymentService extends AbstractPaymentProvider<Options> {
  static identifier = "instore"

  protected readonly tender: InStoreTender

  static validateOptions(options: Record<string, unknown>) {
    if (!IN_STORE_TENDERS.includes(options.tender as InStoreTender)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `In-store payments need a tender: one of ${IN_STORE_TENDERS.join(", ")}`)
    }
  }

  constructor(cradle: Record<string, unknown>, options: Options) {
    super(cradle, options)
    this.tender = options.tender
  }

  async initiatePayment({ data }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const sessionId = (data?.session_id as string | undefined) ?? `${this.tender}_${Date.now()}`
    return { id: sessionId, status: "pending" as PaymentSessionStatus, data: { ...(data ?? {}), tender: this.tender } }
  }

  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return { status: "captured" as PaymentSessionStatus, data: { ...(data ?? {}), tender: this.tender } }
  }

  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data }
  }

  async refundPayment({ data }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return { data }
  }

  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data }
  }

  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data }
  }

  async updatePayment({ data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return { data }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return { status: "captured" as PaymentSessionStatus, data }
  }

  async getWebhookActionAndData(): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}
