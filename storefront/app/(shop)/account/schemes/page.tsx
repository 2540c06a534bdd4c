import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { formatGrams, formatRupees } from "../../../../lib/format"
import { currentLocale, translator } from "../../../../lib/i18n"
import { formatDay } from "../../../../lib/language"
import { customerTokenOrSignIn, shopFetch } from "../../../../lib/session"
import { payInstalment } from "./actions"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await translator("Schemes"))("title"), robots: { index: false } }
}

/** A passbook as GET /store/customers/me/schemes answers it (amounts in paise, gold in milligrams). */
type Passbook = {
  id: string
  number: string
  template_name: string
  branch_code: string
  status: "active" | "redeemed"
  enrolled_on: string
  matures_on: string
  terms: { kind: "amount" | "weight"; instalment_paise: number; instalments: number; early_closure_after: number }
  schedule: { sequence: number; due_on: string; paid: boolean }[]
  instalments: { sequence: number; paid_on: string | null; amount_paise: number | string }[]
  statement: { paid_count: number; paid_paise: number; late_count: number; missed_count: number; next_due_on: string | null; bonus_paise: number; fine_mg: number; redeemable_paise: number; redeemable_fine_mg: number }
  redeemable_value_paise: number | null
}

const rupees = (paise: number | string) => formatRupees(Number(paise) / 100)

export default async function SchemesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = await customerTokenOrSignIn()
  const { problem } = await searchParams
  const [answer, t, locale, profile] = await Promise.all([
    shopFetch<{ schemes: Passbook[] }>("/store/customers/me/schemes", { token }),
    translator("Schemes"),
    currentLocale(),
    translator("Profile"),
  ])
  if (!answer.ok) {
    redirect("/sign-out?expired=1")
  }
  // Scheme days are India's calendar days (YYYY-MM-DD).
  const day = (ymd: string) => formatDay(ymd, locale)
  const { schemes } = answer.data
  return (
    <>
      <h1>{t("title")}</h1>
      {typeof problem === "string" && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {schemes.length === 0 && <p>{t("none")}</p>}
      {schemes.map((card) => {
        const s = card.statement
        const next = card.schedule.find((i) => !i.paid)
        const paidOn = new Map(card.instalments.map((i) => [i.sequence, i.paid_on]))
        return (
          <section key={card.id} className="passbook" aria-labelledby={`card-${card.id}`}>
            <h2 id={`card-${card.id}`}>
              {t("card", { name: card.template_name, number: card.number })} <span className="badge">{t(`status.${card.status}`)}</span>
            </h2>
            <p className="muted">{t("enrolled", { date: day(card.enrolled_on), branch: card.branch_code, matures: day(card.matures_on) })}</p>
            <p>
              <strong>{t("paid", { paid: s.paid_count, count: card.terms.instalments, amount: rupees(s.paid_paise) })}</strong>
              {card.terms.kind === "weight" && s.fine_mg > 0 ? ` · ${t("paidGold", { grams: formatGrams(s.fine_mg / 1000) })}` : ""}
            </p>
            {card.status === "active" && (
              <>
                {s.next_due_on && <p>{t("nextDue", { date: day(s.next_due_on) })}</p>}
                {s.missed_count > 0 && <p className="error">{t("missed", { count: s.missed_count })}</p>}
                {s.late_count > 0 && <p className="notice">{t("late", { count: s.late_count })}</p>}
                {s.bonus_paise > 0 && <p>{t("bonus", { amount: rupees(s.bonus_paise) })}</p>}
                <p className="price-now">
                  {card.redeemable_value_paise ? t("worth", { amount: rupees(card.redeemable_value_paise) }) : null}
                </p>
                {!card.redeemable_value_paise && <p className="muted">{t("notYet", { count: card.terms.early_closure_after })}</p>}
              </>
            )}
            <table className="breakdown" aria-label={t("schedule")}>
              <thead>
                <tr>
                  <th scope="col">{t("number")}</th>
                  <th scope="col">{t("due")}</th>
                  <th scope="col">{t("paidOn")}</th>
                </tr>
              </thead>
              <tbody>
                {card.schedule.map((i) => (
                  <tr key={i.sequence}>
                    <th scope="row">{i.sequence}</th>
                    <td>{day(i.due_on)}</td>
                    <td>{i.paid ? day(paidOn.get(i.sequence) ?? i.due_on) : t("notPaid")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {card.status === "active" && next && (
              <form action={payInstalment} className="save-piece">
                <input type="hidden" name="enrolment_id" value={card.id} />
                <button type="submit">{t("pay", { sequence: next.sequence, amount: rupees(card.terms.instalment_paise) })}</button>
                <p className="muted">{t("payNote")}</p>
              </form>
            )}
          </section>
        )
      })}
      <p>
        <a href="/account">{profile("back")}</a>
      </p>
    </>
  )
}
