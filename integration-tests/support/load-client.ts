/**
 * The cluster test's load generator: requests over HTTPS (keep-alive, the
 * run's own CA) through the load balancer, each write carrying its
 * idempotency key. A request that meets a dropped or refused connection, or
 * a gateway error (502/503/504: its instance died under it), is sent again
 * unchanged, as a till would, until it gets an answer or its time is up.
 */
import https from "node:https"

/** `upstream`: the instance that answered, as the balancer names it (its X-Upstream header). */
export type Answer = { status: number; body: any; upstream?: string }

export type Outcome = Answer & {
  /** Attempts made (1 = answered the first time). */
  attempts: number
  /** From the first attempt to the answer that counted. */
  ms: number
  startedAt: number
  endedAt: number
  /** What the attempts before the last met, e.g. "502" or "ECONNRESET". */
  retriedOn: string[]
}

const GATEWAY_ERRORS = new Set([502, 503, 504])

export class LoadClient {
  private readonly agent: https.Agent
  readonly outcomes: Outcome[] = []

  constructor(
    private readonly baseUrl: string,
    ca: string,
    private token = ""
  ) {
    this.agent = new https.Agent({ ca, keepAlive: true, maxSockets: 64, servername: "localhost" })
  }

  signIn(token: string) {
    this.token = token
  }

  /** One attempt; rejects on a connection error. */
  request(method: string, path: string, body?: unknown): Promise<Answer> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    return new Promise((resolve, reject) => {
      const req = https.request(
        new URL(path, this.baseUrl),
        {
          method,
          agent: this.agent,
          headers: {
            ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}),
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          },
          timeout: 90_000,
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on("data", (chunk: Buffer) => chunks.push(chunk))
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8")
            let parsed: unknown = text
            try {
              parsed = text ? JSON.parse(text) : undefined
            } catch {
              // an HTML error page from the balancer
            }
            const upstream = res.headers["x-upstream"]
            resolve({ status: res.statusCode ?? 0, body: parsed, upstream: typeof upstream === "string" ? upstream : undefined })
          })
          res.on("error", reject)
        }
      )
      req.on("timeout", () => req.destroy(new Error("ETIMEDOUT")))
      req.on("error", reject)
      req.end(payload)
    })
  }

  /** Sends until answered by the app (not a gateway error or a lost connection) or `deadlineMs` passes; recorded. */
  async send(method: string, path: string, body?: unknown, deadlineMs = 60_000): Promise<Outcome> {
    const startedAt = Date.now()
    const retriedOn: string[] = []
    for (let attempt = 1; ; attempt++) {
      let answer: Answer | undefined
      try {
        answer = await this.request(method, path, body)
      } catch (err) {
        retriedOn.push((err as NodeJS.ErrnoException).code ?? (err as Error).message)
      }
      if (answer && !GATEWAY_ERRORS.has(answer.status)) {
        const outcome = { ...answer, attempts: attempt, ms: Date.now() - startedAt, startedAt, endedAt: Date.now(), retriedOn }
        this.outcomes.push(outcome)
        return outcome
      }
      if (answer) {
        retriedOn.push(String(answer.status))
      }
      if (Date.now() - startedAt > deadlineMs) {
        const outcome = { status: answer?.status ?? 0, body: answer?.body, attempts: attempt, ms: Date.now() - startedAt, startedAt, endedAt: Date.now(), retriedOn }
        this.outcomes.push(outcome)
        return outcome
      }
      // Short and growing: the balancer routes around a dead instance within a request or two.
      await new Promise((resolve) => setTimeout(resolve, Math.min(50 * attempt, 500)))
    }
  }

  close() {
    this.agent.destroy()
  }
}
