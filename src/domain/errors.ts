/**
 * The one errors module: every failure a user can cause is an AppError with a stable
 * snake_case code, an HTTP status and, for input errors, the field it concerns.
 * The server turns it into JSON for the API and an HTML page for readers.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): { error: { code: string; message: string; field?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

export const invalidInput = (message: string, field?: string, code = 'invalid_input') =>
  new AppError(400, code, message, field);
export const invalidJson = () => new AppError(400, 'invalid_json', 'The request body is not valid JSON.');
export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', 'Sign in or send a valid API token (Authorization: Bearer …).');
export const forbidden = (message = 'Your role does not allow this.', field?: string) =>
  new AppError(403, 'forbidden', message, field);
export const notFound = (what = 'page', message = 'Not found.') => new AppError(404, `${what}_not_found`, message);
export const conflict = (code: string, message: string, field?: string) => new AppError(409, code, message, field);
export const pageEnded = (slug: string) =>
  new AppError(409, 'page_ended', `The coverage on "${slug}" has ended: it takes no new posts (its posts can still be corrected).`);
export const versionConflict = (current?: number) =>
  new AppError(
    409,
    'version_conflict',
    `The post was changed by someone else${current === undefined ? '' : `; its current version is ${current}`}. Reload it, then edit again.`,
  );
export const preconditionRequired = () =>
  new AppError(428, 'precondition_required', 'Send If-Match: "{version}" with the version you edited.');
export const payloadTooLarge = () => new AppError(413, 'payload_too_large', 'The request body is too large.');
export const unsupportedMediaType = () =>
  new AppError(415, 'unsupported_media_type', 'Send the body as application/json.');
export const tooManyRequests = () => new AppError(429, 'rate_limited', 'Too many requests; try again shortly.');

// Media (uploads and fetched images): each refusal has its own stable code.
export const mediaTooLarge = (message: string) => new AppError(413, 'media_too_large', message);
export const unsupportedImage = (message = 'Send a JPEG, PNG, WebP, AVIF or GIF image.') =>
  new AppError(415, 'unsupported_media_type', message);
export const undecodableImage = () =>
  new AppError(422, 'undecodable_image', 'The image could not be read: the file is damaged or incomplete.');
export const privateAddress = () =>
  new AppError(422, 'private_address', 'That address points to a private or local network; only public hosts may be fetched.');
export const fetchFailed = (message: string) => new AppError(422, 'fetch_failed', message);

// Embeds (issue 11): why an address could not be made into a card, each with its own code.
export const embedUnusable = (message: string) => new AppError(422, 'embed_unusable', message);
export const embedMalformed = (message: string) => new AppError(422, 'embed_malformed', message);
export const metaTokenMissing = (provider: string) =>
  new AppError(
    422,
    'meta_token_missing',
    `${provider} posts can only be embedded with a Meta app token: an administrator sets LIVEPAGE_META_OEMBED_TOKEN (docs/operations.md). Until then, link to the post instead.`,
  );
