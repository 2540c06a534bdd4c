import http from "node:http"
import net from "node:net"
import { Client, Environment } from "@paypal/paypal-server-sdk"
import type { PaypalApiOptions } from "./webhook-verifier"

/**
 * Sends the SDK's HTTPS requests to another origin over plain HTTP (a
 * loopback PayPal in tests): an agent for "https:" URLs whose connections
 * go to that origin. The SDK picks PayPal's host by environment and has no
 * base-URL setting; it does take an HTTPS agent.
 */
class LoopbackAgent extends http.Agent {
  readonly protocol = "https:"

  constructor(private readonly origin: URL) {
    super({ keepAlive: false })
  }

  createConnection(): net.Socket {
    return net.connect({ host: this.origin.hostname, port: Number(this.origin.port || 80) })
  }
}

/** The official SDK client for live, sandbox or (tests) another origin, with a timeout on every request. */
export function createPaypalClient(options: PaypalApiOptions): Client {
  return new Client({
    environment: options.environment === "production" ? Environment.Production : Environment.Sandbox,
    clientCredentialsAuthCredentials: { oAuthClientId: options.client_id, oAuthClientSecret: options.client_secret },
    timeout: options.timeout_ms ?? 15_000,
    ...(options.api_base ? { httpClientOptions: { httpsAgent: new LoopbackAgent(new URL(options.api_base)) } } : {}),
  })
}
