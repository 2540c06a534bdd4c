import { findOrInstall } from "./apt"

const NGINX_CANDIDATES = ["/usr/sbin/nginx", "/usr/bin/nginx"]

/**
 * The nginx the cluster layer balances with: NGINX_PATH, else Debian's
 * package, installed now when missing if we may (root with apt-get).
 */
export function findNginx(): string | undefined {
  return process.env.NGINX_PATH || findOrInstall("nginx", NGINX_CANDIDATES, "the cluster tests")
}
