/**
 * The brand as this node renders it: stored settings over the environment's defaults, with
 * its stylesheet and the tag every reader ETag carries (a new brand is a new page). Re-read
 * from the store at most once a second, like page heads: a change made on another node
 * shows here within that, and at once when the bus says so.
 */
import { resolveBrand, type Brand, type BrandSettings } from '../domain/brand.js';
import { brandCss, brandCssHref } from '../render/brand.js';
import { readBrandSettings } from '../store/site-settings.js';
import type { ReadDb } from '../store/store.js';
import { contentEtag } from './cache-control.js';
import { HEAD_TTL_MS } from './page-heads.js';

/** The brand with what its stylesheet and cache keys need. */
export interface BrandState {
  brand: Brand;
  css: string;
  cssHref: string | null;
  /** Part of every page's ETag: a new brand is a new page. */
  tag: string;
  at: number;
}

export class ReaderBrand {
  private state: BrandState | undefined;
  private reading: Promise<BrandState> | undefined;

  /**
   * @param givenDefaults the brand until admins set one (the environment's); the product's own when absent
   * @param onNew told when a read finds a brand other than the last (caches that name it drop it)
   */
  constructor(
    private readonly db: ReadDb,
    private readonly givenDefaults: Partial<Brand> | undefined,
    private readonly onNew: (brand: Brand) => void,
  ) {}

  /** The brand's defaults (the environment's), for the newsroom's form. */
  get defaults(): Partial<Brand> {
    return this.givenDefaults ?? {};
  }

  /** Stored settings over the defaults: what pages render. */
  resolve(settings: BrandSettings): Brand {
    return resolveBrand(settings, this.givenDefaults);
  }

  /** The brand, from memory when read within the last second, else from the store (one read for concurrent askers). */
  async current(): Promise<BrandState> {
    const fresh = this.fresh();
    if (fresh) return fresh;
    this.reading ??= readBrandSettings(this.db)
      .then((settings) => {
        const brand = this.resolve(settings);
        const tag = contentEtag(JSON.stringify(brand)).slice(1, 9);
        const state = { brand, css: brandCss(brand), cssHref: brandCssHref(brand), tag, at: Date.now() };
        if (state.tag !== this.state?.tag) this.onNew(brand);
        this.state = state;
        return state;
      })
      .finally(() => (this.reading = undefined));
    return this.reading;
  }

  /** The brand from memory alone, when read within the last second (the fast path). */
  fresh(): BrandState | undefined {
    const b = this.state;
    return b && Date.now() - b.at < HEAD_TTL_MS ? b : undefined;
  }

  /** The brand's stylesheet when `href` is its current address (else undefined: a stale or made-up name). */
  async stylesheet(href: string): Promise<string | undefined> {
    const state = await this.current();
    return state.cssHref === href ? state.css : undefined;
  }

  /** Told that the brand changed (here or, through the bus, on another node): re-read it now. */
  changed(): void {
    if (this.state) this.state.at = 0;
  }
}
