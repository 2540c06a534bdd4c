import type { Access } from "payload"

/**
 * Who may do what in the CMS. Everything is for signed-in CMS users only
 * (Payload's own default, written out so it is visible); shoppers never call
 * the CMS's API: the storefront's pages read published content on the
 * server through Payload's Local API (lib/cms.ts).
 */
export const signedIn: Access = ({ req }) => Boolean(req.user)

export const staffOnly = { read: signedIn, create: signedIn, update: signedIn, delete: signedIn }
