/**
 * nginx in front of the cluster test's server instances, as a TLS load
 * balancer would stand in front of them in production (docs/deployment.md):
 * TLS terminated with a certificate made for the run, requests spread
 * round-robin over the upstreams, a refused connection passed on to the next
 * instance, and an instance that failed left out for a few seconds (open
 * source nginx checks upstreams passively, on real requests).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import tls from "node:tls"
import { waitFor } from "./wait"

export type Certificate = { cert: string; key: string; certFile: string; keyFile: string }

/** A self-signed certificate for localhost and 127.0.0.1, made with openssl in `dir`. */
export function makeCertificate(dir: string): Certificate {
  const certFile = path.join(dir, "cert.pem")
  const keyFile = path.join(dir, "key.pem")
  const made = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", keyFile, "-out", certFile],
    { encoding: "utf8" }
  )
  if (made.status !== 0) {
    throw new Error(`openssl could not make the test certificate: ${made.stderr}`)
  }
  return { cert: fs.readFileSync(certFile, "utf8"), key: fs.readFileSync(keyFile, "utf8"), certFile, keyFile }
}

/** A TLS listener on `port` balancing over the instances on `upstreams` (ports on 127.0.0.1). */
export type Site = { name: string; port: number; upstreams: number[] }

/** The whole configuration: nginx runs in the foreground as the test's child, everything under `dir`. */
export function nginxConfig(dir: string, certificate: Certificate, sites: Site[]): string {
  const upstream = (site: Site) => `
  upstream ${site.name} {
${site.upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 32;
  }`
  const server = (site: Site) => `
  server {
    listen 127.0.0.1:${site.port} ssl;
    ssl_certificate ${certificate.certFile};
    ssl_certificate_key ${certificate.keyFile};
    location / {
      proxy_pass http://${site.name};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto https;
      # A refused or reset connection goes to the next instance. A POST already sent is not resent (nginx's
      # rule for non-idempotent methods): the client retries it with its idempotency key.
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      # Which instance answered (after any refused ones: "a, b"), for the test to count.
      add_header X-Upstream $upstream_addr always;
    }
  }`
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`
  return `daemon off;
worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 512; }
http {
  access_log off;
  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n  ")}
  client_max_body_size 10m;
${sites.map(upstream).join("\n")}
${sites.map(server).join("\n")}
}
`
}

export type RunningNginx = { process: ChildProcess; errorLog: string; stop: () => Promise<void> }

/** Starts nginx with `sites` and waits until every listener completes a TLS handshake. */
export async function startNginx(nginxPath: string, dir: string, certificate: Certificate, sites: Site[]): Promise<RunningNginx> {
  const conf = path.join(dir, "nginx.conf")
  fs.writeFileSync(conf, nginxConfig(dir, certificate, sites))
  const checked = spawnSync(nginxPath, ["-t", "-q", "-p", dir, "-c", conf], { encoding: "utf8" })
  if (checked.status !== 0) {
    throw new Error(`nginx rejects the test configuration: ${checked.stderr}`)
  }
  const child = spawn(nginxPath, ["-p", dir, "-c", conf], { stdio: "ignore" })
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  const handshake = (port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = tls.connect({ host: "127.0.0.1", port, servername: "localhost", ca: certificate.cert }, () => {
        socket.end()
        resolve(true)
      })
      socket.once("error", () => resolve(false))
    })
  for (const site of sites) {
    await waitFor(`nginx to answer TLS on port ${site.port}`, () => child.exitCode === null && handshake(site.port), { timeout: 20_000 })
  }
  return {
    process: child,
    errorLog: path.join(dir, "error.log"),
    stop: async () => {
      if (child.exitCode === null) {
        // SIGQUIT: nginx's graceful stop.
        child.kill("SIGQUIT")
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
        child.kill("SIGKILL")
      }
    },
  }
}
