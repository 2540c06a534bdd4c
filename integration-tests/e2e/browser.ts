/**
 * The e2e tests' browser: Debian's Chromium through playwright-core, kept
 * from calling home (the machine has no network beyond the app), a
 * screenshot of each test when E2E_SCREENSHOTS names a folder, and the
 * admin's login.
 */
import fs from "node:fs"
import path from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"
import { CHROMIUM_OPTIONS } from "../../launcher/e2e"

export const base = process.env.E2E_BASE_URL!
export const admin = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! }

/** A demo staff login with the password the seed wrote for it (each has its own) into the app's admin-credentials.txt. */
export function demoStaff(email: string): { email: string; password: string } {
  const text = fs.readFileSync(path.join(process.env.E2E_ARTIFACTS!, "admin-credentials.txt"), "utf8")
  const line = text.split("\n").find((l) => l.startsWith(`staff: ${email} / `))
  if (!line) {
    throw new Error(`no password for ${email} in admin-credentials.txt`)
  }
  return { email, password: line.slice(`staff: ${email} / `.length).split(" ")[0] }
}

/**
 * A browser and a page for the file's tests; closes with the file, screenshots after each test. `otherPage()`
 * opens a page with cookies of its own, for a second member of staff signed in at the same time.
 */
export function useBrowser(): { page: () => Page; otherPage: () => Promise<Page> } {
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  })
  afterAll(async () => {
    await browser?.close()
  })
  afterEach(() => screenshotTest(page))
  return { page: () => page, otherPage: async () => (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage() }
}

/**
 * fetch to the app, sent once more when the app closed the idle keep-alive connection it went out on (undici's
 * "other side closed"): one Jest worker runs every e2e file, and a connection left by one file can be closed by
 * the server just as the next file's first request reuses it. Such a request never reached the app.
 */
export async function appFetch(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (e) {
    const code = (e as { cause?: { code?: string } }).cause?.code
    if (code !== "UND_ERR_SOCKET" && code !== "ECONNRESET") {
      throw e
    }
    return fetch(url, init)
  }
}

/**
 * The layer's one Chromium (E2E_BROWSER_WS, started by the launcher), or Debian's Chromium launched for this file
 * when the file is run on its own; headless and kept from calling home either way. Each file works in contexts of
 * its own, closed with it.
 */
export function launchChromium(): Promise<Browser> {
  const shared = process.env.E2E_BROWSER_WS
  return shared ? chromium.connect(shared) : chromium.launch({ executablePath: process.env.CHROMIUM_PATH, ...CHROMIUM_OPTIONS })
}

/** A full-page screenshot of the test just run, only when E2E_SCREENSHOTS names a folder (docs/testing.md): the run's own folder goes at its end. */
export async function screenshotTest(page: Page | undefined): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS
  if (page && folder) {
    fs.mkdirSync(folder, { recursive: true })
    await page.screenshot({ path: path.join(folder, `${expect.getState().currentTestName?.replace(/\W+/g, "-")}.png`), fullPage: true }).catch(() => undefined)
  }
}

/** Logs in through the admin's login form (as the owner unless told). */
export async function logIn(page: Page, login = admin) {
  await page.goto(`${base}/app/login`)
  await page.locator('input[name="email"]').fill(login.email)
  await page.locator('input[name="password"]').fill(login.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 60_000 })
}

/** An admin API token, as the admin's own login gets one (the owner's unless told). */
export async function adminToken(login = admin): Promise<string> {
  const res = await appFetch(`${base}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(login) })
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

/** A call to the app's admin API with the token, answered as JSON; a refusal fails the test. */
export async function adminApi<T>(token: string, route: string, body?: unknown): Promise<T> {
  const res = await appFetch(`${base}${route}`, {
    method: body ? "POST" : "GET",
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  expect(res.status).toBeLessThan(300)
  return (await res.json()) as T
}
