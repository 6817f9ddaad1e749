/**
 * The livepage API's types, generated from GET /api/v1/openapi.json by openapi-typescript.
 * Do not edit: run `npm run api:types` after changing a route's schemas (docs/api-client.md).
 * Import them as `import type { paths, components } from 'livepage/api-types'`.
 */
export interface paths {
    "/api/v1/brand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The brand */
        get: operations["getBrand"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the brand
         * @description Admins. Checked for contrast (WCAG AA) on light and dark.
         */
        patch: operations["patchBrand"];
        trace?: never;
    };
    "/api/v1/bylines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everyone’s byline */
        get: operations["getBylines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contributors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contributors named on posts */
        get: operations["getContributors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/embeds/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview an address as a card
         * @description Resolves the address now (or answers the card already kept): what the composer shows when a URL is pasted.
         */
        post: operations["postEmbedsPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who I am */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page’s media library
         * @description The 100 most recent; `page` is required.
         */
        get: operations["getMedia"];
        put?: never;
        /**
         * Upload an image, or have the server fetch one
         * @description Either `multipart/form-data` with one file (`?page=` and `?alt=` in the query) or JSON `{url, page?, alt?}`.
         */
        post: operations["postMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document
         * @description The OpenAPI 3.1 description of the API, generated from the schemas the server validates with.
         */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List pages
         * @description The 200 most recent pages.
         */
        get: operations["getPages"];
        put?: never;
        /** Create a page */
        post: operations["postPages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pages/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a page */
        get: operations["getPagesBySlug"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a page
         * @description Title, description, summary, featured media, time zone or locale: only the fields sent change.
         */
        patch: operations["patchPagesBySlug"];
        trace?: never;
    };
    "/api/v1/pages/{slug}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readers now and who is editing */
        get: operations["getPagesBySlugActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pages/{slug}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page’s audit trail */
        get: operations["getPagesBySlugAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pages/{slug}/continue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Continue the coverage on another page
         * @description Ends this page and points readers to `to`: an existing page’s slug, or a new page to create in the same step.
         */
        post: operations["postPagesBySlugContinue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pages/{slug}/desk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything a desk opens with */
        get: operations["getPagesBySlugDesk"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pages/{slug}/desk/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The desk’s live stream
         * @description Server-Sent Events: `event: desk` frames with what changed since the last one (`posts`, `editing`, `page`).
         */
        get: operations["getPagesBySlugDeskEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pages/{slug}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the coverage */
        post: operations["postPagesBySlugEnd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pages/{slug}/media-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** External images being imported */
        get: operations["getPagesBySlugMediaImports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pages/{slug}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a page’s posts
         * @description Newest first, 20 a page; `seq` is the page’s seq at the moment of the list.
         */
        get: operations["getPagesBySlugPosts"];
        put?: never;
        /**
         * Create a post
         * @description Editors publish (or draft, schedule); a contributor’s post is `submitted` for an editor to approve. Send an Idempotency-Key so that a retry never posts twice.
         */
        post: operations["postPagesBySlugPosts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a post
         * @description Anyone may read a published post; the newsroom also reads unpublished ones it may see.
         */
        get: operations["getPostsById"];
        put?: never;
        post?: never;
        /**
         * Take a post down
         * @description Unpublished, kept for the record.
         */
        delete: operations["deletePostsById"];
        options?: never;
        head?: never;
        /**
         * Change a post
         * @description Any field; `status: "published"` approves a submitted post. Send `If-Match` with the version you edited: a stale one is 409 `version_conflict` (read the post again, merge, retry).
         */
        patch: operations["patchPostsById"];
        trace?: never;
    };
    "/api/v1/posts/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A post’s versions
         * @description Newest first, each with the fields it changed.
         */
        get: operations["getPostsByIdHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Say I am (or stopped) editing a post */
        put: operations["putPostsByIdPresence"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore an earlier version
         * @description Its content comes back as a new version.
         */
        post: operations["postPostsByIdRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a post
         * @description The post’s `<article>` as the reader page would render it; nothing is stored.
         */
        post: operations["postPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/snippets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List snippets */
        get: operations["getSnippets"];
        put?: never;
        /** Create a snippet */
        post: operations["postSnippets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/snippets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a snippet */
        delete: operations["deleteSnippetsById"];
        options?: never;
        head?: never;
        /** Change a snippet */
        patch: operations["patchSnippetsById"];
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tokens
         * @description One’s own; admins see everyone’s.
         */
        get: operations["getTokens"];
        put?: never;
        /**
         * Create a token
         * @description The token is shown once, in this answer.
         */
        post: operations["postTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a token */
        delete: operations["deleteTokensById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List people */
        get: operations["getUsers"];
        put?: never;
        /**
         * Add a person
         * @description Without `password`, one is generated and shown once in the answer.
         */
        post: operations["postUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a person */
        patch: operations["patchUsersById"];
        trace?: never;
    };
    "/api/v1/users/{id}/byline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a byline
         * @description One’s own, or anyone’s for admins.
         */
        patch: operations["patchUsersByIdByline"];
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhooks */
        get: operations["getWebhooks"];
        put?: never;
        /**
         * Register a webhook
         * @description Every matching page event is POSTed to `url`, signed with `secret` (see the webhooks below).
         */
        post: operations["postWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a webhook */
        delete: operations["deleteWebhooksById"];
        options?: never;
        head?: never;
        /** Change a webhook */
        patch: operations["patchWebhooksById"];
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook’s delivery log */
        get: operations["getWebhooksByIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Is the process alive
         * @description Answers while the process serves HTTP; asks nothing else (a slow database does not fail it). Never cached.
         */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/live/{slug}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page’s live events (Server-Sent Events)
         * @description One frame per event, `id:` its seq; resumes after `Last-Event-ID` (or `?since=`) with everything missed, in order, once.
         */
        get: operations["getLiveBySlugEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/live/{slug}/feed.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page’s ATOM feed */
        get: operations["getLiveBySlugFeedAtom"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/live/{slug}/feed.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page’s JSON Feed feed */
        get: operations["getLiveBySlugFeedJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/live/{slug}/feed.rss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page’s RSS feed */
        get: operations["getLiveBySlugFeedRss"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/live/{slug}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page’s events after a seq (polling)
         * @description The same events as the stream, as JSON: at most 500 per answer; cached briefly by every cache (ETag).
         */
        get: operations["getLiveBySlugUpdates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Is this node ready for traffic
         * @description The database answers, the live-update bus listens, and the node is not shutting down. Take the node out of rotation on 503. Never cached.
         */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "page.continued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The page.continued event
         * @description POSTed to each webhook registered for this event, signed with its secret.
         */
        post: operations["webhookPageContinued"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "page.ended": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The page.ended event
         * @description POSTed to each webhook registered for this event, signed with its secret.
         */
        post: operations["webhookPageEnded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "page.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The page.updated event
         * @description POSTed to each webhook registered for this event, signed with its secret.
         */
        post: operations["webhookPageUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "post.published": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The post.published event
         * @description POSTed to each webhook registered for this event, signed with its secret.
         */
        post: operations["webhookPostPublished"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "post.unpublished": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The post.unpublished event
         * @description POSTed to each webhook registered for this event, signed with its secret.
         */
        post: operations["webhookPostUnpublished"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "post.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The post.updated event
         * @description POSTed to each webhook registered for this event, signed with its secret.
         */
        post: operations["webhookPostUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description One thing done to a page or its posts. */
        AuditEntry: {
            /** @enum {string} */
            action: "post.publish" | "post.unpublish" | "post.pin" | "post.unpin" | "page.end" | "page.continue";
            /** Format: date-time */
            at: string;
            /** @description Null when no person did it (the scheduler). */
            by: {
                /** @description An id we made (UUIDv7). */
                id: string;
                name: string;
            } | null;
            /** @description The post’s version and title (publish, take down), the next page (continue). */
            detail: {
                title?: string;
                /** @description The slug the coverage continues on. */
                to?: string;
                version?: number;
            };
            /** @description An id we made (UUIDv7). */
            id: string;
            postId: string | null;
        };
        /** @description One body block of a post (SPEC §2). */
        Block: {
            text: string;
            /** @constant */
            type: "paragraph";
        } | {
            text: string;
            /** @constant */
            type: "heading";
        } | {
            items: string[];
            /** @default false */
            ordered: boolean;
            /** @constant */
            type: "list";
        } | {
            cite?: string;
            text: string;
            /** @constant */
            type: "quote";
        } | {
            alt: string;
            caption?: string;
            color?: string;
            credit?: string;
            height?: number;
            mediaId?: string;
            src: string;
            /** @constant */
            type: "image";
            width?: number;
        } | {
            caption?: string;
            credit?: string;
            poster?: string;
            src: string;
            /** @constant */
            type: "video";
        } | {
            caption?: string;
            card?: {
                author?: string;
                authorUrl?: string;
                frame?: string;
                handle?: string;
                /** @enum {string} */
                kind: "post" | "video" | "audio" | "photo" | "link";
                player?: string;
                provider: string;
                providerKey: string;
                publishedAt?: unknown;
                ratio?: number;
                text?: string;
                thumbnail?: {
                    color?: string;
                    height: number;
                    mediaId?: string;
                    src: string;
                    width: number;
                };
                title?: string;
                url: string;
            };
            /** @constant */
            type: "embed";
            url: string;
        };
        /** @description Everything the newsroom desk opens a page with, in one snapshot. */
        Desk: {
            activity: components["schemas"]["PageActivity"];
            /**
             * Format: date-time
             * @description When this was read: the desk stream picks up from here (`?since=`).
             */
            at: string;
            bylines: {
                byDefault: boolean;
                name: string;
                photo: string | null;
                role: string | null;
                userId: string;
            }[];
            contributors: {
                name: string;
                role?: string;
            }[];
            /** @description Posts by status; contributors see only their own unpublished ones. */
            lists: {
                draft: {
                    /** @description More than these: ask with a larger `shown`. */
                    more: boolean;
                    /** @description Newest first: the pages of the list asked for (`shown`). */
                    posts: components["schemas"]["Post"][];
                    total: number;
                };
                published: {
                    /** @description More than these: ask with a larger `shown`. */
                    more: boolean;
                    /** @description Newest first: the pages of the list asked for (`shown`). */
                    posts: components["schemas"]["Post"][];
                    total: number;
                };
                scheduled: {
                    /** @description More than these: ask with a larger `shown`. */
                    more: boolean;
                    /** @description Newest first: the pages of the list asked for (`shown`). */
                    posts: components["schemas"]["Post"][];
                    total: number;
                };
                submitted: {
                    /** @description More than these: ask with a larger `shown`. */
                    more: boolean;
                    /** @description Newest first: the pages of the list asked for (`shown`). */
                    posts: components["schemas"]["Post"][];
                    total: number;
                };
                unpublished: {
                    /** @description More than these: ask with a larger `shown`. */
                    more: boolean;
                    /** @description Newest first: the pages of the list asked for (`shown`). */
                    posts: components["schemas"]["Post"][];
                    total: number;
                };
            };
            /** @description The caller, with their byline. */
            me: components["schemas"]["User"] | null;
            page: components["schemas"]["Page"];
            /** @description The page’s pinned post. */
            pinned: {
                /** @description An id we made (UUIDv7). */
                id: string;
                title: string;
            } | null;
            seq: number;
            /** @description The newsroom’s and this page’s. */
            snippets: components["schemas"]["Snippet"][];
        };
        /** @description An address as the composer previews it: its card (the server’s snapshot) or why not. */
        EmbedPreview: {
            card: {
                author?: string;
                authorUrl?: string;
                frame?: string;
                handle?: string;
                /** @enum {string} */
                kind: "post" | "video" | "audio" | "photo" | "link";
                player?: string;
                provider: string;
                providerKey: string;
                publishedAt?: unknown;
                ratio?: number;
                text?: string;
                thumbnail?: {
                    color?: string;
                    height: number;
                    mediaId?: string;
                    src: string;
                    width: number;
                };
                title?: string;
                url: string;
            } | null;
            error: string | null;
            /** @enum {string} */
            status: "pending" | "done" | "failed";
            url: string;
        };
        /** @description One live event (SPEC §4). */
        LiveEvent: {
            data: {
                /** @description The post’s `<article>`; empty when it is no longer shown, as HTML to put in place. */
                html: string;
                /** @description An id we made (UUIDv7). */
                id: string;
                /** @description The event’s seq. */
                seq: number;
            };
            /** @description The event’s seq. */
            id: number;
            /** @enum {string} */
            type: "post.published" | "post.updated";
        } | {
            data: {
                /** @description An id we made (UUIDv7). */
                id: string;
                /** @description The event’s seq. */
                seq: number;
            };
            /** @description The event’s seq. */
            id: number;
            /** @enum {string} */
            type: "post.unpublished";
        } | {
            data: {
                /** @description What changed. */
                fields: string[];
                parts: {
                    /** @description The header, as HTML to put in place. */
                    header: string;
                    /** @description The pinned post, as HTML to put in place. */
                    pinned: string;
                    /** @description The summary, as HTML to put in place. */
                    summary: string;
                };
                /** @description The event’s seq. */
                seq: number;
            };
            /** @description The event’s seq. */
            id: number;
            /** @enum {string} */
            type: "page.updated";
        } | {
            data: {
                notice: string;
                parts: {
                    /** @description The header, as HTML to put in place. */
                    header: string;
                    /** @description The notice, as HTML to put in place. */
                    notice: string;
                };
                /** @description The event’s seq. */
                seq: number;
                to: string;
                url: string;
            };
            /** @description The event’s seq. */
            id: number;
            /** @enum {string} */
            type: "page.continued";
        } | {
            data: {
                parts: {
                    /** @description The header, as HTML to put in place. */
                    header: string;
                };
                /** @description The event’s seq. */
                seq: number;
            };
            /** @description The event’s seq. */
            id: number;
            /** @enum {string} */
            type: "page.ended";
        } | {
            data: {
                /** @description The event’s seq. */
                seq: number;
            };
            /** @description The event’s seq. */
            id: number;
            /** @enum {string} */
            type: "post.published" | "post.updated" | "post.unpublished" | "page.updated" | "page.continued" | "page.ended";
        };
        /** @description An image in our media library, with its derivatives. */
        Media: {
            alt: string | null;
            bytes: number;
            color: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            hash: string;
            height: number;
            /** @description An id we made (UUIDv7). */
            id: string;
            pageId: string | null;
            /** @enum {string} */
            sourceType: "image/jpeg" | "image/png" | "image/webp" | "image/avif" | "image/gif";
            /** @description The largest JPEG derivative. */
            src: string;
            srcset: {
                avif: {
                    height: number;
                    src: string;
                    width: number;
                }[];
                jpeg: {
                    height: number;
                    src: string;
                    width: number;
                }[];
                webp: {
                    height: number;
                    src: string;
                    width: number;
                }[];
            };
            type: string;
            width: number;
        };
        /** @description An external image being imported into our media. */
        MediaImport: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            error: string | null;
            /** @description An id we made (UUIDv7). */
            id: string;
            /** @enum {string} */
            kind: "post" | "page";
            mediaId: string | null;
            postId?: string;
            src: string;
            /** @enum {string} */
            status: "pending" | "done" | "failed";
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description A live page (SPEC §2). */
        Page: {
            continuationNotice: string | null;
            /** @description Slug of the page whose coverage this one continues. */
            continuedFrom: string | null;
            /** @description Slug of the page the coverage continues on. */
            continuedTo: string | null;
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            endedAt: string | null;
            featuredMedia: {
                alt?: string;
                caption?: string;
                color?: string;
                credit?: string;
                height?: number;
                mediaId?: string;
                poster?: string;
                src: string;
                /** @enum {string} */
                type: "video" | "image";
                width?: number;
            } | null;
            /** @description An id we made (UUIDv7). */
            id: string;
            /** @description BCP 47 language tag. */
            locale: string;
            pinnedPostId: string | null;
            /** @description The page’s event sequence number (SPEC §4). */
            seq: number;
            slug: string;
            /** @enum {string} */
            state: "live" | "ended";
            /** @description Key points, each inline Markdown-subset text. */
            summary: string[];
            /** @description IANA time zone of the reader page’s times. */
            timeZone: string;
            title: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The reader page. */
            url: string;
        };
        /** @description Readers now and over the last hour, and who is editing which post. */
        PageActivity: {
            editing: {
                /** @description For display. */
                names: string[];
                /** @description Tells colleagues who share a name apart. */
                people: {
                    /** @description An id we made (UUIDv7). */
                    id: string;
                    name: string;
                }[];
                postId: string;
            }[];
            /** @description The last hour, a point a minute, oldest first. */
            history: {
                /** @description UTC, `YYYY-MM-DDTHH:MM`. */
                minute: string;
                posts: number;
                readers: number;
            }[];
            /** @description Readers connected to live updates now, across all server processes. */
            readers: number;
        };
        /** @description A post (SPEC §2). */
        Post: {
            /** @description Who wrote it: only for signed-in callers. */
            authorId?: string | null;
            body: components["schemas"]["Block"][];
            contributors: {
                name: string;
                photo?: string;
                role?: string;
            }[];
            correction: {
                /** Format: date-time */
                at: string;
                text: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** @description When a published post’s content last changed ("updated at"). */
            editedAt: string | null;
            /** @description An id we made (UUIDv7). */
            id: string;
            keyEvent: boolean;
            label: ("breaking" | "analysis" | "explainer" | "correction" | "key-event") | null;
            pageId: string;
            pinned: boolean;
            publishedAt: string | null;
            scheduledFor: string | null;
            /** @description The page’s seq after the change. */
            seq: number;
            /** @enum {string} */
            status: "published" | "draft" | "scheduled" | "submitted" | "unpublished";
            title: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The post’s permalink. */
            url: string;
            /** @description Send it back in If-Match to edit. */
            version: number;
        };
        /** @description A post (SPEC §2). */
        PostInput: {
            /** @description Who wrote it: only for signed-in callers. */
            authorId?: string | null;
            body: components["schemas"]["Block"][];
            contributors: {
                name: string;
                photo?: string;
                role?: string;
            }[];
            correction: {
                /** Format: date-time */
                at: string;
                text: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** @description When a published post’s content last changed ("updated at"). */
            editedAt: string | null;
            /** @description An id we made (UUIDv7). */
            id: string;
            keyEvent: boolean;
            label: ("breaking" | "analysis" | "explainer" | "correction" | "key-event") | null;
            pageId: string;
            pinned: boolean;
            publishedAt: string | null;
            scheduledFor: string | null;
            /** @description The page’s seq after the change. */
            seq: number;
            /** @enum {string} */
            status: "published" | "draft" | "scheduled" | "submitted" | "unpublished";
            title: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The post’s permalink. */
            url: string;
            /** @description Send it back in If-Match to edit. */
            version: number;
        };
        /** @description One kept version of a post. */
        PostVersion: {
            /** Format: date-time */
            at: string;
            /** @description Who saved it; null when no person did (the scheduler). */
            by: {
                /** @description An id we made (UUIDv7). */
                id: string;
                name: string;
            } | null;
            /** @description The fields that differ from the version before (none for the first). */
            changed: ("title" | "body" | "label" | "contributors" | "keyEvent" | "correction" | "status" | "pinned" | "scheduledFor" | "publishedAt")[];
            data: {
                body: components["schemas"]["Block"][];
                contributors: {
                    name: string;
                    photo?: string;
                    role?: string;
                }[];
                correction: {
                    /** Format: date-time */
                    at: string;
                    text: string;
                } | null;
                keyEvent: boolean;
                label: ("breaking" | "analysis" | "explainer" | "correction" | "key-event") | null;
                pinned: boolean;
                publishedAt: string | null;
                scheduledFor: string | null;
                /** @enum {string} */
                status: "published" | "draft" | "scheduled" | "submitted" | "unpublished";
                title: string;
            };
            version: number;
        };
        /** @description A saved post template. */
        Snippet: {
            body: components["schemas"]["Block"][];
            /** Format: date-time */
            createdAt: string;
            /** @description An id we made (UUIDv7). */
            id: string;
            name: string;
            page: string | null;
            title: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description A saved post template. */
        SnippetInput: {
            body: components["schemas"]["Block"][];
            /** Format: date-time */
            createdAt: string;
            /** @description An id we made (UUIDv7). */
            id: string;
            name: string;
            page: string | null;
            title: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description An API token (never its secret, which is shown once). */
        Token: {
            /** Format: date-time */
            createdAt: string;
            /** @description An id we made (UUIDv7). */
            id: string;
            name: string;
            revokedAt: string | null;
            userId: string;
            userName: string;
        };
        /** @description A newsroom account, with the byline its posts are credited with. */
        User: {
            active: boolean;
            byline: {
                byDefault: boolean;
                name: string;
                photo: string | null;
                role: string | null;
            };
            /** Format: date-time */
            createdAt: string;
            email: string;
            /** @description An id we made (UUIDv7). */
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "editor" | "contributor";
        };
        /** @description A webhook target (its secret is never shown). */
        Webhook: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            events: ("post.published" | "post.updated" | "post.unpublished" | "page.updated" | "page.continued" | "page.ended")[];
            /** @description An id, or `purge` for the CDN purge hook. */
            id: string;
            kind: string;
            /** Format: date-time */
            updatedAt: string;
            url: string;
        };
        /** @description One delivery in a webhook’s log, with every attempt. */
        WebhookDelivery: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            deliveredAt: string | null;
            /** @description An id we made (UUIDv7). */
            id: string;
            lastError: string | null;
            lastStatusCode: number | null;
            log: {
                /** Format: date-time */
                at: string;
                attempt: number;
                durationMs: number;
                error: string | null;
                statusCode: number | null;
            }[];
            nextAttemptAt: string | null;
            page: string | null;
            seq: number;
            status: string;
            /** @enum {string} */
            type: "post.published" | "post.updated" | "post.unpublished" | "page.updated" | "page.continued" | "page.ended";
        };
    };
    responses: never;
    parameters: {
        /** @description Any unique string (a UUID): a retry with the same key and body gets the first answer, with Idempotent-Replayed: true (kept 24 h). */
        "Idempotency-Key": string;
        /** @description The version you edited, in quotes (`"3"`): missing is 428, stale is 409 version_conflict. */
        "If-Match": string;
    };
    requestBodies: never;
    headers: {
        /** @description The post’s version in quotes: send it back as If-Match. */
        ETag: string;
        /** @description `true` when this is the first answer to an earlier request with the same Idempotency-Key. */
        "Idempotent-Replayed": "true";
        /** @description This request’s id, as the server logged it. */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getBrand: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What pages render. */
                        brand: {
                            accent: string | null;
                            accentDark: string | null;
                            fontStack: string | null;
                            footerLinks: {
                                label: string;
                                url: string;
                            }[];
                            logo: {
                                height?: number;
                                src: string;
                                width?: number;
                            } | null;
                            poweredBy: boolean;
                            publisherName: string;
                            siteName: string;
                        };
                        /** @description The environment’s defaults (LIVEPAGE_SITE_NAME, …). */
                        defaults: {
                            /** @description #rrggbb */
                            accent?: string;
                            /** @description #rrggbb, on the dark scheme */
                            accentDark?: string;
                            fontStack?: string;
                            footerLinks?: {
                                label: string;
                                url: string;
                            }[];
                            logo?: {
                                height?: number;
                                src: string;
                                width?: number;
                            };
                            poweredBy?: boolean;
                            publisherName?: string;
                            siteName?: string;
                        };
                        /** @description What admins set. */
                        settings: {
                            /** @description #rrggbb */
                            accent?: string;
                            /** @description #rrggbb, on the dark scheme */
                            accentDark?: string;
                            fontStack?: string;
                            footerLinks?: {
                                label: string;
                                url: string;
                            }[];
                            logo?: {
                                height?: number;
                                src: string;
                                width?: number;
                            };
                            poweredBy?: boolean;
                            publisherName?: string;
                            siteName?: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    patchBrand: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accent?: string | null;
                    accentDark?: string | null;
                    fontStack?: string | null;
                    footerLinks?: {
                        label: string;
                        url: string;
                    }[] | null;
                    logo?: {
                        height?: number;
                        src: string;
                        width?: number;
                    } | null;
                    poweredBy?: boolean | null;
                    publisherName?: string | null;
                    siteName?: string | null;
                };
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What pages render. */
                        brand: {
                            accent: string | null;
                            accentDark: string | null;
                            fontStack: string | null;
                            footerLinks: {
                                label: string;
                                url: string;
                            }[];
                            logo: {
                                height?: number;
                                src: string;
                                width?: number;
                            } | null;
                            poweredBy: boolean;
                            publisherName: string;
                            siteName: string;
                        };
                        /** @description The environment’s defaults (LIVEPAGE_SITE_NAME, …). */
                        defaults: {
                            /** @description #rrggbb */
                            accent?: string;
                            /** @description #rrggbb, on the dark scheme */
                            accentDark?: string;
                            fontStack?: string;
                            footerLinks?: {
                                label: string;
                                url: string;
                            }[];
                            logo?: {
                                height?: number;
                                src: string;
                                width?: number;
                            };
                            poweredBy?: boolean;
                            publisherName?: string;
                            siteName?: string;
                        };
                        /** @description What admins set. */
                        settings: {
                            /** @description #rrggbb */
                            accent?: string;
                            /** @description #rrggbb, on the dark scheme */
                            accentDark?: string;
                            fontStack?: string;
                            footerLinks?: {
                                label: string;
                                url: string;
                            }[];
                            logo?: {
                                height?: number;
                                src: string;
                                width?: number;
                            };
                            poweredBy?: boolean;
                            publisherName?: string;
                            siteName?: string;
                        };
                    };
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take).
             *
             *     `svg_not_allowed`: An SVG logo is refused: it could carry script.
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type" | "svg_not_allowed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `accent_contrast`: The accent colour fails WCAG AA (4.5:1) on the light or dark background. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "accent_contrast";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getBylines: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bylines: {
                            byDefault: boolean;
                            name: string;
                            photo: string | null;
                            role: string | null;
                            userId: string;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getContributors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contributors: {
                            name: string;
                            role?: string;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    postEmbedsPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    page?: string;
                    url: string;
                };
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmbedPreview"];
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `embed_unusable`: The address gives nothing to show as a card (no oEmbed, no page metadata).
             *
             *     `embed_malformed`: The provider answered with something that is not a valid oEmbed or page.
             *
             *     `meta_token_missing`: Instagram, Facebook and Threads need a Meta app token (LIVEPAGE_META_OEMBED_TOKEN).
             *
             *     `private_address`: The image address is on a private or local network.
             *
             *     `fetch_failed`: The image could not be fetched.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "embed_unusable" | "embed_malformed" | "meta_token_missing" | "private_address" | "fetch_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"] | null;
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getMedia: {
        parameters: {
            query?: {
                page?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        media: components["schemas"]["Media"][];
                        page: string;
                    };
                };
            };
            /**
             * @description `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_input" | "missing_field";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    postMedia: {
        parameters: {
            query?: {
                alt?: string;
                page?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    alt?: string;
                    page?: string;
                    url: string;
                };
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description One image: JPEG, PNG, WebP, AVIF or GIF.
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Done. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Media"];
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             *
             *     `missing_file`: The form holds no image file.
             *
             *     `upload_incomplete`: The upload ended before the whole file arrived.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field" | "missing_file" | "upload_incomplete";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `payload_too_large`: The body is over the limit (1 MiB).
             *
             *     `media_too_large`: The image is over the byte or pixel limit.
             */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large" | "media_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `undecodable_image`: The image could not be decoded.
             *
             *     `private_address`: The image address is on a private or local network.
             *
             *     `fetch_failed`: The image could not be fetched.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "undecodable_image" | "private_address" | "fetch_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        paths: {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pages: components["schemas"]["Page"][];
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    postPages: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID): a retry with the same key and body gets the first answer, with Idempotent-Replayed: true (kept 24 h). */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    featuredMedia?: {
                        alt?: string;
                        caption?: string;
                        color?: string;
                        credit?: string;
                        height?: number;
                        mediaId?: string;
                        poster?: string;
                        src: string;
                        /** @enum {string} */
                        type: "video" | "image";
                        width?: number;
                    } | null;
                    locale?: string;
                    slug: string;
                    /** @default [] */
                    summary?: string[];
                    timeZone?: string;
                    title: string;
                };
            };
        };
        responses: {
            /** @description The new page. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"];
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             *
             *     `invalid_idempotency_key`: Idempotency-Key is not 1–255 printable ASCII characters.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field" | "invalid_idempotency_key";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_key_in_use`: A request with this Idempotency-Key is still being answered.
             *
             *     `slug_taken`: A page with that slug exists.
             *
             *     `already_exists`: Created at the same moment by another request.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_key_in_use" | "slug_taken" | "already_exists";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `idempotency_key_reused`: The Idempotency-Key was used for a different request. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_key_reused";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPagesBySlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"];
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    patchPagesBySlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    featuredMedia?: {
                        alt?: string;
                        caption?: string;
                        color?: string;
                        credit?: string;
                        height?: number;
                        mediaId?: string;
                        poster?: string;
                        src: string;
                        /** @enum {string} */
                        type: "video" | "image";
                        width?: number;
                    } | null;
                    locale?: string;
                    summary?: string[];
                    timeZone?: string;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"];
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPagesBySlugActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageActivity"];
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPagesBySlugAudit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first, at most 500. */
                        entries: components["schemas"]["AuditEntry"][];
                        page: string;
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    postPagesBySlugContinue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    copy?: {
                        featuredMedia?: boolean;
                        pinned?: boolean;
                        summary?: boolean;
                    };
                    notice?: string;
                    to: string | {
                        description?: string | null;
                        slug: string;
                        title: string;
                    };
                };
            };
        };
        responses: {
            /** @description The ended page, with the page the coverage continues on (`next`). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        continuationNotice: string | null;
                        /** @description Slug of the page whose coverage this one continues. */
                        continuedFrom: string | null;
                        /** @description Slug of the page the coverage continues on. */
                        continuedTo: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        endedAt: string | null;
                        featuredMedia: {
                            alt?: string;
                            caption?: string;
                            color?: string;
                            credit?: string;
                            height?: number;
                            mediaId?: string;
                            poster?: string;
                            src: string;
                            /** @enum {string} */
                            type: "video" | "image";
                            width?: number;
                        } | null;
                        /** @description An id we made (UUIDv7). */
                        id: string;
                        /** @description BCP 47 language tag. */
                        locale: string;
                        next: components["schemas"]["Page"];
                        pinnedPostId: string | null;
                        /** @description The page’s event sequence number (SPEC §4). */
                        seq: number;
                        slug: string;
                        /** @enum {string} */
                        state: "live" | "ended";
                        /** @description Key points, each inline Markdown-subset text. */
                        summary: string[];
                        /** @description IANA time zone of the reader page’s times. */
                        timeZone: string;
                        title: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description The reader page. */
                        url: string;
                    };
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             *
             *     `invalid_target`: A page cannot continue on itself.
             *
             *     `unknown_page`: The page to continue on does not exist.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field" | "invalid_target" | "unknown_page";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `already_ended`: The page’s coverage has already ended.
             *
             *     `slug_taken`: A page with that slug exists.
             *
             *     `already_exists`: Created at the same moment by another request.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "already_ended" | "slug_taken" | "already_exists";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPagesBySlugDesk: {
        parameters: {
            query?: {
                /** @description How many pages of each list, e.g. `published:2,draft:1`. */
                shown?: string;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Desk"];
                };
            };
            /** @description `invalid_input`: A field’s value is not valid; `field` names it. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_input";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPagesBySlugDeskEvents: {
        parameters: {
            query?: {
                /** @description The desk snapshot’s `at`. */
                since?: string;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless event stream. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description `invalid_input`: A field’s value is not valid; `field` names it. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_input";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    postPagesBySlugEnd: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"];
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `already_ended`: The page’s coverage has already ended. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "already_ended";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPagesBySlugMediaImports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        imports: components["schemas"]["MediaImport"][];
                        page: string;
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPagesBySlugPosts: {
        parameters: {
            query?: {
                /** @description 1-based, 20 posts a page. */
                page?: string;
                /** @description Which posts: the newsroom may ask for unpublished ones (contributors get their own). */
                status?: "published" | "draft" | "submitted" | "scheduled" | "unpublished";
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        page: number;
                        pageCount: number;
                        posts: components["schemas"]["PostInput"][];
                        seq: number;
                        total: number;
                    };
                };
            };
            /** @description `invalid_input`: A field’s value is not valid; `field` names it. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_input";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    postPagesBySlugPosts: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID): a retry with the same key and body gets the first answer, with Idempotent-Replayed: true (kept 24 h). */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: ({
                        text: string;
                        /** @constant */
                        type: "paragraph";
                    } | {
                        text: string;
                        /** @constant */
                        type: "heading";
                    } | {
                        items: string[];
                        /** @default false */
                        ordered?: boolean;
                        /** @constant */
                        type: "list";
                    } | {
                        cite?: string;
                        text: string;
                        /** @constant */
                        type: "quote";
                    } | {
                        alt: string;
                        caption?: string;
                        color?: string;
                        credit?: string;
                        height?: number;
                        mediaId?: string;
                        src: string;
                        /** @constant */
                        type: "image";
                        width?: number;
                    } | {
                        caption?: string;
                        credit?: string;
                        poster?: string;
                        src: string;
                        /** @constant */
                        type: "video";
                    } | {
                        caption?: string;
                        card?: {
                            author?: string;
                            authorUrl?: string;
                            frame?: string;
                            handle?: string;
                            /** @enum {string} */
                            kind: "post" | "video" | "audio" | "photo" | "link";
                            player?: string;
                            provider: string;
                            providerKey: string;
                            /** Format: date-time */
                            publishedAt?: string;
                            ratio?: number;
                            text?: string;
                            thumbnail?: {
                                color?: string;
                                height: number;
                                mediaId?: string;
                                src: string;
                                width: number;
                            };
                            title?: string;
                            url: string;
                        };
                        /** @constant */
                        type: "embed";
                        url: string;
                    })[];
                    /** @default [] */
                    contributors?: {
                        name: string;
                        photo?: string;
                        role?: string;
                    }[];
                    /** @default false */
                    keyEvent?: boolean;
                    label?: ("breaking" | "analysis" | "explainer" | "correction" | "key-event") | null;
                    /** @default false */
                    pinned?: boolean;
                    /** Format: date-time */
                    publishedAt?: string;
                    scheduledFor?: string | null;
                    /** @enum {string} */
                    status?: "published" | "draft" | "scheduled" | "submitted";
                    title: string;
                };
            };
        };
        responses: {
            /** @description The new post. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostInput"];
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             *
             *     `invalid_idempotency_key`: Idempotency-Key is not 1–255 printable ASCII characters.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field" | "invalid_idempotency_key";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_key_in_use`: A request with this Idempotency-Key is still being answered.
             *
             *     `page_ended`: The page’s coverage has ended: it takes no new posts.
             *
             *     `already_exists`: Created at the same moment by another request.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_key_in_use" | "page_ended" | "already_exists";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `idempotency_key_reused`: The Idempotency-Key was used for a different request. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_key_reused";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPostsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostInput"];
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `post_not_found`: There is no such post (or the caller may not see it). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "post_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deletePostsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostInput"];
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `post_not_found`: There is no such post (or the caller may not see it). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "post_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    patchPostsById: {
        parameters: {
            query?: never;
            header: {
                /** @description The version you edited, in quotes (`"3"`): missing is 428, stale is 409 version_conflict. */
                "If-Match": components["parameters"]["If-Match"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body?: ({
                        text: string;
                        /** @constant */
                        type: "paragraph";
                    } | {
                        text: string;
                        /** @constant */
                        type: "heading";
                    } | {
                        items: string[];
                        /** @default false */
                        ordered?: boolean;
                        /** @constant */
                        type: "list";
                    } | {
                        cite?: string;
                        text: string;
                        /** @constant */
                        type: "quote";
                    } | {
                        alt: string;
                        caption?: string;
                        color?: string;
                        credit?: string;
                        height?: number;
                        mediaId?: string;
                        src: string;
                        /** @constant */
                        type: "image";
                        width?: number;
                    } | {
                        caption?: string;
                        credit?: string;
                        poster?: string;
                        src: string;
                        /** @constant */
                        type: "video";
                    } | {
                        caption?: string;
                        card?: {
                            author?: string;
                            authorUrl?: string;
                            frame?: string;
                            handle?: string;
                            /** @enum {string} */
                            kind: "post" | "video" | "audio" | "photo" | "link";
                            player?: string;
                            provider: string;
                            providerKey: string;
                            /** Format: date-time */
                            publishedAt?: string;
                            ratio?: number;
                            text?: string;
                            thumbnail?: {
                                color?: string;
                                height: number;
                                mediaId?: string;
                                src: string;
                                width: number;
                            };
                            title?: string;
                            url: string;
                        };
                        /** @constant */
                        type: "embed";
                        url: string;
                    })[];
                    contributors?: {
                        name: string;
                        photo?: string;
                        role?: string;
                    }[];
                    correction?: string | null;
                    keyEvent?: boolean;
                    label?: ("breaking" | "analysis" | "explainer" | "correction" | "key-event") | null;
                    pinned?: boolean;
                    /** Format: date-time */
                    publishedAt?: string;
                    scheduledFor?: string | null;
                    /** @enum {string} */
                    status?: "published" | "draft" | "scheduled" | "submitted";
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostInput"];
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             *
             *     `invalid_if_match`: If-Match is not a post version in quotes.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field" | "invalid_if_match";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `post_not_found`: There is no such post (or the caller may not see it). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "post_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `version_conflict`: The post changed since the version in If-Match. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "version_conflict";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `precondition_required`: If-Match is missing. */
            428: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "precondition_required";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPostsByIdHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        postId: string;
                        /** @description The post’s current version. */
                        version: number;
                        /** @description Newest first. */
                        versions: components["schemas"]["PostVersion"][];
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `post_not_found`: There is no such post (or the caller may not see it). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "post_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    putPostsByIdPresence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    editing: boolean;
                };
            };
        };
        responses: {
            /** @description Noted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `post_not_found`: There is no such post (or the caller may not see it). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "post_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    postPostsByIdRestore: {
        parameters: {
            query?: never;
            header: {
                /** @description The version you edited, in quotes (`"3"`): missing is 428, stale is 409 version_conflict. */
                "If-Match": components["parameters"]["If-Match"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                };
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostInput"];
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             *
             *     `invalid_if_match`: If-Match is not a post version in quotes.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field" | "invalid_if_match";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `post_not_found`: There is no such post (or the caller may not see it).
             *
             *     `version_not_found`: The post has no such version.
             */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "post_not_found" | "version_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `version_conflict`: The post changed since the version in If-Match. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "version_conflict";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `precondition_required`: If-Match is missing. */
            428: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "precondition_required";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    postPreview: {
        parameters: {
            query?: {
                /** @description Render in this page’s time zone and locale. */
                page?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: ({
                        text: string;
                        /** @constant */
                        type: "paragraph";
                    } | {
                        text: string;
                        /** @constant */
                        type: "heading";
                    } | {
                        items: string[];
                        /** @default false */
                        ordered?: boolean;
                        /** @constant */
                        type: "list";
                    } | {
                        cite?: string;
                        text: string;
                        /** @constant */
                        type: "quote";
                    } | {
                        alt: string;
                        caption?: string;
                        color?: string;
                        credit?: string;
                        height?: number;
                        mediaId?: string;
                        src: string;
                        /** @constant */
                        type: "image";
                        width?: number;
                    } | {
                        caption?: string;
                        credit?: string;
                        poster?: string;
                        src: string;
                        /** @constant */
                        type: "video";
                    } | {
                        caption?: string;
                        card?: {
                            author?: string;
                            authorUrl?: string;
                            frame?: string;
                            handle?: string;
                            /** @enum {string} */
                            kind: "post" | "video" | "audio" | "photo" | "link";
                            player?: string;
                            provider: string;
                            providerKey: string;
                            /** Format: date-time */
                            publishedAt?: string;
                            ratio?: number;
                            text?: string;
                            thumbnail?: {
                                color?: string;
                                height: number;
                                mediaId?: string;
                                src: string;
                                width: number;
                            };
                            title?: string;
                            url: string;
                        };
                        /** @constant */
                        type: "embed";
                        url: string;
                    })[];
                    /** @default [] */
                    contributors?: {
                        name: string;
                        photo?: string;
                        role?: string;
                    }[];
                    /** @default false */
                    keyEvent?: boolean;
                    label?: ("breaking" | "analysis" | "explainer" | "correction" | "key-event") | null;
                    /** @default false */
                    pinned?: boolean;
                    /** Format: date-time */
                    publishedAt?: string;
                    scheduledFor?: string | null;
                    /** @enum {string} */
                    status?: "published" | "draft" | "scheduled" | "submitted";
                    title: string;
                };
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        html: string;
                    };
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getSnippets: {
        parameters: {
            query?: {
                /** @description Also this page’s snippets. */
                page?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        snippets: components["schemas"]["SnippetInput"][];
                    };
                };
            };
            /** @description `invalid_input`: A field’s value is not valid; `field` names it. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_input";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    postSnippets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: ({
                        text: string;
                        /** @constant */
                        type: "paragraph";
                    } | {
                        text: string;
                        /** @constant */
                        type: "heading";
                    } | {
                        items: string[];
                        /** @default false */
                        ordered?: boolean;
                        /** @constant */
                        type: "list";
                    } | {
                        cite?: string;
                        text: string;
                        /** @constant */
                        type: "quote";
                    } | {
                        alt: string;
                        caption?: string;
                        color?: string;
                        credit?: string;
                        height?: number;
                        mediaId?: string;
                        src: string;
                        /** @constant */
                        type: "image";
                        width?: number;
                    } | {
                        caption?: string;
                        credit?: string;
                        poster?: string;
                        src: string;
                        /** @constant */
                        type: "video";
                    } | {
                        caption?: string;
                        card?: {
                            author?: string;
                            authorUrl?: string;
                            frame?: string;
                            handle?: string;
                            /** @enum {string} */
                            kind: "post" | "video" | "audio" | "photo" | "link";
                            player?: string;
                            provider: string;
                            providerKey: string;
                            /** Format: date-time */
                            publishedAt?: string;
                            ratio?: number;
                            text?: string;
                            thumbnail?: {
                                color?: string;
                                height: number;
                                mediaId?: string;
                                src: string;
                                width: number;
                            };
                            title?: string;
                            url: string;
                        };
                        /** @constant */
                        type: "embed";
                        url: string;
                    })[];
                    name: string;
                    page?: string;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Done. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnippetInput"];
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "page_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deleteSnippetsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `snippet_not_found`: There is no such snippet. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "snippet_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    patchSnippetsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body?: ({
                        text: string;
                        /** @constant */
                        type: "paragraph";
                    } | {
                        text: string;
                        /** @constant */
                        type: "heading";
                    } | {
                        items: string[];
                        /** @default false */
                        ordered?: boolean;
                        /** @constant */
                        type: "list";
                    } | {
                        cite?: string;
                        text: string;
                        /** @constant */
                        type: "quote";
                    } | {
                        alt: string;
                        caption?: string;
                        color?: string;
                        credit?: string;
                        height?: number;
                        mediaId?: string;
                        src: string;
                        /** @constant */
                        type: "image";
                        width?: number;
                    } | {
                        caption?: string;
                        credit?: string;
                        poster?: string;
                        src: string;
                        /** @constant */
                        type: "video";
                    } | {
                        caption?: string;
                        card?: {
                            author?: string;
                            authorUrl?: string;
                            frame?: string;
                            handle?: string;
                            /** @enum {string} */
                            kind: "post" | "video" | "audio" | "photo" | "link";
                            player?: string;
                            provider: string;
                            providerKey: string;
                            /** Format: date-time */
                            publishedAt?: string;
                            ratio?: number;
                            text?: string;
                            thumbnail?: {
                                color?: string;
                                height: number;
                                mediaId?: string;
                                src: string;
                                width: number;
                            };
                            title?: string;
                            url: string;
                        };
                        /** @constant */
                        type: "embed";
                        url: string;
                    })[];
                    name?: string;
                    title?: string | null;
                };
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnippetInput"];
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `snippet_not_found`: There is no such snippet. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "snippet_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tokens: components["schemas"]["Token"][];
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    postTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default api */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Done. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        token: string;
                    };
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `user_not_found`: There is no such person. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "user_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deleteTokensById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: components["schemas"]["Token"];
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `item_not_found`: The id is malformed.
             *
             *     `token_not_found`: There is no such token (or it is another person’s).
             */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "item_not_found" | "token_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: components["schemas"]["User"][];
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    postUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    name: string;
                    password?: string;
                    /** @enum {string} */
                    role: "admin" | "editor" | "contributor";
                };
            };
        };
        responses: {
            /** @description Done. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        password?: string;
                        user: components["schemas"]["User"];
                    };
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             *
             *     `weak_password`: The password is too short.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field" | "weak_password";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `email_taken`: An account with that email exists.
             *
             *     `already_exists`: Created at the same moment by another request.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "email_taken" | "already_exists";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    patchUsersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    name?: string;
                    /** @enum {string} */
                    role?: "admin" | "editor" | "contributor";
                };
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"];
                    };
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `item_not_found`: The id is malformed.
             *
             *     `user_not_found`: There is no such person.
             */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "item_not_found" | "user_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `cannot_deactivate_self`: An admin cannot deactivate their own account.
             *
             *     `last_admin`: The last active admin cannot lose the role.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "cannot_deactivate_self" | "last_admin";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    patchUsersByIdByline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    byDefault?: boolean;
                    name?: string;
                    photo?: string | null;
                    role?: string | null;
                };
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"];
                    };
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `item_not_found`: The id is malformed.
             *
             *     `user_not_found`: There is no such person.
             */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "item_not_found" | "user_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhooks: components["schemas"]["Webhook"][];
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    postWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    events: ("post.published" | "post.updated" | "post.unpublished" | "page.updated" | "page.continued" | "page.ended")[];
                    secret: string;
                    url: string;
                };
            };
        };
        responses: {
            /** @description Done. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deleteWebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `webhook_not_found`: There is no such webhook. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "webhook_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    patchWebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    events?: ("post.published" | "post.updated" | "post.unpublished" | "page.updated" | "page.continued" | "page.ended")[];
                    secret?: string;
                    url?: string;
                };
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /**
             * @description `invalid_json`: The body is not valid JSON.
             *
             *     `invalid_input`: A field’s value is not valid; `field` names it.
             *
             *     `missing_field`: A required field is missing; `field` names it.
             *
             *     `unknown_field`: The body has a field this route does not take; `field` names it.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_json" | "invalid_input" | "missing_field" | "unknown_field";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The caller’s role (or the rule on this item) does not allow it.
             *
             *     `csrf_failed`: A cookie-authenticated write without the session’s X-CSRF-Token.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "csrf_failed";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `webhook_not_found`: There is no such webhook. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "webhook_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is over the limit (1 MiB). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body’s type is not one this route takes (JSON; or an image we take). */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getWebhooksByIdDeliveries: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: components["schemas"]["WebhookDelivery"][];
                        webhook: components["schemas"]["Webhook"];
                    };
                };
            };
            /** @description `invalid_input`: A field’s value is not valid; `field` names it. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_input";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: No valid credentials: send a bearer token or sign in. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthenticated";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The caller’s role (or the rule on this item) does not allow it. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description `webhook_not_found`: There is no such webhook. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "webhook_not_found";
                            /** @description The input field at fault (a dotted path). */
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
        };
    };
    getLiveBySlugEvents: {
        parameters: {
            query?: {
                /** @description The last seq the reader has. */
                since?: string;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description `invalid_input`: A field’s value is not valid; `field` names it. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getLiveBySlugFeedAtom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getLiveBySlugFeedJson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/feed+json": string;
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getLiveBySlugFeedRss: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/rss+xml": string;
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getLiveBySlugUpdates: {
        parameters: {
            query: {
                /** @description The last seq the reader has. */
                since: string;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: components["schemas"]["LiveEvent"][];
                        seq: number;
                    };
                };
            };
            /** @description `invalid_input`: A field’s value is not valid; `field` names it. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description `page_not_found`: There is no such page. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready: every check is `ok`. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            /** @description `ok`, or `not listening`: live updates from other nodes would not arrive. */
                            bus: string;
                            /** @description `ok`, or draining: this node is shutting down. */
                            draining: string;
                            /** @description `ok`, or why not: the database did not answer `select 1` (in time). */
                            store: string;
                        };
                        /** @description The checks that failed. */
                        failed: ("store" | "bus" | "draining")[];
                        /** @constant */
                        ready: true;
                        /** @constant */
                        status: "ready";
                    };
                };
            };
            /** @description Not ready: `failed` names the checks, `checks` says why. */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            /** @description `ok`, or `not listening`: live updates from other nodes would not arrive. */
                            bus: string;
                            /** @description `ok`, or draining: this node is shutting down. */
                            draining: string;
                            /** @description `ok`, or why not: the database did not answer `select 1` (in time). */
                            store: string;
                        };
                        /** @description The checks that failed. */
                        failed: ("store" | "bus" | "draining")[];
                        /** @constant */
                        ready: false;
                        /** @constant */
                        status: "not ready";
                    };
                };
            };
        };
    };
    webhookPageContinued: {
        parameters: {
            query?: never;
            header: {
                /** @description `sha256=` and the hex HMAC-SHA256 of the exact body with the webhook’s secret. */
                "X-Livepage-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        notice: string;
                        page: components["schemas"]["Page"];
                        to: string;
                        url: string;
                    };
                    /** @description The page’s slug. */
                    page: string;
                    seq: number;
                    /** @constant */
                    type: "page.continued";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer (or none within the timeout) is retried with growing delays. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookPageEnded: {
        parameters: {
            query?: never;
            header: {
                /** @description `sha256=` and the hex HMAC-SHA256 of the exact body with the webhook’s secret. */
                "X-Livepage-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        page: components["schemas"]["Page"];
                    };
                    /** @description The page’s slug. */
                    page: string;
                    seq: number;
                    /** @constant */
                    type: "page.ended";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer (or none within the timeout) is retried with growing delays. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookPageUpdated: {
        parameters: {
            query?: never;
            header: {
                /** @description `sha256=` and the hex HMAC-SHA256 of the exact body with the webhook’s secret. */
                "X-Livepage-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description What changed. */
                        fields: string[];
                        page: components["schemas"]["Page"];
                    };
                    /** @description The page’s slug. */
                    page: string;
                    seq: number;
                    /** @constant */
                    type: "page.updated";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer (or none within the timeout) is retried with growing delays. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookPostPublished: {
        parameters: {
            query?: never;
            header: {
                /** @description `sha256=` and the hex HMAC-SHA256 of the exact body with the webhook’s secret. */
                "X-Livepage-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["PostInput"];
                    /** @description The page’s slug. */
                    page: string;
                    seq: number;
                    /** @constant */
                    type: "post.published";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer (or none within the timeout) is retried with growing delays. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookPostUnpublished: {
        parameters: {
            query?: never;
            header: {
                /** @description `sha256=` and the hex HMAC-SHA256 of the exact body with the webhook’s secret. */
                "X-Livepage-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @description An id we made (UUIDv7). */
                        id: string;
                    };
                    /** @description The page’s slug. */
                    page: string;
                    seq: number;
                    /** @constant */
                    type: "post.unpublished";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer (or none within the timeout) is retried with growing delays. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookPostUpdated: {
        parameters: {
            query?: never;
            header: {
                /** @description `sha256=` and the hex HMAC-SHA256 of the exact body with the webhook’s secret. */
                "X-Livepage-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["PostInput"];
                    /** @description The page’s slug. */
                    page: string;
                    seq: number;
                    /** @constant */
                    type: "post.updated";
                };
            };
        };
        responses: {
            /** @description Received. Any other answer (or none within the timeout) is retried with growing delays. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
