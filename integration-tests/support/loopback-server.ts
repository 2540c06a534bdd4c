import http from "node:http"
import type { AddressInfo } from "node:net"

/**
 * The HTTP scaffolding of our loopback stand-ins for outside services: a
 * server on 127.0.0.1, the raw request body read in full, JSON answers.
 * Subclasses speak the service's API in `handle`.
 */
export abstract class LoopbackServer {
  private server?: http.Server

  get origin() {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`
  }

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => {
      void this.readBody(req).then((bytes) => this.handle(req, res, bytes.toString("utf8"), bytes))
    })
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve))
    return this
  }

  async stop() {
    // Idle keep-alive connections of the client SDKs would hold close() open.
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  /** `body` is the request body as UTF-8 text, `bytes` the same body unaltered (binary uploads). */
  protected abstract handle(req: http.IncomingMessage, res: http.ServerResponse, body: string, bytes: Buffer): void | Promise<void>

  protected reply(res: http.ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body))
  }

  private async readBody(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = []
    for await (const chunk of req) {
      chunks.push(chunk as Buffer)
    }
    return Buffer.concat(chunks)
  }
}

/**
 * Starts `server` on a free port before the spec's app boots and sets the
 * settings `env` derives from it (its origin, its keys) (the app reads them when it loads its
 * config); stops it and removes them after the file. Call at the top level
 * of a spec file, before shopIntegrationRunner: a port the system hands out
 * cannot collide with another file running at the same time.
 */
export function useLoopback<T extends { start(): Promise<unknown>; stop(): Promise<void> }>(server: T, env: (started: T) => Record<string, string>): T {
  let names: string[] = []
  beforeAll(async () => {
    await server.start()
    const settings = env(server)
    names = Object.keys(settings)
    Object.assign(process.env, settings)
  })
  afterAll(async () => {
    await server.stop()
    names.forEach((name) => delete process.env[name])
  })
  return server
}
