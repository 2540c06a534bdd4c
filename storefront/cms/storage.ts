import { s3Storage } from "@payloadcms/storage-s3"

/**
 * The CMS's pictures in the same file storage as the shop's files: with
 * S3_BUCKET (and the same S3_* settings the backend's file module reads:
 * medusa-config.ts) they go to that bucket under <S3_PREFIX>cms/media/,
 * private, and the CMS serves them from there at the same /cms/api/media/file
 * addresses; without it, to CMS_DATA_DIR/media on the storefront's disk.
 */
export function mediaStorage() {
  const env = process.env
  return s3Storage({
    enabled: Boolean(env.S3_BUCKET),
    // The plugin's columns (the file's prefix and object key) exist with or without S3, so the CMS's schema, its
    // migrations and its backups are the same whichever storage a shop uses.
    alwaysInsertFields: true,
    bucket: env.S3_BUCKET ?? "",
    acl: "private",
    collections: { media: { prefix: `${env.S3_PREFIX ?? ""}cms/media` } },
    config: {
      region: env.S3_REGION ?? "ap-south-1",
      endpoint: env.S3_ENDPOINT?.replace(/\/$/, "") || undefined,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === "true",
      ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } } : {}),
    },
  })
}
