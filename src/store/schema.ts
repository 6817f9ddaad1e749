/**
 * Table types for kysely. Both stores use the same portable column types: text ids,
 * ISO 8601 UTC text timestamps (they sort correctly as text), JSON as text and
 * integers for flags, so no query needs to know which database it runs on.
 */
import type { Generated } from 'kysely';

export interface PagesTable {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  time_zone: string;
  locale: string;
  summary: string; // JSON string[]
  featured_media: string | null; // JSON FeaturedMedia
  state: string;
  continued_to: string | null;
  continuation_notice: string | null;
  continued_from: string | null;
  pinned_post_id: string | null;
  seq: Generated<number>;
  created_at: string;
  updated_at: string;
  ended_at: string | null;
}

export interface PostsTable {
  id: string;
  page_id: string;
  title: string;
  label: string | null;
  contributors: string; // JSON Contributor[]
  body: string; // JSON Block[]
  key_event: number;
  status: string;
  scheduled_for: string | null;
  published_at: string | null;
  edited_at: string | null;
  created_at: string;
  updated_at: string;
  author_id: string | null;
  version: number;
  correction: string | null; // JSON Correction
}

export interface EventsTable {
  page_id: string;
  seq: number;
  type: string;
  data: string; // JSON EventData
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  active: number;
  created_at: string;
  updated_at: string;
  byline_name: string | null;
  byline_role: string | null;
  byline_photo: string | null;
  byline_default: Generated<number>;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ContributorsTable {
  id: string;
  name: string;
  role: string; // '' when none, so (name, role) can be unique on both stores
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** When the browser's copy of the cookie expires (null: as first sent, created_at + idle time). */
  cookie_expires_at: string | null;
}

export interface PresenceTable {
  post_id: string;
  user_id: string;
  page_id: string;
  user_name: string;
  expires_at: string;
}

export interface ReaderCountsTable {
  page_id: string;
  node_id: string;
  minute: string;
  readers: number;
}

export interface WebhooksTable {
  id: string;
  kind: string; // 'webhook' | 'purge'
  url: string;
  events: string; // JSON EventType[]
  secret: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  /** The target's sending order (ties broken by id). */
  queue_position: number;
  page_id: string;
  seq: number;
  event_type: string;
  payload: string; // the JSON body as sent
  status: string; // 'pending' | 'delivered' | 'failed'
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempt: number;
  started_at: string;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
}

export interface LoginAttemptsTable {
  id: string;
  email: string;
  address: string;
  at: string;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

/** Site-wide settings (the brand), a JSON value per name. */
export interface SiteSettingsTable {
  name: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  fingerprint: string;
  status: number;
  body: string; // JSON
  created_at: string;
}

export interface MediaBlobsTable {
  hash: string;
  type: string;
  bytes: number;
  data: Buffer; // bytea on PostgreSQL, blob on SQLite: a Buffer from both drivers
  created_at: string;
}

export interface MediaTable {
  id: string;
  page_id: string | null;
  hash: string;
  source_type: string;
  width: number;
  height: number;
  alt: string | null;
  created_by: string | null;
  created_at: string;
  color: string | null;
}

export interface MediaImportsTable {
  id: string;
  page_id: string;
  kind: string;
  subject_id: string;
  src: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  error: string | null;
  media_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface EmbedsTable {
  id: string;
  url: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  error: string | null;
  card: string | null; // JSON EmbedCard
  markup: string | null;
  frame_origins: string | null; // JSON string[]
  created_at: string;
  updated_at: string;
}

export interface EmbedWaitsTable {
  embed_id: string;
  post_id: string;
  page_id: string;
  created_at: string;
}

export interface PostVersionsTable {
  post_id: string;
  version: number;
  data: string; // JSON PostVersionData
  user_id: string | null;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  page_id: string;
  user_id: string | null;
  action: string;
  post_id: string | null;
  detail: string; // JSON
  created_at: string;
}

export interface SnippetsTable {
  id: string;
  page_id: string | null;
  name: string;
  title: string | null;
  body: string; // JSON Block[]
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  pages: PagesTable;
  posts: PostsTable;
  events: EventsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  contributors: ContributorsTable;
  sessions: SessionsTable;
  presence: PresenceTable;
  reader_counts: ReaderCountsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  login_attempts: LoginAttemptsTable;
  server_secrets: ServerSecretsTable;
  site_settings: SiteSettingsTable;
  idempotency_keys: IdempotencyKeysTable;
  media_blobs: MediaBlobsTable;
  media: MediaTable;
  post_versions: PostVersionsTable;
  audit_log: AuditLogTable;
  snippets: SnippetsTable;
  media_imports: MediaImportsTable;
  embeds: EmbedsTable;
  embed_waits: EmbedWaitsTable;
}
