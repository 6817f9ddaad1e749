/**
 * The API's rules the newsroom checks before asking it: labels, roles, slug and media
 * address patterns. The domain's modules hold the same values beside their zod schemas;
 * importing them would pull zod into the bundle, so they are repeated here once, and
 * constants.test.ts fails when the two ever differ.
 */
import type { Label, Role } from './types.js';

/** Labels a post may carry, in the order the picker shows them. */
export const LABEL_NAMES: Record<Label, string> = {
  breaking: 'Breaking',
  analysis: 'Analysis',
  explainer: 'Explainer',
  correction: 'Correction',
  'key-event': 'Key event',
};
export const LABELS = Object.keys(LABEL_NAMES) as Label[];
export const isLabel = (v: unknown): v is Label => typeof v === 'string' && (LABELS as string[]).includes(v);

/** Roles, least to most rights. */
export const ROLES: readonly Role[] = ['contributor', 'editor', 'admin'];
export const ROLE_NAMES: Record<Role, string> = { admin: 'Admin', editor: 'Editor', contributor: 'Contributor' };
/** True when `role` is at least `needed` (the server decides; this only hides what would fail). */
export const atLeast = (role: Role, needed: Role): boolean => ROLES.indexOf(role) >= ROLES.indexOf(needed);

/** A page's address (SPEC §2). */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** An image or video: an http(s) address or a path on this site. */
export const MEDIA_URL = /^(https?:\/\/\S+|\/(?!\/)\S*)$/i;
/** An embed: http(s) only. */
export const HTTP_URL = /^https?:\/\/\S+$/i;

/** What readers of an old page are told when "Continue on a new page" leaves the notice empty. */
export const DEFAULT_CONTINUATION_NOTICE = "We're moving our live coverage to a new page - follow this link to stay with us.";
