/**
 * Every error code the API answers with, its HTTP status and what it means: the catalogue
 * the OpenAPI document is built from (each route names the codes it may answer with; the
 * codes every route shares are added by server/openapi.ts). errors.ts makes the errors;
 * a code thrown and missing here fails the contract test (server/openapi.test.ts).
 */
export const ERROR_CODES = {
  bad_request: [400, 'The request could not be understood (a malformed header or URL).'],
  invalid_json: [400, 'The body is not valid JSON.'],
  invalid_input: [400, 'A field’s value is not valid; `field` names it.'],
  missing_field: [400, 'A required field is missing; `field` names it.'],
  unknown_field: [400, 'The body has a field this route does not take; `field` names it.'],
  weak_password: [400, 'The password is too short.'],
  invalid_target: [400, 'A page cannot continue on itself.'],
  unknown_page: [400, 'The page to continue on does not exist.'],
  invalid_if_match: [400, 'If-Match is not a post version in quotes.'],
  invalid_idempotency_key: [400, 'Idempotency-Key is not 1–255 printable ASCII characters.'],
  missing_file: [400, 'The form holds no image file.'],
  upload_incomplete: [400, 'The upload ended before the whole file arrived.'],
  unauthenticated: [401, 'No valid credentials: send a bearer token or sign in.'],
  forbidden: [403, 'The caller’s role (or the rule on this item) does not allow it.'],
  csrf_failed: [403, 'A cookie-authenticated write without the session’s X-CSRF-Token.'],
  page_not_found: [404, 'There is no such page.'],
  post_not_found: [404, 'There is no such post (or the caller may not see it).'],
  version_not_found: [404, 'The post has no such version.'],
  snippet_not_found: [404, 'There is no such snippet.'],
  user_not_found: [404, 'There is no such person.'],
  item_not_found: [404, 'The id is malformed.'],
  token_not_found: [404, 'There is no such token (or it is another person’s).'],
  webhook_not_found: [404, 'There is no such webhook.'],
  slug_taken: [409, 'A page with that slug exists.'],
  already_ended: [409, 'The page’s coverage has already ended.'],
  page_ended: [409, 'The page’s coverage has ended: it takes no new posts.'],
  version_conflict: [409, 'The post changed since the version in If-Match.'],
  email_taken: [409, 'An account with that email exists.'],
  cannot_deactivate_self: [409, 'An admin cannot deactivate their own account.'],
  last_admin: [409, 'The last active admin cannot lose the role.'],
  already_exists: [409, 'Created at the same moment by another request.'],
  idempotency_key_in_use: [409, 'A request with this Idempotency-Key is still being answered.'],
  payload_too_large: [413, 'The body is over the limit (1 MiB).'],
  media_too_large: [413, 'The image is over the byte or pixel limit.'],
  svg_not_allowed: [415, 'An SVG logo is refused: it could carry script.'],
  unsupported_media_type: [415, 'The body’s type is not one this route takes (JSON; or an image we take).'],
  idempotency_key_reused: [422, 'The Idempotency-Key was used for a different request.'],
  undecodable_image: [422, 'The image could not be decoded.'],
  private_address: [422, 'The image address is on a private or local network.'],
  fetch_failed: [422, 'The image could not be fetched.'],
  embed_unusable: [422, 'The address gives nothing to show as a card (no oEmbed, no page metadata).'],
  embed_malformed: [422, 'The provider answered with something that is not a valid oEmbed or page.'],
  meta_token_missing: [422, 'Instagram, Facebook and Threads need a Meta app token (LIVEPAGE_META_OEMBED_TOKEN).'],
  accent_contrast: [422, 'The accent colour fails WCAG AA (4.5:1) on the light or dark background.'],
  precondition_required: [428, 'If-Match is missing.'],
  rate_limited: [429, 'Too many requests; try again shortly.'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const errorStatus = (code: ErrorCode): number => ERROR_CODES[code][0];
