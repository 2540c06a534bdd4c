import path from "node:path"

/**
 * Where the CMS keeps its files: uploaded media and, on the first start, the
 * owner's password. `npm start` sets CMS_DATA_DIR to the shop's data folder
 * (.data/cms); a storefront run on its own uses ../.data/cms beside it.
 */
export function cmsDataDir(): string {
  return process.env.CMS_DATA_DIR || path.resolve(process.cwd(), "..", ".data", "cms")
}

export const OWNER_CREDENTIALS_FILE = "owner-credentials.txt"
