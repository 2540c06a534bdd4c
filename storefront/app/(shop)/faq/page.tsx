import type { Faq as Question } from "../../../cms/payload-types"
import { sectionMetadata } from "../../../components/content"
import { faqs } from "../../../lib/cms"
import { translator } from "../../../lib/i18n"

export const dynamic = "force-dynamic"

export const generateMetadata = () => sectionMetadata("faq")

export default async function Faq() {
  const [t, questions] = await Promise.all([translator("Content"), faqs()])
  const topics = [...new Set(questions.map((q) => q.topic))]
  const byTopic = (topic: Question["topic"]) => questions.filter((q) => q.topic === topic)
  return (
    <>
      <h1>{t("faq")}</h1>
      <p className="muted">{t("faqDescription")}</p>
      {questions.length === 0 && <p>{t("nothingYet")}</p>}
      {topics.map((topic) => (
        <section key={topic} aria-labelledby={`topic-${topic}`}>
          <h2 id={`topic-${topic}`}>{t(`topic.${topic}`)}</h2>
          {byTopic(topic).map((q) => (
            <details key={q.id}>
              <summary>{q.question}</summary>
              <p className="address">{q.answer}</p>
            </details>
          ))}
        </section>
      ))}
    </>
  )
}
