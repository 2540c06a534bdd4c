/** Where the admin's API calls go (same origin as the dashboard unless VITE_BACKEND_URL says otherwise). */
const backend = () => (import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")

/** An admin route's address on the backend, for an <img> that the session cookie lets through. */
export const backendUrl = (path: string) => `${backend()}${path}`

async function failure(res: Response): Promise<Error> {
  try {
    const body = (await res.json()) as { message?: string }
    return new Error(body.message ?? `${res.status} ${res.statusText}`)
  } catch {
    return new Error(`${res.status} ${res.statusText}`)
  }
}

/**
 * Downloads a file from an admin route with the session cookie and saves it
 * under the name the server gives. With `onProgress`, reads it as it
 * streams and reports the lines received against the `X-Total-Rows` the
 * server announced (a CSV's lines; its header line not counted).
 */
export async function downloadFile(path: string, fallbackName: string, onProgress?: (rows: number, total: number | null) => void): Promise<void> {
  const res = await fetch(`${backend()}${path}`, { credentials: "include" })
  if (!res.ok) {
    throw await failure(res)
  }
  const disposition = res.headers.get("content-disposition") ?? ""
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName
  let blob: Blob
  if (onProgress && res.body) {
    const totalHeader = res.headers.get("x-total-rows")
    const total = totalHeader === null ? null : Number(totalHeader)
    const reader = res.body.getReader()
    const chunks: BlobPart[] = []
    let newlines = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) {
        break
      }
      chunks.push(value as Uint8Array<ArrayBuffer>)
      for (const byte of value) {
        newlines += byte === 10 ? 1 : 0
      }
      onProgress(Math.max(0, newlines - 1), total)
    }
    blob = new Blob(chunks, { type: res.headers.get("content-type") ?? undefined })
  } else {
    blob = await res.blob()
  }
  saveBlob(blob, name)
}

/** Saves a blob made or fetched in the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Posts JSON to an admin route that answers with a file (a PDF to print) and saves it under the name the server gives. */
export async function postForDownload(path: string, body: unknown, fallbackName: string): Promise<void> {
  const res = await fetch(`${backend()}${path}`, {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })
  if (!res.ok) {
    throw await failure(res)
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName
  saveBlob(await res.blob(), name)
}

/**
 * Posts multipart/form-data (or a file as it is: a CSV sheet) to an admin route with the session cookie; the JSON
 * answer (a 400's too, which lists what is wrong), or any other failure's message as an error.
 */
export async function postForm<T>(path: string, form: FormData | Blob): Promise<{ status: number; body: T }> {
  const res = await fetch(`${backend()}${path}`, { method: "POST", credentials: "include", body: form })
  if (!res.ok && res.status !== 400) {
    throw await failure(res)
  }
  return { status: res.status, body: (await res.json()) as T }
}
