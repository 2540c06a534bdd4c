import fs from "node:fs"
import path from "node:path"
import { parseAllDocuments } from "yaml"
import { ConfigMap, Secret, Service } from "kubernetes-models/v1"
import { Deployment } from "kubernetes-models/apps/v1"
import { Job } from "kubernetes-models/batch/v1"
import { Ingress } from "kubernetes-models/networking.k8s.io/v1"
import { PodDisruptionBudget } from "kubernetes-models/policy/v1"
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2"
import { ScaledObject, TriggerAuthentication } from "@kubernetes-models/keda/keda.sh/v1alpha1"
import { CHART, documentedVariables, helm, helmAvailable, NOT_DEPLOYED, ROOT } from "../tools"

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [key: string]: any }

/**
 * The Kubernetes schema of each apiVersion/kind the chart uses (kubernetes-models: the API's OpenAPI schemas,
 * compiled by ajv; KEDA's from its CRDs). A kind missing here fails the test: every manifest is checked.
 */
const SCHEMAS: Record<string, new (data: any) => { validate(): void }> = {
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "networking.k8s.io/v1/Ingress": Ingress,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "keda.sh/v1alpha1/ScaledObject": ScaledObject,
  "keda.sh/v1alpha1/TriggerAuthentication": TriggerAuthentication,
}

/** Throws with the manifest's kind, name and the schema's complaint. */
export function validateManifest(m: Manifest): void {
  const Model = SCHEMAS[`${m.apiVersion}/${m.kind}`]
  if (!Model) {
    throw new Error(`${m.apiVersion} ${m.kind} ${m.metadata?.name}: no schema for this apiVersion and kind`)
  }
  try {
    new Model(m).validate()
  } catch (err) {
    throw new Error(`${m.kind} ${m.metadata?.name}: ${err instanceof Error ? err.message : String(err)}`)
  }
}

const SECRETS = {
  DATABASE_URL: "postgres://jewel:pw@db.internal:5432/jewel?sslmode=require",
  REDIS_URL: "rediss://:pw@redis.internal:6379",
  JWT_SECRET: "j".repeat(16) + "k".repeat(16),
  COOKIE_SECRET: "c".repeat(16) + "d".repeat(16),
  PII_ENCRYPTION_KEY: "ab".repeat(32),
}

function render(values: Record<string, unknown>): Manifest[] {
  const file = path.join(fs.mkdtempSync(path.join(require("node:os").tmpdir(), "jewel-values-")), "values.json")
  fs.writeFileSync(file, JSON.stringify(values))
  const out = helm(["template", "shop", CHART, "--namespace", "jewel", "--kube-version", "1.30.0", "-f", file])
  return parseAllDocuments(out)
    .map((d) => d.toJS() as Manifest | null)
    .filter((m): m is Manifest => !!m)
}

const byKind = (ms: Manifest[], kind: string) => ms.filter((m) => m.kind === kind)
const named = (ms: Manifest[], kind: string, name: string) => {
  const found = ms.find((m) => m.kind === kind && m.metadata.name === name)
  if (!found) {
    throw new Error(`no ${kind} ${name} among ${ms.map((m) => `${m.kind}/${m.metadata.name}`).join(", ")}`)
  }
  return found
}

/** values.yaml's own `config` and `secrets` keys, each given a value. */
const chartValues = parseAllDocuments(fs.readFileSync(path.join(CHART, "values.yaml"), "utf8"))[0].toJS() as {
  config: Record<string, string>
  secrets: Record<string, string>
}
const fill = (keys: Record<string, string>) => Object.fromEntries(Object.keys(keys).map((k) => [k, `${k.toLowerCase()}-value`]))

const VARIANTS: Record<string, Record<string, unknown>> = {
  "the defaults with the required secrets": { secrets: SECRETS },
  "everything on: every setting, KEDA, request-rate autoscaling": {
    secrets: { ...fill(chartValues.secrets), ...SECRETS },
    config: fill(chartValues.config),
    worker: { keda: { enabled: true, redisAddress: "redis.internal:6379", redisTLS: true, redisPasswordSecretKey: "REDIS_PASSWORD" } },
    extraVolumes: [{ name: "db-ca", secret: { secretName: "db-ca" } }],
    extraVolumeMounts: [{ name: "db-ca", mountPath: "/etc/jewel-crm", readOnly: true }],
  },
  "an existing Secret, no Ingress, no autoscaling, no migration hook": {
    existingSecret: "shop-secrets",
    ingress: { enabled: false },
    server: { autoscaling: { enabled: false } },
    migrations: { enabled: false },
  },
}

;(helmAvailable ? describe : describe.skip)("the Helm chart (deploy/helm/jewel-crm)", () => {
  const rendered: Record<string, Manifest[]> = {}
  beforeAll(() => {
    for (const [name, values] of Object.entries(VARIANTS)) {
      rendered[name] = render(values)
    }
  })

  it("passes helm lint --strict", () => {
    const file = path.join(fs.mkdtempSync(path.join(require("node:os").tmpdir(), "jewel-lint-")), "values.json")
    fs.writeFileSync(file, JSON.stringify({ secrets: SECRETS }))
    expect(helm(["lint", "--strict", CHART, "-f", file])).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/)
  })

  it.each(Object.keys(VARIANTS))("renders manifests that each validate against their API version's schema: %s", (variant) => {
    const manifests = rendered[variant]
    expect(manifests.length).toBeGreaterThan(5)
    const problems = manifests.flatMap((m) => {
      try {
        validateManifest(m)
        return []
      } catch (err) {
        return [(err as Error).message]
      }
    })
    expect(problems).toEqual([])
  })

  it("refuses to render without the required settings", () => {
    expect(() => render({})).toThrow(/secrets.DATABASE_URL is required/)
    expect(() => render({ secrets: SECRETS, worker: { keda: { enabled: true } } })).toThrow(/worker.keda.redisAddress/)
    expect(() => render({ secrets: SECRETS, config: { PUBLIC_URL: "https://elsewhere" } })).toThrow(/config.PUBLIC_URL is set by the chart/)
  })

  it("wires every documented setting into the server through the ConfigMap, the Secret or the pod", () => {
    const ms = rendered["everything on: every setting, KEDA, request-rate autoscaling"]
    const config = named(ms, "ConfigMap", "shop-jewel-crm-config")
    const secret = named(ms, "Secret", "shop-jewel-crm-secrets")
    const server = named(ms, "Deployment", "shop-jewel-crm-server")
    const container = server.spec.template.spec.containers[0]
    expect(container.envFrom).toEqual([{ configMapRef: { name: config.metadata.name } }, { secretRef: { name: secret.metadata.name } }])
    const wired = new Set([...Object.keys(config.data), ...Object.keys(secret.stringData), ...container.env.map((e: { name: string }) => e.name)])
    const missing = documentedVariables().filter((v) => !(v in NOT_DEPLOYED) && !wired.has(v))
    expect(missing).toEqual([])
    expect(config.data).toMatchObject({ NODE_ENV: "production", PUBLIC_URL: "https://shop.example.com", SHOP_NAME: "shop_name-value" })
    expect(secret.stringData).toMatchObject({ JWT_SECRET: SECRETS.JWT_SECRET, PAYPAL_CLIENT_SECRET: "paypal_client_secret-value" })
  })

  it("probes liveness on /health and readiness on /health/ready, with resources and a non-root user", () => {
    const ms = rendered["the defaults with the required secrets"]
    for (const name of ["shop-jewel-crm-server", "shop-jewel-crm-worker"]) {
      const pod = named(ms, "Deployment", name).spec.template.spec
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 })
      for (const c of pod.containers) {
        expect(c.livenessProbe.httpGet.path).toBe("/health")
        expect(c.startupProbe.httpGet.path).toBe("/health")
        expect(c.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) })
        expect(c.resources.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) })
        expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } })
      }
    }
    const server = named(ms, "Deployment", "shop-jewel-crm-server").spec.template.spec
    expect(server.containers[0].readinessProbe.httpGet.path).toBe("/health/ready")
    expect(server.containers[0].lifecycle.preStop.exec.command).toEqual(["sleep", "10"])
    expect(server.containers[0].env).toContainEqual({ name: "MEDUSA_WORKER_MODE", value: "server" })
    const worker = named(ms, "Deployment", "shop-jewel-crm-worker").spec.template.spec
    expect(worker.containers[0].env).toContainEqual({ name: "MEDUSA_WORKER_MODE", value: "worker" })
  })

  it("runs migrations as a hook after the ConfigMap and Secret it reads, before the pods roll out", () => {
    const ms = rendered["the defaults with the required secrets"]
    const job = named(ms, "Job", "shop-jewel-crm-migrate")
    expect(job.metadata.annotations).toMatchObject({ "helm.sh/hook": "pre-install,pre-upgrade", "helm.sh/hook-weight": "0" })
    expect(job.spec.template.spec.containers[0].args).toEqual(["migrate"])
    for (const kind of ["ConfigMap", "Secret"]) {
      expect(Number(byKind(ms, kind)[0].metadata.annotations?.["helm.sh/hook-weight"])).toBeLessThan(0)
    }
  })

  it("points every selector and reference at something the chart made", () => {
    for (const ms of Object.values(rendered)) {
      const deployments = byKind(ms, "Deployment")
      const podLabels = (name: string) => deployments.find((d) => d.metadata.name === name)?.spec.template.metadata.labels ?? {}
      const selects = (selector: Record<string, string>) =>
        deployments.filter((d) => Object.entries(selector).every(([k, v]) => d.spec.template.metadata.labels[k] === v)).map((d) => d.metadata.name)
      for (const d of deployments) {
        expect(Object.entries(d.spec.selector.matchLabels).every(([k, v]) => podLabels(d.metadata.name)[k] === v)).toBe(true)
      }
      for (const svc of byKind(ms, "Service")) {
        expect(selects(svc.spec.selector)).toEqual(["shop-jewel-crm-server"])
      }
      expect(byKind(ms, "PodDisruptionBudget").map((p) => selects(p.spec.selector.matchLabels))).toEqual([["shop-jewel-crm-server"], ["shop-jewel-crm-worker"]])
      for (const hpa of byKind(ms, "HorizontalPodAutoscaler")) {
        expect(deployments.map((d) => d.metadata.name)).toContain(hpa.spec.scaleTargetRef.name)
      }
      for (const so of byKind(ms, "ScaledObject")) {
        expect(so.spec.scaleTargetRef.name).toBe("shop-jewel-crm-worker")
      }
      for (const ing of byKind(ms, "Ingress")) {
        const backend = ing.spec.rules[0].http.paths[0].backend.service.name
        expect(byKind(ms, "Service").map((s) => s.metadata.name)).toContain(backend)
        expect(ing.spec.tls[0].hosts).toEqual([ing.spec.rules[0].host])
        expect(ing.metadata.annotations?.["cert-manager.io/cluster-issuer"]).toBeTruthy()
      }
    }
  })

  it("scales servers on CPU and requests per second, and workers on Medusa's Redis queues with KEDA", () => {
    const ms = rendered["everything on: every setting, KEDA, request-rate autoscaling"]
    const hpa = named(ms, "HorizontalPodAutoscaler", "shop-jewel-crm-server")
    expect(hpa.spec.metrics.map((m: { type: string }) => m.type)).toEqual(["Resource", "Pods"])
    expect(hpa.spec.metrics[1].pods.metric.name).toBe("http_requests_per_second")
    // With the HPA (or KEDA) in charge, the Deployment leaves its replica count alone.
    expect(named(ms, "Deployment", "shop-jewel-crm-server").spec.replicas).toBeUndefined()
    expect(named(ms, "Deployment", "shop-jewel-crm-worker").spec.replicas).toBeUndefined()
    const so = named(ms, "ScaledObject", "shop-jewel-crm-worker")
    expect(so.spec.triggers.map((t: { metadata: { listName: string } }) => t.metadata.listName)).toEqual([
      "RedisEventBusService:events-queue:wait",
      "bull:medusa-workflows:wait",
    ])
    const off = rendered["an existing Secret, no Ingress, no autoscaling, no migration hook"]
    expect(byKind(off, "Secret")).toEqual([])
    expect(byKind(off, "Job")).toEqual([])
    expect(named(off, "Deployment", "shop-jewel-crm-server").spec.replicas).toBe(2)
    expect(named(off, "Deployment", "shop-jewel-crm-server").spec.template.spec.containers[0].envFrom[1]).toEqual({ secretRef: { name: "shop-secrets" } })
  })

  it("mounts the extra volumes (a database CA bundle) in every pod that connects: servers, workers, the migration", () => {
    const ms = rendered["everything on: every setting, KEDA, request-rate autoscaling"]
    const pods = [named(ms, "Deployment", "shop-jewel-crm-server"), named(ms, "Deployment", "shop-jewel-crm-worker"), named(ms, "Job", "shop-jewel-crm-migrate")]
    for (const pod of pods) {
      const spec = pod.spec.template.spec
      expect(spec.volumes).toContainEqual({ name: "db-ca", secret: { secretName: "db-ca" } })
      expect(spec.containers[0].volumeMounts).toContainEqual({ name: "db-ca", mountPath: "/etc/jewel-crm", readOnly: true })
    }
    const plain = named(rendered["the defaults with the required secrets"], "Job", "shop-jewel-crm-migrate")
    expect(plain.spec.template.spec.volumes).toBeUndefined()
  })

  it("catches a broken manifest: a wrong type, a missing required field, an unknown kind", () => {
    const good = named(rendered["the defaults with the required secrets"], "Deployment", "shop-jewel-crm-server")
    expect(() => validateManifest(good)).not.toThrow()
    const copy = () => JSON.parse(JSON.stringify(good)) as Manifest
    const wrongType = copy()
    wrongType.spec.strategy.rollingUpdate.maxSurge = true
    expect(() => validateManifest(wrongType)).toThrow(/Deployment shop-jewel-crm-server: .*maxSurge/)
    const noContainers = copy()
    delete noContainers.spec.template.spec.containers
    expect(() => validateManifest(noContainers)).toThrow(/must have required property containers/)
    const badProbe = copy()
    badProbe.spec.template.spec.containers[0].readinessProbe.periodSeconds = "5s"
    expect(() => validateManifest(badProbe)).toThrow(/periodSeconds must be integer/)
    expect(() => validateManifest({ ...copy(), apiVersion: "extensions/v1beta1" })).toThrow(/no schema for this apiVersion and kind/)
  })
})

describe("the container image and compose.yaml", () => {
  const dockerfile = fs.readFileSync(path.join(ROOT, "Dockerfile"), "utf8")
  // Instructions, with continued lines joined and comments left out.
  const instructions = dockerfile
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
  const stages: { name: string; lines: string[] }[] = []
  for (const line of instructions) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line)
    if (from) {
      stages.push({ name: from[1] ?? `#${stages.length}`, lines: [] })
    } else {
      stages.at(-1)?.lines.push(line)
    }
  }
  const runtime = stages.at(-1)!

  it("builds in stages and runs as a non-root user from the last", () => {
    expect(stages.map((s) => s.name)).toEqual(["base", "build", "prod-deps", "runtime"])
    expect(stages.find((s) => s.name === "build")!.lines).toContainEqual(expect.stringMatching(/medusa build/))
    const users = runtime.lines.filter((l) => /^USER\s/i.test(l))
    expect(users.length).toBeGreaterThan(0)
    expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)(:|\s|$)/i)
    expect(runtime.lines.find((l) => /^ENTRYPOINT/i.test(l))).toMatch(/tini.*jewel-crm/)
    expect(runtime.lines.find((l) => /^HEALTHCHECK/i.test(l))).toMatch(/\/health/)
  })

  it("copies no data, secrets or sources into the runtime, and keeps them out of the build context", () => {
    const copies = runtime.lines.filter((l) => /^(COPY|ADD)\s/i.test(l))
    for (const c of copies) {
      expect(c).toMatch(/--from=(build|prod-deps)|deploy\/docker\/entrypoint\.sh/)
      expect(c).not.toMatch(/\.data|\.env|secrets/)
    }
    const ignored = fs.readFileSync(path.join(ROOT, ".dockerignore"), "utf8").split("\n").map((l) => l.trim())
    expect(ignored).toEqual(expect.arrayContaining([".data", "**/.data", ".env", ".env.*", "node_modules", ".git"]))
  })

  it("has an entry point that starts by MEDUSA_WORKER_MODE and migrates as a one-off", () => {
    const entry = fs.readFileSync(path.join(ROOT, "deploy/docker/entrypoint.sh"), "utf8")
    expect(entry).toMatch(/exec medusa start/)
    expect(entry).toMatch(/migrate\)\s+exec medusa db:migrate/)
    expect(entry).toMatch(/server \| worker \| shared/)
  })

  it("runs PostgreSQL, Redis, MinIO, a migration, a server, a worker and a TLS proxy, each server and worker with every documented setting", () => {
    const compose = parseAllDocuments(fs.readFileSync(path.join(ROOT, "compose.yaml"), "utf8"), { merge: true })[0].toJS()
    const services = compose.services as Record<string, any>
    expect(Object.keys(services).sort()).toEqual(["caddy", "migrate", "minio", "minio-bucket", "postgres", "redis", "server", "worker"])
    expect(services.migrate.command).toEqual(["migrate"])
    for (const name of ["server", "worker"]) {
      const s = services[name]
      expect(s.depends_on.migrate).toEqual({ condition: "service_completed_successfully" })
      const missing = documentedVariables().filter((v) => !(v in NOT_DEPLOYED) && !(v in s.environment))
      expect(missing).toEqual([])
      expect(s.ports).toBeUndefined()
    }
    expect(services.server.environment.MEDUSA_WORKER_MODE).toBe("server")
    expect(services.worker.environment.MEDUSA_WORKER_MODE).toBe("worker")
    // Only the proxy is reachable from outside, on 80 (redirect to HTTPS) and 443.
    expect(Object.entries(services).filter(([, s]) => s.ports).map(([n]) => n)).toEqual(["caddy"])
    expect(services.caddy.ports).toEqual(["80:80", "443:443"])
    const caddyfile = fs.readFileSync(path.join(ROOT, "deploy/docker/Caddyfile"), "utf8")
    expect(caddyfile).toMatch(/reverse_proxy server:9000/)
    expect(caddyfile).toMatch(/health_uri \/health\/ready/)
  })
})
