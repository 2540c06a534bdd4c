"use client"

import { useActionState, useState } from "react"
import { useTranslations } from "use-intl"
import { Answer, type FormAnswer } from "../../../components/answer"
import { finishPayment, startPayment, updateBag } from "./actions"

const START: FormAnswer = { message: null, error: false }

export function OfferCodeForm() {
  const [state, action, pending] = useActionState(updateBag, START)
  const t = useTranslations("Bag.offerForm")
  return (
    <form action={action} className="sign-in" aria-label={t("code")}>
      <Answer state={state} />
      <label>
        {t("code")}
        <input name="code" autoComplete="off" required />
      </label>
      <button type="submit" name="intent" value="code" disabled={pending}>
        {t("apply")}
      </button>
    </form>
  )
}

export function PointsForm({ balance }: { balance: number }) {
  const [state, action, pending] = useActionState(updateBag, START)
  const t = useTranslations("Bag.pointsForm")
  return (
    <form action={action} className="sign-in" aria-label={t("label")}>
      <Answer state={state} />
      <label>
        {t("points", { balance: balance.toLocaleString("en-IN") })}
        <input name="points" type="number" inputMode="numeric" min={1} max={balance} required />
      </label>
      <button type="submit" name="intent" value="points" disabled={pending}>
        {t("use")}
      </button>
    </form>
  )
}

export type DeliveryOption = { id: string; name: string; amount: number }

export function DeliveryForm({ options, phone, firstName }: { options: DeliveryOption[]; phone: string; firstName: string }) {
  const [state, action, pending] = useActionState(updateBag, START)
  const t = useTranslations("Bag.deliveryForm")
  return (
    <form action={action} className="sign-in" aria-label={t("label")}>
      <Answer state={state} />
      <fieldset>
        <legend>{t("how")}</legend>
        {options.map((o, i) => (
          <label key={o.id} className="inline">
            <input type="radio" name="option_id" value={o.id} defaultChecked={i === 0} /> {o.name}
            {o.amount ? ` (₹${o.amount.toLocaleString("en-IN")})` : ""}
          </label>
        ))}
      </fieldset>
      <label>
        {t("name")}
        <input name="first_name" autoComplete="given-name" required defaultValue={firstName} />
      </label>
      <label>
        {t("phone")}
        <input name="phone" type="tel" autoComplete="tel" required defaultValue={phone} />
      </label>
      <label>
        {t("address")}
        <input name="address_1" autoComplete="street-address" required />
      </label>
      <label>
        {t("city")}
        <input name="city" autoComplete="address-level2" required />
      </label>
      <label>
        {t("pin")}
        <input name="postal_code" inputMode="numeric" autoComplete="postal-code" pattern="\d{6}" required />
      </label>
      <button type="submit" name="intent" value="delivery" disabled={pending}>
        {t("save")}
      </button>
    </form>
  )
}

declare global {
  interface Window {
    Razorpay?: new (options: Record<string, unknown>) => { open: () => void }
  }
}

/** Loads Razorpay's checkout once, when the shopper chooses to pay. */
function loadCheckout(src: string, failure: string): Promise<void> {
  if (window.Razorpay) {
    return Promise.resolve()
  }
  return new Promise((resolve, reject) => {
    const script = document.createElement("script")
    script.src = src
    script.onload = () => resolve()
    script.onerror = () => reject(new Error(failure))
    document.head.appendChild(script)
  })
}

export function PayButton({ checkoutScript, shopName, total }: { checkoutScript: string; shopName: string; total: string }) {
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const t = useTranslations("Bag")
  async function pay() {
    setBusy(true)
    setProblem(null)
    try {
      const started = await startPayment()
      if (!started.ok) {
        throw new Error(started.message)
      }
      await loadCheckout(checkoutScript, t("checkoutNotLoaded"))
      const checkout = new window.Razorpay!({
        key: started.key,
        order_id: started.order_id,
        amount: started.amount,
        currency: started.currency,
        name: shopName,
        handler: async (paid: { razorpay_order_id: string; razorpay_payment_id: string; razorpay_signature: string }) => {
          const finished = await finishPayment(paid)
          if (finished && !finished.ok) {
            setProblem(finished.message)
            setBusy(false)
          }
        },
        modal: { ondismiss: () => setBusy(false) },
      })
      checkout.open()
    } catch (err) {
      setProblem((err as Error).message)
      setBusy(false)
    }
  }
  return (
    <div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <button type="button" onClick={pay} disabled={busy}>
        {t("payWith", { total })}
      </button>
    </div>
  )
}
