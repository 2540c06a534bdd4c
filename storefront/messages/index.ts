/**
 * The storefront's text in each of its languages, one JSON file a page or
 * part (messages/<locale>/<part>.json), in ICU message format as use-intl
 * reads it. English is the reference: every language has the same keys and
 * placeholders (lib/__tests__/messages.unit.spec.ts), and typecheck refuses
 * a language whose files do not match English's shape.
 */
import enAccount from "./en/account.json"
import enBag from "./en/bag.json"
import enBook from "./en/book.json"
import enCatalogue from "./en/catalogue.json"
import enContent from "./en/content.json"
import enHome from "./en/home.json"
import enNotFound from "./en/not-found.json"
import enOffline from "./en/offline.json"
import enOrder from "./en/order.json"
import enProduct from "./en/product.json"
import enProfile from "./en/profile.json"
import enSchemes from "./en/schemes.json"
import enSignIn from "./en/sign-in.json"
import enSite from "./en/site.json"
import enSizeGuide from "./en/size-guide.json"
import enWishlist from "./en/wishlist.json"
import hiAccount from "./hi/account.json"
import hiBag from "./hi/bag.json"
import hiBook from "./hi/book.json"
import hiCatalogue from "./hi/catalogue.json"
import hiContent from "./hi/content.json"
import hiHome from "./hi/home.json"
import hiNotFound from "./hi/not-found.json"
import hiOffline from "./hi/offline.json"
import hiOrder from "./hi/order.json"
import hiProduct from "./hi/product.json"
import hiProfile from "./hi/profile.json"
import hiSchemes from "./hi/schemes.json"
import hiSignIn from "./hi/sign-in.json"
import hiSite from "./hi/site.json"
import hiSizeGuide from "./hi/size-guide.json"
import hiWishlist from "./hi/wishlist.json"

const en = {
  Site: enSite,
  Home: enHome,
  Catalogue: enCatalogue,
  Product: enProduct,
  Book: enBook,
  SizeGuide: enSizeGuide,
  NotFound: enNotFound,
  Offline: enOffline,
  Bag: enBag,
  SignIn: enSignIn,
  Order: enOrder,
  Account: enAccount,
  Profile: enProfile,
  Wishlist: enWishlist,
  Schemes: enSchemes,
  Content: enContent,
}

export type Messages = typeof en

export const LOCALES = ["en", "hi"] as const
export type Locale = (typeof LOCALES)[number]

export const MESSAGES: Record<Locale, Messages> = {
  en,
  hi: {
    Site: hiSite,
    Home: hiHome,
    Catalogue: hiCatalogue,
    Product: hiProduct,
    Book: hiBook,
    SizeGuide: hiSizeGuide,
    NotFound: hiNotFound,
    Offline: hiOffline,
    Bag: hiBag,
    SignIn: hiSignIn,
    Order: hiOrder,
    Account: hiAccount,
    Profile: hiProfile,
    Wishlist: hiWishlist,
    Schemes: hiSchemes,
    Content: hiContent,
  },
}

/** How each language names itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", hi: "हिन्दी" }

/** The parts whose forms answer in the browser (useTranslations): only their text is sent to it. */
export const CLIENT_PARTS = ["Bag", "Book", "Profile", "SignIn", "Wishlist"] as const
export type ClientMessages = Pick<Messages, (typeof CLIENT_PARTS)[number]>

export function clientMessages(locale: Locale): ClientMessages {
  return Object.fromEntries(CLIENT_PARTS.map((part) => [part, MESSAGES[locale][part]])) as ClientMessages
}
