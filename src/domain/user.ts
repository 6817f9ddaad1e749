/** Newsroom people and their roles (SPEC §2). */
import { z } from 'zod';
import { mediaUrl, text } from './schema-helpers.js';

export const ROLES = ['admin', 'editor', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { contributor: 1, editor: 2, admin: 3 };
/** True when `role` is at least `needed` (admin > editor > contributor). */
export const hasRole = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed];

export const emailSchema = z.email().max(254).transform((e) => e.toLowerCase());
export const userCreateSchema = z.strictObject({
  email: emailSchema,
  name: text(100),
  role: z.enum(ROLES),
});

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
  byline: Byline;
}

/**
 * How a person is credited on posts. `byDefault`: the composer starts with them as
 * contributor (they can remove it, or turn this off).
 */
export interface Byline {
  name: string;
  role: string | null;
  /** A head-and-shoulders photo: an http(s) URL or a path on this site (the media library's). */
  photo: string | null;
  byDefault: boolean;
}

/** Body of `PATCH /users/{id}/byline`: the fields to change; null clears role and photo. */
export const bylineSchema = z
  .strictObject({
    name: text(100).optional(),
    role: text(200).nullable().optional(),
    photo: mediaUrl.nullable().optional(),
    byDefault: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Send at least one field to change.');
export type BylineChange = z.infer<typeof bylineSchema>;

/** A byline as a post's contributor. */
export const asContributor = (b: Byline) => ({ name: b.name, ...(b.role ? { role: b.role } : {}), ...(b.photo ? { photo: b.photo } : {}) });

/** Who is acting: a signed-in person or the owner of an API token. */
export interface Actor {
  id: string;
  role: Role;
}
