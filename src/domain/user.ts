/** Newsroom people and their roles (SPEC §2). */
import { z } from 'zod';
import { text } from './schema-helpers.js';

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
}

/** Who is acting: a signed-in person or the owner of an API token. */
export interface Actor {
  id: string;
  role: Role;
}
