/** Where the admin's API calls go (same origin as the dashboard unless VITE_BACKEND_URL says otherwise). */
const backend = () => (import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")

async function failure(res: Response): Promise<Error> {
  try {
    const body = (await res.json()) as { message?: string }
    return new Error(body.message ?? `${res.status} ${res.statusText}`)
  } catch {
    return new Error(`${res.status} ${res.statusText}`)
  }
}

/** Downloads a file from an admin route with the session cookie and saves it under the name the server gives. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(`${backend()}${path}`, { credentials: "include" })
  if (!res.ok) {
    throw await failure(res)
  }
  const disposition = res.headers.get("content-disposition") ?? ""
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName
  const url = URL.createObjectURL(await res.blob())
  const link = document.createElement("a")
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Posts multipart/form-data to an admin route with the session cookie; the JSON answer, or its message as an error. */
export async function postForm<T>(path: string, form: FormData): Promise<{ status: number; body: T }> {
  const res = await fetch(`${backend()}${path}`, { method: "POST", credentials: "include", body: form })
  if (!res.ok && res.status !== 400) {
    throw await failure(res)
  }
  return { status: res.status, body: (await res.json()) as T }
}
