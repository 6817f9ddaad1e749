/** The API's shapes as the newsroom app sees them (SPEC §2; src/server/routes/api/). */
import type { PageActivity } from '../commands/activity.js';
import type { Contributor, Label, Post } from '../domain/post.js';
import type { Page } from '../domain/page.js';
import type { Role, User } from '../domain/user.js';
import type { TokenInfo } from '../store/users.js';

export type { Contributor, Label, PageActivity, Role, TokenInfo, User };

/** A post as the API returns it: with the page's seq after the change and its permalink. */
export type ApiPost = Post & { seq: number; url: string };
export type ApiPage = Page & { url: string };

/** A colleague's byline, one tap away in the composer. */
export type TeamByline = User['byline'] & { userId: string };

/** A saved post template. */
export interface Snippet {
  id: string;
  page: string | null;
  name: string;
  title: string | null;
  body: Post['body'];
}

/** The signed-in person, from the shell's `data-user`. */
export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface PostList {
  seq: number;
  page: number;
  pageCount: number;
  total: number;
  posts: ApiPost[];
}

/** The lists the desk shows besides the published stream. */
export type DeskStatus = 'submitted' | 'draft' | 'scheduled' | 'unpublished';
/** Every list the desk reads, the published stream included. */
export type ListStatus = 'published' | DeskStatus;
