import type { ConfigModule, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { linkKey, signedPath } from "../../../lib/document-links"
import { fileSettings } from "../../../lib/file-settings"

/** The key of signed document links, from the app's JWT secret. */
export function documentLinkKey(scope: MedusaContainer): Buffer {
  const config = scope.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE)
  const secret = config.projectConfig.http.jwtSecret
  if (!secret || !(typeof secret === "string" || Buffer.isBuffer(secret))) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "JWT_SECRET is not set (as a string), so document links cannot be signed")
  }
  return linkKey(secret)
}

/** Where customers reach the shop (PUBLIC_URL), for links in messages. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 9000}`).replace(/\/$/, "")
}

/** The link in an order message: opens the order's invoice without a login for DOCUMENT_LINK_DAYS. */
export function invoiceLinkForOrder(scope: MedusaContainer, orderId: string): string {
  const days = fileSettings().document_link_days
  return `${publicBaseUrl()}${signedPath(documentLinkKey(scope), `/documents/orders/${encodeURIComponent(orderId)}/invoice`, days * 86400)}`
}
