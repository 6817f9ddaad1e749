/** What every reader-facing render needs besides the content itself. */
export interface RenderContext {
  /** The page's IANA time zone, e.g. `Europe/London`. */
  timeZone: string;
  /** The page's BCP 47 locale, e.g. `en-GB`. */
  locale: string;
  /** This site's origin, e.g. `http://localhost:3000`: links elsewhere are marked external. */
  siteOrigin: string;
  /**
   * The page's absolute address (`https://…/live/{slug}`): share links and permalinks
   * name `{pageUrl}/posts/{id}`. Absent (tests, previews): share links are left out.
   */
  pageUrl?: string;
  /** The render's clock, passed in so output is deterministic (the year shown depends on it). */
  now: Date;
}
