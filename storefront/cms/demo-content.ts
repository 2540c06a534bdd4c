import { convertMarkdownToLexical, editorConfigFactory } from "@payloadcms/richtext-lexical"
import type { Payload, PayloadRequest } from "payload"

/**
 * The demo shop's website content, written once when the CMS first starts on
 * a demo shop (CMS_DEMO_CONTENT=true, which `npm start` passes when it seeded
 * the demo): a banner, two guides, a lookbook page, the branches' hours, the
 * FAQ and two policies, in English with Hindi for the most read. The owner
 * edits or deletes them in /cms like any other content.
 */
type Localized = { en: string; hi?: string }

const HALLMARK_EN = `Every piece of gold jewellery sold in India must carry the **BIS hallmark**. It has three marks:

1. **The BIS logo**, the triangle of the Bureau of Indian Standards.
2. **The purity**, in carats and fineness: 22K916 means 91.6% gold, 18K750 means 75%, 14K585 means 58.5%.
3. **The HUID**, a six-character code unique to the piece, e.g. AB12C3.

## Checking a piece

Type its HUID into the **BIS CARE** app: it shows the jeweller, the assaying centre, the purity and the type of the article. Our invoices carry each piece's HUID, so you can check it at home too.

## Why it matters

The price of a piece follows today's rate for its purity. A hallmark is the assurance that a 22K piece is 22K when you buy it, and when you exchange it years later.`

const HALLMARK_HI = `भारत में बिकने वाले हर सोने के गहने पर **BIS हॉलमार्क** होना ज़रूरी है। इसमें तीन निशान होते हैं:

1. **BIS का लोगो**, भारतीय मानक ब्यूरो का त्रिकोण।
2. **शुद्धता**, कैरेट और फ़ाइननेस में: 22K916 यानी 91.6% सोना, 18K750 यानी 75%।
3. **HUID**, हर गहने का अपना छह अक्षरों का कोड, जैसे AB12C3।

## गहने की जाँच

**BIS CARE** ऐप में HUID डालें: उसमें ज्वैलर, जाँच केंद्र, शुद्धता और गहने का प्रकार दिखता है। हमारे बिल पर हर गहने का HUID लिखा होता है।`

const CARE_EN = `- Put jewellery on **after** perfume, hair spray and lotion.
- Keep each piece in its own soft pouch: gold scratches silver, and stones scratch gold.
- Clean gold with lukewarm water and a drop of mild soap, then dry with a soft cloth.
- Silver darkens in air: keep it in a closed box with a strip of chalk, and polish with a silver cloth.
- Bring your pieces to any of our branches once a year: we check the settings and clasps free of charge.`

const RETURNS_EN = `## Exchange and buy-back

- Gold jewellery bought from us is exchanged at **today's rate for its purity**, less nothing for the metal; making charges are not returned.
- Buy-back for cash is at today's rate less 3%.
- Bring the piece and its invoice; the HUID on the invoice identifies it.

## Returns of online orders

An online order may be returned unworn within **7 days** of delivery or pickup, with its tags. The amount paid is refunded to the way it was paid within 7 working days of our checking the piece.`

const OLD_GOLD_EN = `We test old gold on an **XRF machine** in front of you, then melt-test it only with your consent. Its value is its fine weight at today's 24K rate, less the deduction shown on the slip before you agree. You may take the value against a new piece or as a payment to your bank account; cash is limited by law.`

const FAQS: { topic: string; question: Localized; answer: Localized }[] = [
  {
    topic: "buying",
    question: { en: "Why does the price of a piece change from day to day?", hi: "गहने की कीमत रोज़ क्यों बदलती है?" },
    answer: {
      en: "A piece's price is its metal at today's rate for its purity, plus making and wastage charges, stones and GST. The rate changes each morning, so the price does too; the product page shows every part of it.",
      hi: "गहने की कीमत आज के भाव पर उसकी धातु, मेकिंग और वेस्टेज चार्ज, नग और GST से बनती है। भाव रोज़ सुबह बदलता है, इसलिए कीमत भी बदलती है।",
    },
  },
  {
    topic: "hallmark",
    question: { en: "What is HUID?", hi: "HUID क्या है?" },
    answer: { en: "A six-character code engraved on every hallmarked piece, unique to it. Type it into the BIS CARE app to see the piece's purity and who hallmarked it.", hi: "हर हॉलमार्क वाले गहने पर खुदा छह अक्षरों का कोड। BIS CARE ऐप में डालकर शुद्धता देखें।" },
  },
  {
    topic: "old-gold",
    question: { en: "Can I exchange old gold from another jeweller?", hi: "क्या दूसरे ज्वैलर का पुराना सोना बदल सकते हैं?" },
    answer: { en: "Yes. We test it in front of you and give its value at today's rate against a new piece.", hi: "हाँ। हम आपके सामने जाँच करते हैं और आज के भाव पर नए गहने में उसकी कीमत देते हैं।" },
  },
  {
    topic: "schemes",
    question: { en: "How does the monthly savings scheme work?", hi: "मासिक बचत योजना कैसे काम करती है?" },
    answer: { en: "Pay a fixed amount each month for 11 months; the shop adds a bonus, and you buy jewellery worth the total. Your passbook is in your account on this site.", hi: "11 महीने हर महीने तय रकम जमा करें; दुकान बोनस जोड़ती है, और आप पूरी रकम के गहने ख़रीदते हैं।" },
  },
  {
    topic: "delivery",
    question: { en: "Can I pick up an online order at a branch?", hi: "क्या ऑनलाइन ऑर्डर शाखा से ले सकते हैं?" },
    answer: { en: "Yes: choose pickup at checkout. Bring the order confirmation and a photo ID.", hi: "हाँ: चेकआउट पर पिकअप चुनें। ऑर्डर की पुष्टि और फ़ोटो ID साथ लाएँ।" },
  },
]

const BRANCH_HOURS: Record<string, { hours: Localized; map: string }> = {
  MUM: { hours: { en: "Mon–Sat 10:30–20:30\nSunday closed", hi: "सोम–शनि 10:30–20:30\nरविवार बंद" }, map: "https://www.openstreetmap.org/search?query=Zaveri%20Bazaar%20Mumbai" },
  PUN: { hours: { en: "Tue–Sun 10:30–20:30\nMonday closed", hi: "मंगल–रवि 10:30–20:30\nसोमवार बंद" }, map: "https://www.openstreetmap.org/search?query=Laxmi%20Road%20Pune" },
  BLR: { hours: { en: "Mon–Sun 10:30–21:00", hi: "सोम–रवि 10:30–21:00" }, map: "https://www.openstreetmap.org/search?query=Commercial%20Street%20Bengaluru" },
}

/** Written inside the first start's transaction (`req`, cms/owner.ts). */
export async function writeDemoContent(payload: Payload, req: PayloadRequest): Promise<void> {
  const editorConfig = await editorConfigFactory.default({ config: payload.config })
  const rich = (markdown: string) => convertMarkdownToLexical({ editorConfig, markdown })
  const published = { _status: "published" as const }

  /** A document in English, then its Hindi texts where there are any. */
  async function write<T extends Record<string, unknown>>(collection: "banners" | "guides" | "lookbooks" | "policies" | "faqs" | "branch-pages", en: T, hi?: Partial<T>) {
    const doc = await payload.create({ collection, locale: "en", data: { ...en, ...published } as never, req })
    if (hi) {
      await payload.update({ collection, id: doc.id, locale: "hi", data: { ...hi, ...published } as never, req })
    }
  }

  await write(
    "banners",
    { title: "Wedding season: hallmarked gold at today's rate", text: "Every charge shown on every piece. See a piece at a branch before you buy, or book a video call.", link: "/products?metal=gold", linkLabel: "See the gold collection", order: 0 },
    { title: "शादी का मौसम: आज के भाव पर हॉलमार्क सोना", text: "हर गहने पर हर चार्ज साफ़ लिखा। ख़रीदने से पहले शाखा में देखें, या वीडियो कॉल बुक करें।", linkLabel: "सोने के गहने देखें" }
  )
  await write(
    "guides",
    { title: "How to read a hallmark", slug: "how-to-read-a-hallmark", summary: "The BIS logo, the purity and the HUID: what each mark on a gold piece tells you.", publishedOn: "2026-11-01T06:30:00.000Z", body: rich(HALLMARK_EN) },
    { title: "हॉलमार्क कैसे पढ़ें", summary: "BIS लोगो, शुद्धता और HUID: सोने के गहने का हर निशान क्या बताता है।", body: rich(HALLMARK_HI) }
  )
  await write("guides", { title: "Caring for gold and silver", slug: "caring-for-gold-and-silver", summary: "Five habits that keep jewellery bright for a lifetime.", publishedOn: "2026-11-15T06:30:00.000Z", body: rich(CARE_EN) }, { title: "सोने-चाँदी की देखभाल" })
  await write(
    "lookbooks",
    { title: "The bridal edit", slug: "bridal", summary: "Necklaces, bangles and earrings for the wedding day and the days around it.", body: rich("Temple necklaces in 22K gold, kundan chokers and bangles to stack: chosen for brides who want to wear their jewellery again after the wedding."), shopLink: "/products?metal=gold" },
    { title: "दुल्हन का कलेक्शन", summary: "शादी और उसके आसपास के दिनों के लिए हार, कंगन और झुमके।" }
  )
  await write("policies", { title: "Exchange, buy-back and returns", slug: "exchange-and-returns", summary: "What we give for jewellery bought from us, and how online orders come back.", body: rich(RETURNS_EN) }, { title: "एक्सचेंज, बायबैक और वापसी" })
  await write("policies", { title: "Old gold", slug: "old-gold", summary: "How we test and value the gold you bring.", body: rich(OLD_GOLD_EN) }, { title: "पुराना सोना" })
  for (const [order, faq] of FAQS.entries()) {
    await write("faqs", { question: faq.question.en, answer: faq.answer.en, topic: faq.topic, order }, { question: faq.question.hi, answer: faq.answer.hi })
  }
  for (const [order, [code, branch]] of Object.entries(BRANCH_HOURS).entries()) {
    await write("branch-pages", { code, hours: branch.hours.en, mapLink: branch.map, order }, { hours: branch.hours.hi })
  }
  payload.logger.info("CMS: the demo shop's website content written")
}
