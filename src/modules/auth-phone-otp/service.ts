import type { AuthenticationInput, AuthenticationResponse, AuthIdentityDTO, AuthIdentityProviderService, IEventBusModuleService, Logger } from "@medusajs/framework/types"
import { AbstractAuthModuleProvider, MedusaError } from "@medusajs/framework/utils"
import { tryNormalizePhone } from "../../lib/phone"
import { checkSignInCode, codeStateOf, type CodeState, issuedCodeState, looksLikeSignInCode, newSignInCode } from "../../lib/sign-in-codes"

export type PhoneOtpOptions = {
  /** The key the codes' hashes are made with (the server's JWT secret). */
  secret: string
}

/** Emitted with the plain code when one is issued; src/subscribers/send-sign-in-code.ts sends it. */
export const SIGN_IN_CODE_ISSUED = "auth.sign_in_code_issued"

export type SignInCodeIssued = {
  auth_identity_id: string
  phone: string
  code: string
  channel: "sms" | "whatsapp"
  language: "en" | "hi"
  expires_at: number
}

type Body = { phone?: unknown; code?: unknown; channel?: unknown; language?: unknown }

/**
 * Sign-in by a code sent to the customer's phone, as one of Medusa's auth
 * providers (docs/security.md, "Sign-in by phone"). The number is the
 * identity: proving it by the code is both sign-up and sign-in.
 *
 * - `POST /auth/customer/phone-otp` with `{ phone }` issues a code and
 *   answers `{ location }`; with `{ phone, code }` it checks the code and
 *   answers the token. The callback route checks a code the same way.
 * - Only the code's keyed hash is stored, with its expiry and wrong tries
 *   (src/lib/sign-in-codes.ts); a right code is spent at once.
 * - How often codes may be asked for and tried is limited before this
 *   provider runs (src/api/utils/security.ts).
 */
export class PhoneOtpAuthService extends AbstractAuthModuleProvider {
  static identifier = "phone-otp"
  static DISPLAY_NAME = "Phone sign-in code"

  protected readonly options_: PhoneOtpOptions
  protected readonly logger_: Logger
  protected readonly eventBus_: IEventBusModuleService

  static validateOptions(options: Record<string, unknown>) {
    if (typeof options.secret !== "string" || !options.secret) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The phone sign-in provider needs a secret to hash its codes with")
    }
  }

  constructor({ logger, event_bus }: { logger: Logger; event_bus: IEventBusModuleService }, options: PhoneOtpOptions) {
    // @ts-expect-error the base class reads the container and options from its arguments
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = options
    this.logger_ = logger
    this.eventBus_ = event_bus
  }

  async authenticate(data: AuthenticationInput, identities: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const body = (data.body ?? {}) as Body
    if (body.code !== undefined) {
      return this.verify(body, identities)
    }
    // Medusa's auth route passes the actor type beside the request; its input type leaves it out.
    return this.issue(body, (data as { actor_type?: string }).actor_type, identities)
  }

  /** Signing up is asking for a code: the first right code makes the identity a customer's. */
  async register(data: AuthenticationInput, identities: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    return this.authenticate(data, identities)
  }

  async validateCallback(data: AuthenticationInput, identities: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const body = (data.body ?? {}) as Body
    const query = (data.query ?? {}) as Body
    return this.verify(body.code !== undefined ? body : query, identities)
  }

  private phoneOf(body: Body): string | undefined {
    return typeof body.phone === "string" ? tryNormalizePhone(body.phone) : undefined
  }

  private async issue(body: Body, actorType: string | undefined, identities: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const phone = this.phoneOf(body)
    if (!phone) {
      return { success: false, error: "Give a phone number we can send a code to: a 10-digit Indian number or +<country code><number>." }
    }
    const channel = body.channel === undefined || body.channel === "sms" ? "sms" : body.channel === "whatsapp" ? "whatsapp" : null
    if (!channel) {
      return { success: false, error: 'A code is sent by "sms" or "whatsapp".' }
    }
    const language = body.language === "hi" ? "hi" : "en"
    const code = newSignInCode()
    const now = Date.now()
    const state = issuedCodeState(code, phone, this.options_.secret, now)
    const identity = await this.storeState(phone, state, identities)
    const issued: SignInCodeIssued = { auth_identity_id: identity.id, phone, code, channel, language, expires_at: state.expires_at! }
    await this.eventBus_.emit({ name: SIGN_IN_CODE_ISSUED, data: issued })
    return { success: true, location: `/auth/${actorType ?? "customer"}/${PhoneOtpAuthService.identifier}/callback` }
  }

  /** Writes the new code's state, making the identity on a number's first code. */
  private async storeState(phone: string, state: CodeState, identities: AuthIdentityProviderService): Promise<AuthIdentityDTO> {
    try {
      return await identities.update(phone, { provider_metadata: { ...state } })
    } catch (err) {
      if ((err as MedusaError).type !== MedusaError.Types.NOT_FOUND) {
        throw err
      }
    }
    try {
      return await identities.create({ entity_id: phone, provider_metadata: { ...state } })
    } catch (err) {
      // Made at the same moment by another request for the number: write over its code.
      this.logger_.debug(`phone sign-in: identity for a number made concurrently (${(err as Error).message})`)
      return await identities.update(phone, { provider_metadata: { ...state } })
    }
  }

  private async verify(body: Body, identities: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const phone = this.phoneOf(body)
    if (!phone) {
      return { success: false, error: "Give the phone number the code was sent to." }
    }
    if (!looksLikeSignInCode(body.code)) {
      return { success: false, error: "A sign-in code is 6 digits." }
    }
    let identity: AuthIdentityDTO
    try {
      identity = await identities.retrieve({ entity_id: phone })
    } catch (err) {
      if ((err as MedusaError).type === MedusaError.Types.NOT_FOUND) {
        return { success: false, error: "No sign-in code is waiting for this number. Ask for a code first." }
      }
      throw err
    }
    const own = identity.provider_identities?.find((p) => p.provider === this.provider)
    const check = checkSignInCode(codeStateOf(own?.provider_metadata), body.code, phone, this.options_.secret, Date.now())
    const updated = await identities.update(phone, { provider_metadata: { ...check.state } })
    if (!check.ok) {
      return { success: false, error: check.message }
    }
    return { success: true, authIdentity: updated }
  }
}
