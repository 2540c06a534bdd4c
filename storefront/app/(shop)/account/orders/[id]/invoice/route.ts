import { translator } from "../../../../../../lib/i18n"
import { shopSettings } from "../../../../../../lib/medusa"
import { sessionToken } from "../../../../../../lib/session"

/**
 * The tax invoice of one of the shopper's orders, as the shop's API gives
 * it to them (GET /store/orders/:id/invoice answers 404 for anyone else's
 * order). Passed through with its own type and file name.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const [token, t] = await Promise.all([sessionToken(), translator("Account")])
  if (!token) {
    return new Response(t("invoice.signIn"), { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } })
  }
  const { id } = await params
  const { backendUrl, publishableKey } = shopSettings()
  const res = await fetch(`${backendUrl}/store/orders/${encodeURIComponent(id)}/invoice`, {
    headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey },
    cache: "no-store",
  })
  if (!res.ok) {
    const message = ((await res.json().catch(() => ({}))) as { message?: string }).message ?? t("invoice.notFound")
    return new Response(message, { status: res.status === 401 ? 401 : 404, headers: { "content-type": "text/plain; charset=utf-8" } })
  }
  return new Response(res.body, {
    status: 200,
    headers: {
      "content-type": res.headers.get("content-type") ?? "application/pdf",
      "content-disposition": res.headers.get("content-disposition") ?? `attachment; filename="invoice-${id}.pdf"`,
      "cache-control": "private, no-store",
    },
  })
}
