import type { AddressInfo } from "node:net"
import { simpleParser } from "mailparser"
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerSession } from "smtp-server"

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; message_id: string | null }

/**
 * A loopback mail server speaking SMTP (RFC 5321, with AUTH PLAIN/LOGIN),
 * built on nodemailer's smtp-server: it checks the password, keeps each mail
 * it accepts (parsed with mailparser, so tests read the decoded subject and
 * text), and answers the next recipients with a reply code when told to
 * (a 421 "busy", a 550 "no such user").
 */
export class SmtpLoopback {
  readonly user = "shop"
  readonly password = "loopback-secret"
  readonly mails: ReceivedMail[] = []
  /** Replies for the next RCPT TO commands, e.g. { code: 421, message: "Try again later" }. */
  readonly failNext: { code: number; message: string }[] = []
  private server?: SMTPServer

  get origin() {
    return `smtp://${this.user}:${this.password}@127.0.0.1:${(this.server!.server.address() as AddressInfo).port}`
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      // Pooled client connections would hold close() open for its default 30 s.
      closeTimeout: 500,
      allowInsecureAuth: true,
      authMethods: ["PLAIN", "LOGIN"],
      logger: false,
      onAuth: (auth: SMTPServerAuthentication, _session: SMTPServerSession, callback) => {
        if (auth.username === this.user && auth.password === this.password) {
          return callback(null, { user: auth.username })
        }
        callback(Object.assign(new Error("Authentication credentials invalid"), { responseCode: 535 }))
      },
      onRcptTo: (_address, _session, callback) => {
        const forced = this.failNext.shift()
        if (forced) {
          return callback(Object.assign(new Error(forced.message), { responseCode: forced.code }))
        }
        callback()
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.mails.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: mail.subject ?? "",
              text: (mail.text ?? "").trim(),
              message_id: mail.messageId ?? null,
            })
            callback()
          })
          .catch((err: Error) => callback(err))
      },
    })
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve))
    return this
  }

  async stop() {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }
}
