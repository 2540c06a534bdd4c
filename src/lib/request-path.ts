/**
 * How a request path is spelled. Express matches routes case-insensitively
 * and decodes percent escapes only inside `:params`, so `/admin/AUDIT`,
 * `/auth/user/emailpas%73` and `/hooks/payment/razorpay%5Frazorpay` all reach
 * a route. Checks keyed on a path (access, limits, webhook guards) must see
 * the path as Express routes it; these helpers say when a spelling is not the
 * plain one, and what the plain one is.
 */

/** RFC 3986 §2.3: characters a client never needs to escape. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/

/**
 * Why a path is not in its plain spelling, or null when it is: a percent
 * escape of a letter, digit or `-._~`, an empty segment (`//`), or a `.`/`..`
 * segment. The query string is not looked at.
 */
export function respelling(path: string): string | null {
  const bare = path.split("?")[0]
  for (const match of bare.matchAll(/%([0-9A-Fa-f]{2})/g)) {
    const char = String.fromCharCode(parseInt(match[1], 16))
    if (UNRESERVED.test(char)) {
      return `"${match[0]}" stands for "${char}", which is written as it is`
    }
  }
  const segments = bare.split("/").slice(1)
  // A trailing slash is one Express accepts: only empty segments before the last count.
  if (segments.slice(0, -1).some((s) => s === "")) {
    return "the path has an empty segment (//)"
  }
  if (segments.some((s) => s === "." || s === "..")) {
    return "the path has a dot segment (. or ..)"
  }
  return null
}

/**
 * The plain spelling of a path: unreserved escapes decoded, empty and `.`
 * segments dropped, `..` segments resolved, no trailing slash. Case is kept
 * (ids are case-sensitive); compare static segments case-insensitively.
 */
export function plainPath(path: string): string {
  const bare = path.split("?")[0].replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16))
    return UNRESERVED.test(char) ? char : escape.toUpperCase()
  })
  const out: string[] = []
  for (const segment of bare.split("/")) {
    if (segment === "" || segment === ".") {
      continue
    }
    if (segment === "..") {
      out.pop()
      continue
    }
    out.push(segment)
  }
  return `/${out.join("/")}`
}

/**
 * Whether `path` is served by the route `pattern` (Medusa's `:param` form) the
 * way Express matches it: static segments case-insensitively, a parameter as
 * one non-empty segment.
 */
export function matchesRoute(pattern: string, path: string): boolean {
  const want = pattern.split("/").filter(Boolean)
  const have = plainPath(path).split("/").filter(Boolean)
  if (want.length !== have.length) {
    return false
  }
  return want.every((segment, i) => segment.startsWith(":") || segment.toLowerCase() === have[i].toLowerCase())
}

/** Whether `path` is `prefix` or below it, static segments compared case-insensitively. */
export function isUnder(prefix: string, path: string): boolean {
  const want = prefix.split("/").filter(Boolean)
  const have = plainPath(path).split("/").filter(Boolean)
  return want.length <= have.length && want.every((segment, i) => segment.startsWith(":") || segment.toLowerCase() === have[i].toLowerCase())
}
