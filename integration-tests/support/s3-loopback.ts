import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto"
import type http from "node:http"
import { crc32 } from "node:zlib"
import { LoopbackServer, useLoopback } from "./loopback-server"

export type StoredObject = {
  key: string
  body: Buffer
  content_type: string
  acl: string
  cache_control: string | null
  metadata: Record<string, string>
  etag: string
  last_modified: Date
}

const MAX_PRESIGN_SECONDS = 7 * 24 * 3600
const MAX_SKEW_MS = 15 * 60_000

/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const awsEncode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex")
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest()
const xmlEscape = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!)

/** 20261201T101500Z → Date. */
function amzDate(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text)
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : null
}

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

/**
 * A loopback server speaking the part of the S3 REST API that Medusa's
 * `@medusajs/file-s3` provider uses, path-style, on one bucket: PutObject
 * (with its canned ACL, metadata and CRC32 checksum), GetObject, HeadObject,
 * DeleteObject and DeleteObjects, and ListObjectsV2 (the backups list theirs). Every request is checked the way S3 checks
 * it: AWS Signature Version 4 in the Authorization header (credential, scope,
 * signed headers, payload hash, clock skew) or in a presigned URL's query
 * (with its expiry); a request without either may read only objects stored
 * with the public-read ACL. Errors are S3's XML (AccessDenied,
 * SignatureDoesNotMatch, NoSuchKey, …). The official AWS SDK is pointed at it.
 */
export class S3Loopback extends LoopbackServer {
  readonly accessKeyId = `AKIA${randomBytes(8).toString("hex").toUpperCase()}`
  readonly secretAccessKey = randomBytes(20).toString("base64")
  readonly objects = new Map<string, StoredObject>()
  requests = 0

  constructor(
    readonly bucket = "jewel-test",
    readonly region = "ap-south-1"
  ) {
    super()
  }

  /** Objects whose key starts with a prefix (e.g. "invoices/"). */
  keys(prefix = ""): string[] {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort()
  }

  private error(res: http.ServerResponse, err: S3Error, head: boolean) {
    const requestId = randomBytes(8).toString("hex").toUpperCase()
    res.writeHead(err.status, { "content-type": "application/xml", "x-amz-request-id": requestId })
    res.end(
      head
        ? undefined
        : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${err.code}</Code><Message>${xmlEscape(err.message)}</Message><RequestId>${requestId}</RequestId></Error>`
    )
  }

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse, _text: string, body: Buffer) {
    this.requests += 1
    const head = req.method === "HEAD"
    try {
      const url = new URL(req.url ?? "/", "http://loopback")
      const rawPath = (req.url ?? "/").split("?")[0]
      const [, bucket, ...rest] = rawPath.split("/")
      const key = decodeURIComponent(rest.join("/"))
      if (bucket !== this.bucket) {
        throw new S3Error(404, "NoSuchBucket", "The specified bucket does not exist")
      }
      const authenticated = this.authenticate(req, url, rawPath, body)
      if (req.method === "POST" && url.searchParams.has("delete")) {
        this.requireAuth(authenticated)
        const keys = [...body.toString("utf8").matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"))
        keys.forEach((k) => this.objects.delete(k))
        res.writeHead(200, { "content-type": "application/xml" })
        res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<DeleteResult>${keys.map((k) => `<Deleted><Key>${xmlEscape(k)}</Key></Deleted>`).join("")}</DeleteResult>`)
        return
      }
      if (!key && req.method === "GET" && url.searchParams.get("list-type") === "2") {
        this.requireAuth(authenticated)
        return this.list(res, url)
      }
      if (!key) {
        throw new S3Error(405, "MethodNotAllowed", "Only ListObjectsV2 (list-type=2) lists the bucket here")
      }
      if (req.method === "PUT") {
        this.requireAuth(authenticated)
        const checksum = req.headers["x-amz-checksum-crc32"]
        if (typeof checksum === "string") {
          const actual = Buffer.alloc(4)
          actual.writeUInt32BE(crc32(body) >>> 0)
          if (actual.toString("base64") !== checksum) {
            throw new S3Error(400, "BadDigest", "The CRC32 you specified did not match the calculated checksum.")
          }
        }
        const metadata = Object.fromEntries(
          Object.entries(req.headers)
            .filter(([name]) => name.startsWith("x-amz-meta-"))
            .map(([name, value]) => [name.slice("x-amz-meta-".length), String(value)])
        )
        const object: StoredObject = {
          key,
          body,
          content_type: String(req.headers["content-type"] ?? "binary/octet-stream"),
          acl: String(req.headers["x-amz-acl"] ?? "private"),
          cache_control: (req.headers["cache-control"] as string | undefined) ?? null,
          metadata,
          etag: `"${createHash("md5").update(body).digest("hex")}"`,
          last_modified: new Date(),
        }
        this.objects.set(key, object)
        res.writeHead(200, { etag: object.etag })
        res.end()
        return
      }
      if (req.method === "DELETE") {
        this.requireAuth(authenticated)
        this.objects.delete(key)
        res.writeHead(204)
        res.end()
        return
      }
      if (req.method === "GET" || head) {
        const object = this.objects.get(key)
        if (!authenticated && object?.acl !== "public-read") {
          throw new S3Error(403, "AccessDenied", "Access Denied")
        }
        if (!object) {
          throw new S3Error(404, "NoSuchKey", "The specified key does not exist.")
        }
        res.writeHead(200, {
          "content-type": object.content_type,
          "content-length": String(object.body.length),
          etag: object.etag,
          "last-modified": object.last_modified.toUTCString(),
          ...(object.cache_control ? { "cache-control": object.cache_control } : {}),
          ...Object.fromEntries(Object.entries(object.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v])),
        })
        res.end(head ? undefined : object.body)
        return
      }
      throw new S3Error(405, "MethodNotAllowed", `The method ${req.method} is not allowed against this resource.`)
    } catch (err) {
      if (err instanceof S3Error) {
        return this.error(res, err, head)
      }
      return this.error(res, new S3Error(500, "InternalError", (err as Error).message), head)
    }
  }

  /** ListObjectsV2: keys under `prefix` in order, `max-keys` a page, the next page's token being the last key given. */
  private list(res: http.ServerResponse, url: URL) {
    const prefix = url.searchParams.get("prefix") ?? ""
    const max = Math.min(Number(url.searchParams.get("max-keys") ?? 1000) || 1000, 1000)
    const after = url.searchParams.get("continuation-token") ?? url.searchParams.get("start-after") ?? ""
    const keys = this.keys(prefix).filter((k) => k > after)
    const page = keys.slice(0, max)
    const truncated = keys.length > page.length
    const contents = page
      .map((k) => {
        const o = this.objects.get(k)!
        return `<Contents><Key>${xmlEscape(k)}</Key><LastModified>${o.last_modified.toISOString()}</LastModified><ETag>${xmlEscape(o.etag)}</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`
      })
      .join("")
    res.writeHead(200, { "content-type": "application/xml" })
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${this.bucket}</Name><Prefix>${xmlEscape(prefix)}</Prefix>` +
        `<KeyCount>${page.length}</KeyCount><MaxKeys>${max}</MaxKeys><IsTruncated>${truncated}</IsTruncated>` +
        (truncated ? `<NextContinuationToken>${xmlEscape(page[page.length - 1])}</NextContinuationToken>` : "") +
        `${contents}</ListBucketResult>`
    )
  }

  private requireAuth(authenticated: boolean) {
    if (!authenticated) {
      throw new S3Error(403, "AccessDenied", "Access Denied")
    }
  }

  /**
   * True when the request carries a valid SigV4 signature (header or
   * presigned query), false when it carries none; throws S3's error for a
   * signature that is there but wrong, stale or expired.
   */
  private authenticate(req: http.IncomingMessage, url: URL, rawPath: string, body: Buffer): boolean {
    const header = req.headers.authorization
    const presigned = url.searchParams.get("X-Amz-Algorithm")
    if (!header && !presigned) {
      return false
    }
    let credential: string
    let signedHeaders: string[]
    let signature: string
    let date: string
    let payloadHash: string
    if (header) {
      const m = /^AWS4-HMAC-SHA256 Credential=([^,]+),\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/.exec(header)
      if (!m) {
        throw new S3Error(400, "AuthorizationHeaderMalformed", "The authorization header is malformed.")
      }
      ;[, credential, , signature] = m
      signedHeaders = m[2].split(";")
      date = String(req.headers["x-amz-date"] ?? "")
      payloadHash = String(req.headers["x-amz-content-sha256"] ?? "")
      const at = amzDate(date)
      if (!at || Math.abs(Date.now() - at.getTime()) > MAX_SKEW_MS) {
        throw new S3Error(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.")
      }
      if (/^[0-9a-f]{64}$/.test(payloadHash) && payloadHash !== sha256(body)) {
        throw new S3Error(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.")
      }
      if (!payloadHash) {
        throw new S3Error(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256")
      }
    } else {
      if (presigned !== "AWS4-HMAC-SHA256") {
        throw new S3Error(400, "AuthorizationQueryParametersError", "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"")
      }
      credential = url.searchParams.get("X-Amz-Credential") ?? ""
      signedHeaders = (url.searchParams.get("X-Amz-SignedHeaders") ?? "").split(";")
      signature = url.searchParams.get("X-Amz-Signature") ?? ""
      date = url.searchParams.get("X-Amz-Date") ?? ""
      payloadHash = url.searchParams.get("X-Amz-Content-Sha256") ?? "UNSIGNED-PAYLOAD"
      const expires = Number(url.searchParams.get("X-Amz-Expires"))
      const at = amzDate(date)
      if (!at || !Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGN_SECONDS) {
        throw new S3Error(400, "AuthorizationQueryParametersError", "X-Amz-Date and X-Amz-Expires must be a valid date and 1–604800 seconds")
      }
      if (Date.now() > at.getTime() + expires * 1000) {
        throw new S3Error(403, "AccessDenied", "Request has expired")
      }
    }
    const [accessKey, day, region, service, terminator] = credential.split("/")
    if (accessKey !== this.accessKeyId) {
      throw new S3Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.")
    }
    if (region !== this.region || service !== "s3" || terminator !== "aws4_request" || !date.startsWith(day)) {
      throw new S3Error(400, "AuthorizationHeaderMalformed", `The authorization header is malformed; the region '${region}' is wrong; expecting '${this.region}'`)
    }
    const query = [...url.searchParams.entries()]
      .filter(([k]) => header || k !== "X-Amz-Signature")
      .map(([k, v]) => [awsEncode(k), awsEncode(v)] as const)
      .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join("&")
    const canonicalHeaders = signedHeaders
      .map((name) => `${name}:${String(req.headers[name] ?? "").trim().replace(/\s+/g, " ")}\n`)
      .join("")
    const canonicalRequest = [req.method, rawPath, query, canonicalHeaders, signedHeaders.join(";"), payloadHash].join("\n")
    const scope = `${day}/${region}/s3/aws4_request`
    const stringToSign = ["AWS4-HMAC-SHA256", date, scope, sha256(canonicalRequest)].join("\n")
    const signingKey = hmac(hmac(hmac(hmac(`AWS4${this.secretAccessKey}`, day), region), "s3"), "aws4_request")
    const expected = createHmac("sha256", signingKey).update(stringToSign).digest()
    const given = Buffer.from(signature, "hex")
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new S3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.")
    }
    return true
  }
}

/**
 * Starts a loopback S3 before the test file's app boots and points Medusa's
 * S3 file provider at it (S3_* and any `extra` variables), undone after the
 * file. Call at the top level of a spec, before medusaIntegrationTestRunner.
 */
export function useS3Loopback(extra: Record<string, string> = {}): S3Loopback {
  return useLoopback(new S3Loopback(), (s3) => ({ ...s3Settings(s3), ...extra }))
}

/** The app's S3 settings for a loopback S3. */
export function s3Settings(s3: S3Loopback): Record<string, string> {
  return {
    S3_BUCKET: s3.bucket,
    S3_REGION: s3.region,
    S3_ENDPOINT: s3.origin,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
  }
}
