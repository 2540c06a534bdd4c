/**
 * Where backups are kept: a local folder, or an S3 (or compatible) bucket
 * under a prefix of their own, written private. A backup is two objects:
 * the encrypted file and, written after it, a small JSON summary (sizes,
 * counts, checksum; nothing of the shop's data). Only a backup whose summary
 * exists is listed, so a file cut off by a failed upload is never taken for
 * the latest one.
 */
import fs from "node:fs"
import path from "node:path"
import { pipeline } from "node:stream/promises"
import type { Readable } from "node:stream"
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type ListObjectsV2CommandOutput,
} from "@aws-sdk/client-s3"
import { BackupError } from "./errors"
import { BACKUP_EXTENSION, parseBackupName } from "./format"

/** The JSON summary kept beside each backup. */
export type BackupSummary = {
  name: string
  created_at: string
  finished_at: string
  app_version: string
  bytes: number
  sha256: string
  tables: number
  rows: number
  files: number
  seconds: number
  /** When a restore drill last brought this backup back and found it whole. */
  verified_at?: string | null
  /** The last restore drill of this backup, passed or failed (docs/operations.md, "The restore drill"). */
  verification?: BackupVerification | null
}

export type BackupVerification = { at: string; ok: boolean; seconds: number; message: string }

export type StoredBackup = { name: string; created_at: Date; bytes: number; summary: BackupSummary }

export interface BackupStore {
  /** "folder /srv/backups" or "s3://bucket/prefix", for messages. */
  readonly where: string
  list(): Promise<StoredBackup[]>
  /** Stores a finished backup file (moved, or copied, from `file`) and then its summary. */
  put(file: string, summary: BackupSummary): Promise<void>
  /** Copies a backup to a local file. */
  fetch(name: string, to: string): Promise<void>
  remove(name: string): Promise<void>
  /** Replaces a stored backup's summary (the restore drill records its outcome there). */
  updateSummary(summary: BackupSummary): Promise<void>
}

const summaryName = (name: string) => `${name}.json`

export class LocalStore implements BackupStore {
  constructor(readonly dir: string) {}

  get where() {
    return `folder ${this.dir}`
  }

  async list(): Promise<StoredBackup[]> {
    if (!fs.existsSync(this.dir)) {
      return []
    }
    const out: StoredBackup[] = []
    for (const name of fs.readdirSync(this.dir)) {
      const created = parseBackupName(name)
      const summaryFile = path.join(this.dir, summaryName(name))
      if (!created || !fs.existsSync(summaryFile)) {
        continue
      }
      const summary = JSON.parse(fs.readFileSync(summaryFile, "utf8")) as BackupSummary
      out.push({ name, created_at: created, bytes: fs.statSync(path.join(this.dir, name)).size, summary })
    }
    return out.sort((a, b) => b.created_at.getTime() - a.created_at.getTime())
  }

  async put(file: string, summary: BackupSummary): Promise<void> {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    const target = path.join(this.dir, summary.name)
    try {
      // Written in this folder under a temporary name: moving it is instant and never leaves half a file.
      fs.renameSync(file, target)
    } catch {
      fs.copyFileSync(file, `${target}.partial`)
      fs.renameSync(`${target}.partial`, target)
    }
    fs.chmodSync(target, 0o600)
    await this.updateSummary(summary)
  }

  async updateSummary(summary: BackupSummary): Promise<void> {
    const file = path.join(this.dir, summaryName(summary.name))
    fs.writeFileSync(`${file}.partial`, JSON.stringify(summary, null, 2), { mode: 0o600 })
    fs.renameSync(`${file}.partial`, file)
  }

  async fetch(name: string, to: string): Promise<void> {
    const from = path.join(this.dir, name)
    if (!fs.existsSync(from)) {
      throw new BackupError(`no backup named ${name} in ${this.where}`)
    }
    fs.copyFileSync(from, to)
  }

  async remove(name: string): Promise<void> {
    // The summary first: a backup half removed is no longer listed.
    fs.rmSync(path.join(this.dir, summaryName(name)), { force: true })
    fs.rmSync(path.join(this.dir, name), { force: true })
  }
}

export type S3StoreOptions = {
  bucket: string
  prefix: string
  region: string
  endpoint?: string
  forcePathStyle?: boolean
  accessKeyId?: string
  secretAccessKey?: string
}

function s3Problem(err: unknown, what: string, where: string): BackupError {
  const e = err as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } }
  const status = e.$metadata?.httpStatusCode
  return new BackupError(`${what} failed at ${where}: ${e.name && e.name !== "Error" ? `${e.name}: ` : ""}${e.message ?? e.code ?? String(err)}${status ? ` (HTTP ${status})` : ""}`)
}

export class S3Store implements BackupStore {
  private readonly client: S3Client
  private readonly prefix: string

  constructor(private readonly options: S3StoreOptions) {
    this.prefix = options.prefix ? `${options.prefix.replace(/^\/+|\/+$/g, "")}/` : ""
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
      // Checksums only where S3 requires them: compatible stores differ on the newer trailing-checksum uploads.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      maxAttempts: 3,
    })
  }

  get where() {
    return `s3://${this.options.bucket}/${this.prefix}`
  }

  async list(): Promise<StoredBackup[]> {
    const objects = new Map<string, { size: number }>()
    let token: string | undefined
    try {
      do {
        const page: ListObjectsV2CommandOutput = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: this.prefix, ContinuationToken: token })
        )
        for (const o of page.Contents ?? []) {
          objects.set(o.Key!.slice(this.prefix.length), { size: o.Size ?? 0 })
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
    } catch (err) {
      throw s3Problem(err, "listing the backups", this.where)
    }
    const out: StoredBackup[] = []
    for (const [name, { size }] of objects) {
      const created = name.endsWith(BACKUP_EXTENSION) ? parseBackupName(name) : undefined
      if (!created || !objects.has(summaryName(name))) {
        continue
      }
      const summary = JSON.parse(await this.read(summaryName(name))) as BackupSummary
      out.push({ name, created_at: created, bytes: size, summary })
    }
    return out.sort((a, b) => b.created_at.getTime() - a.created_at.getTime())
  }

  private async read(name: string): Promise<string> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.prefix + name }))
      return await res.Body!.transformToString("utf8")
    } catch (err) {
      throw s3Problem(err, `reading ${name}`, this.where)
    }
  }

  async put(file: string, summary: BackupSummary): Promise<void> {
    const size = fs.statSync(file).size
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: this.prefix + summary.name,
          Body: fs.createReadStream(file),
          ContentLength: size,
          ContentType: "application/octet-stream",
          ACL: "private",
        })
      )
      await this.putSummary(summary)
    } catch (err) {
      // No summary, so the store lists nothing of this backup; the file, if it got there, goes too.
      await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.prefix + summary.name })).catch(() => undefined)
      throw s3Problem(err, `uploading ${summary.name}`, this.where)
    }
  }

  private putSummary(summary: BackupSummary) {
    return this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: this.prefix + summaryName(summary.name),
        Body: JSON.stringify(summary, null, 2),
        ContentType: "application/json",
        ACL: "private",
      })
    )
  }

  async updateSummary(summary: BackupSummary): Promise<void> {
    try {
      await this.putSummary(summary)
    } catch (err) {
      throw s3Problem(err, `recording the drill of ${summary.name}`, this.where)
    }
  }

  async fetch(name: string, to: string): Promise<void> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.prefix + name }))
      await pipeline(res.Body as Readable, fs.createWriteStream(to, { mode: 0o600 }))
    } catch (err) {
      if ((err as { name?: string }).name === "NoSuchKey") {
        throw new BackupError(`no backup named ${name} in ${this.where}`)
      }
      throw s3Problem(err, `downloading ${name}`, this.where)
    }
  }

  async remove(name: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.prefix + summaryName(name) }))
      await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.prefix + name }))
    } catch (err) {
      throw s3Problem(err, `removing ${name}`, this.where)
    }
  }
}
