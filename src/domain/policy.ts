/**
 * Who may do what: every authorisation rule of the newsroom, pure (like Outline's
 * `policies/`). Each action has a minimum role, which routes declare (`config.action`) and
 * the server checks before it reads a request's body; actions on a subject (this post, that
 * token) also have a rule, which commands apply once the subject is loaded (`authorize`).
 */
import { AppError, forbidden, unauthenticated } from './errors.js';
import { isVisible, type Post, type PostCreate, type PostPatch, type PostStatus } from './post.js';
import { hasRole, type Actor, type Role } from './user.js';

/** Every action and the least role it needs (`anyone`: no credentials needed). */
export const ACTIONS = {
  /** The API's own description (OpenAPI document). */
  'api.describe': 'anyone',
  'page.read': 'anyone',
  'page.create': 'editor',
  /** Title, summary, media; continuing and ending coverage. */
  'page.change': 'editor',
  'post.read': 'anyone',
  'post.list': 'anyone',
  'post.create': 'contributor',
  'post.edit': 'contributor',
  'post.preview': 'contributor',
  /** Publish, schedule, pin and change anyone's post; see everyone's unpublished posts. */
  'post.publish': 'editor',
  'post.unpublish': 'editor',
  /** Set `publishedAt` (imports). */
  'post.backdate': 'admin',
  /** What the desk reads: who I am, pages, contributors, activity; saying "I am editing". */
  'desk.use': 'contributor',
  'people.manage': 'admin',
  /** A post's versions (contributors: of the posts they may read). */
  'post.history': 'contributor',
  /** A page's audit trail of publish, unpublish, pin, end and continue. */
  'audit.read': 'admin',
  /** A byline profile: one's own, or anyone's for admins. */
  'byline.edit': 'contributor',
  /** Creating, changing and deleting snippets (everyone on the desk may use them). */
  'snippet.manage': 'editor',
  'token.create': 'contributor',
  'token.list': 'contributor',
  'token.revoke': 'contributor',
  /** See and revoke everyone's tokens. */
  'token.any': 'admin',
  /** Upload an image, or have the server fetch one. */
  'media.upload': 'contributor',
  /** A page's media library (uploads may be embargoed pictures). */
  'media.list': 'contributor',
  'webhook.manage': 'admin',
  /** The newsroom's brand on reader pages: site name, logo, colours, footer, publisher. */
  'brand.manage': 'admin',
  /** Signing in and out: the form itself guards these. */
  'session.start': 'anyone',
  'session.end': 'anyone',
} as const satisfies Record<string, Role | 'anyone'>;

export type Action = keyof typeof ACTIONS;

/** What the rules of actions on a subject look at. */
export interface Subjects {
  'post.read': Post;
  'post.list': { status: PostStatus };
  'post.create': PostCreate;
  'post.edit': { post: Post; change: PostPatch };
  'token.revoke': { userId: string };
  'byline.edit': { userId: string };
}

type Refusal = { message: string; field?: string } | null;
/** Rules run after the role check: a rule of an `anyone` action may meet no actor at all. */
type Rules = { [A in keyof Subjects]: (actor: Actor | undefined, subject: Subjects[A]) => Refusal };

/** Statuses in which a post is still its contributor's: before an editor has taken it on. */
const AUTHOR_STATUSES: readonly PostStatus[] = ['draft', 'submitted'];

const may = (actor: Actor | undefined, action: Action): boolean => {
  const needed = ACTIONS[action];
  return needed === 'anyone' || (actor !== undefined && hasRole(actor.role, needed));
};

/** What a post's fields ask for: publishing, scheduling, pinning, backdating. */
function fieldsRefusal(actor: Actor | undefined, input: PostCreate | PostPatch): Refusal {
  if (input.publishedAt !== undefined && !may(actor, 'post.backdate')) return { message: 'Only an admin may set publishedAt (for imports).', field: 'publishedAt' };
  if (may(actor, 'post.publish')) return null;
  if (input.status === 'published' || input.status === 'scheduled') return { message: 'Contributors submit posts for an editor to publish.', field: 'status' };
  if (input.scheduledFor) return { message: 'Only editors schedule posts.', field: 'scheduledFor' };
  if (input.pinned) return { message: 'Only editors pin posts.', field: 'pinned' };
  return null;
}

const RULES: Rules = {
  'post.read': (actor, post) => (isVisible(post) || may(actor, 'post.publish') || (actor !== undefined && post.authorId === actor.id) ? null : { message: 'There is no such post.' }),
  'post.list': (actor, { status }) => (status === 'published' || may(actor, 'desk.use') ? null : { message: 'Only the newsroom lists unpublished posts.' }),
  'post.create': (actor, input) => fieldsRefusal(actor, input),
  'post.edit': (actor, { post, change }) => {
    if (may(actor, 'post.publish')) return fieldsRefusal(actor, change);
    if (post.authorId !== actor?.id) return { message: 'You can edit only your own posts.' };
    // Once an editor has approved or scheduled it, the reviewed text is the editors' to change.
    if (!AUTHOR_STATUSES.includes(post.status)) return { message: 'An editor has taken this post on; ask an editor to change it.' };
    return fieldsRefusal(actor, change);
  },
  'byline.edit': (actor, { userId }) => (userId === actor?.id || may(actor, 'people.manage') ? null : { message: 'You can edit only your own byline.' }),
  'token.revoke': (actor, token) => (token.userId === actor?.id || may(actor, 'token.any') ? null : { message: 'There is no such token.' }),
};

/** Why `actor` may not do `action` by role alone (401 without an actor, 403 with too small a role), or null. */
export function roleRefusal(actor: Actor | undefined, action: Action): AppError | null {
  if (may(actor, action)) return null;
  return actor ? forbidden(`This needs the ${ACTIONS[action]} role or higher.`) : unauthenticated();
}

/** Why `actor` may not do `action` (to `subject`), or null when they may. */
export function refusal<A extends Action>(actor: Actor | undefined, action: A, ...subject: A extends keyof Subjects ? [Subjects[A]] : []): AppError | null {
  const byRole = roleRefusal(actor, action);
  if (byRole) return byRole;
  const rule = RULES[action as keyof Subjects] as ((a: Actor | undefined, s: unknown) => Refusal) | undefined;
  const refused = rule ? rule(actor, subject[0]) : null;
  if (!refused) return null;
  return actor ? forbidden(refused.message, refused.field) : unauthenticated(); // signing in might help
}

/** Whether `actor` may do `action` (to `subject`). */
export function can<A extends Action>(actor: Actor | undefined, action: A, ...subject: A extends keyof Subjects ? [Subjects[A]] : []): boolean {
  return refusal(actor, action, ...subject) === null;
}

/** Throws 401 (no actor) or 403 `forbidden` unless `actor` may do `action` (to `subject`). */
export function authorize<A extends Action>(actor: Actor | undefined, action: A, ...subject: A extends keyof Subjects ? [Subjects[A]] : []): void {
  const refused = refusal(actor, action, ...subject);
  if (refused) throw refused;
}
