import net from "node:net"
import { LauncherError } from "./errors"

/** Resolves when nothing listens on the port; fails with `message` otherwise. */
export function assertPortFree(port: number, message: string, host = "0.0.0.0"): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", (err: NodeJS.ErrnoException) => {
      reject(err.code === "EADDRINUSE" || err.code === "EACCES" ? new LauncherError(message) : err)
    })
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve())
    })
  })
}

/** A port that was free a moment ago, chosen by the operating system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address()
      const port = typeof address === "object" && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export function parsePort(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") {
    return fallback
  }
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new LauncherError(`${name} must be a port number between 1 and 65535, got "${value}".`)
  }
  return port
}
