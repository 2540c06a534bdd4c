import http from "node:http"

/**
 * Sends a request with its path exactly as written: axios and fetch resolve
 * `.` and `..` segments before sending, which hides what a raw client can
 * send the server.
 */
export function rawRequest(
  baseURL: string,
  method: string,
  path: string,
  { headers = {}, body, timeoutMs = 20_000 }: { headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {}
): Promise<{ status: number; data: any; headers: http.IncomingHttpHeaders }> {
  const { hostname, port } = new URL(baseURL)
  const payload = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname, port, method, path, headers: { ...headers, ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}) } },
      (res) => {
        const chunks: Buffer[] = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8")
          let data: unknown = text
          try {
            data = JSON.parse(text)
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, data, headers: res.headers })
        })
      }
    )
    req.on("error", reject)
    // A route that never answers is a finding, not a hung test.
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs / 1000} s`)))
    req.end(payload)
  })
}
