import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { metalNames, translator } from "../../../../lib/i18n"
import { indiaToday } from "../../../../lib/language"
import { asDay, CONSENT_CHANNELS, PROFILE_METALS, type OwnProfile } from "../../../../lib/profile"
import { customerTokenOrSignIn, shopFetch } from "../../../../lib/session"
import { categories } from "../../../../lib/shop"
import { BANGLE_SIZES, RING_SIZES } from "../../../../lib/sizes"
import { ProfileForm } from "./profile-form"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await translator("Profile"))("title"), robots: { index: false } }
}

export default async function ProfilePage() {
  const token = await customerTokenOrSignIn()
  const [answer, shopCategories, t, metalName] = await Promise.all([
    shopFetch<{ profile: OwnProfile }>("/store/customers/me/profile", { token }),
    categories(),
    translator("Profile"),
    metalNames(),
  ])
  if (!answer.ok) {
    redirect("/sign-out?expired=1")
  }
  const profile = answer.data.profile
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <ProfileForm
        values={{
          birthday: asDay(profile.birthday),
          anniversary: asDay(profile.anniversary),
          ring_size: profile.ring_size ?? "",
          bangle_size: profile.bangle_size ?? "",
          preferred_metals: profile.preferred_metals ?? [],
          preferred_categories: profile.preferred_categories ?? [],
          budget_band: profile.budget_band ?? "",
          consents: CONSENT_CHANNELS.filter((c) => profile.consents?.[c]?.status === "granted"),
        }}
        today={indiaToday()}
        ringSizes={RING_SIZES.map(String)}
        bangleSizes={BANGLE_SIZES}
        metals={PROFILE_METALS.map((m) => ({ value: m, label: metalName(m) }))}
        categories={shopCategories.map((c) => ({ value: c.handle, label: c.name }))}
      />
      <p>
        <a href="/account">{t("back")}</a>
      </p>
    </>
  )
}
