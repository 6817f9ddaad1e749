/**
 * The newsroom desk's own reads as the API answers them (desk, activity, a post's history,
 * a page's audit trail), built on the shared schemas of api-schemas.ts; the OpenAPI
 * document and the contract test read both.
 */
import { z } from 'zod';
import { AUDIT_ACTIONS } from './audit.js';
import { bylineOut, id, named, pageOut, postOut, snippetOut, timestamp, userOut } from './api-schemas.js';
import { VERSION_FIELDS, type VersionField } from './post-history.js';
import { DESK_LISTS, type DeskList } from './post.js';

/** Who did something: a newsroom account by id and name (null where the answer says so). */
const personOut = z.object({ id, name: z.string() });

/** A contributor saved from earlier posts (the composer suggests them). */
export const savedContributorOut = z.object({ name: z.string(), role: z.string().optional() });

/** A colleague's byline, one tap away in the composer. */
export const teamBylineOut = bylineOut.extend({ userId: z.string() });

export const activityOut = named(
  'PageActivity',
  z.object({
    readers: z.number().int().min(0).describe('Readers connected to live updates now, across all server processes.'),
    editing: z.array(
      z.object({
        postId: z.string(),
        names: z.array(z.string()).describe('For display.'),
        people: z.array(personOut).describe('Tells colleagues who share a name apart.'),
      }),
    ),
    history: z
      .array(z.object({ minute: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/).describe('UTC, `YYYY-MM-DDTHH:MM`.'), readers: z.number().int().min(0), posts: z.number().int().min(0) }))
      .describe('The last hour, a point a minute, oldest first.'),
  }),
  'Readers now and over the last hour, and who is editing which post.',
);

const deskListOut = z.object({
  posts: z.array(postOut).describe('Newest first: the pages of the list asked for (`shown`).'),
  total: z.number().int().min(0),
  more: z.boolean().describe('More than these: ask with a larger `shown`.'),
});

export const deskOut = named(
  'Desk',
  z.object({
    at: timestamp.describe('When this was read: the desk stream picks up from here (`?since=`).'),
    seq: z.number().int().min(0),
    page: pageOut,
    lists: z.object(Object.fromEntries(DESK_LISTS.map((l) => [l, deskListOut])) as Record<DeskList, typeof deskListOut>).describe('Posts by status; contributors see only their own unpublished ones.'),
    activity: activityOut,
    pinned: z.object({ id, title: z.string() }).nullable().describe('The page’s pinned post.'),
    bylines: z.array(teamBylineOut),
    contributors: z.array(savedContributorOut),
    snippets: z.array(snippetOut).describe('The newsroom’s and this page’s.'),
    me: userOut.nullable().describe('The caller, with their byline.'),
  }),
  'Everything the newsroom desk opens a page with, in one snapshot.',
);

/** A post's fields as one version kept them. */
export const postVersionDataOut = postOut.pick(Object.fromEntries(VERSION_FIELDS.map((f) => [f, true])) as Record<VersionField, true>);

export const postVersionOut = named(
  'PostVersion',
  z.object({
    version: z.number().int().min(1),
    at: timestamp,
    by: personOut.nullable().describe('Who saved it; null when no person did (the scheduler).'),
    data: postVersionDataOut,
    changed: z.array(z.enum(VERSION_FIELDS)).describe('The fields that differ from the version before (none for the first).'),
  }),
  'One kept version of a post.',
);

export const historyOut = z.object({
  postId: z.string(),
  version: z.number().int().min(1).describe('The post’s current version.'),
  versions: z.array(postVersionOut).describe('Newest first.'),
});

export const auditEntryOut = named(
  'AuditEntry',
  z.object({
    id,
    action: z.enum(AUDIT_ACTIONS),
    at: timestamp,
    by: personOut.nullable().describe('Null when no person did it (the scheduler).'),
    postId: z.string().nullable(),
    detail: z
      .object({ version: z.number().int().min(1).optional(), title: z.string().optional(), to: z.string().optional().describe('The slug the coverage continues on.') })
      .describe('The post’s version and title (publish, take down), the next page (continue).'),
  }),
  'One thing done to a page or its posts.',
);

export const auditOut = z.object({ page: z.string(), entries: z.array(auditEntryOut).describe('Newest first, at most 500.') });


export type ActivityJson = z.output<typeof activityOut>;
export type DeskJson = z.output<typeof deskOut>;
export type PostVersionJson = z.output<typeof postVersionOut>;
export type AuditEntryJson = z.output<typeof auditEntryOut>;
export type TeamBylineJson = z.output<typeof teamBylineOut>;
export type SavedContributorJson = z.output<typeof savedContributorOut>;
