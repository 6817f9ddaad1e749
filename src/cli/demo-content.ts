/**
 * The demo live page that the first `serve` on an empty database creates (SPEC §3), so
 * that a newcomer sees a working live page at once. The story is fictional throughout:
 * Port Aldwick, Westmere, the storm and everyone quoted are made up. It exercises every
 * feature a reader sees: summary, featured media, a pinned post, labels, key events,
 * bylines, an edited post and every kind of body block.
 */
import type { ImportDocument } from '../domain/export.js';
import { demoClock, img } from './demo-kit.js';
import { stormArrives } from './demo-posts-early.js';
import { stormPeaks } from './demo-posts-late.js';

export const DEMO_SLUG = 'demo-storm-coverage';

/**
 * The demo page and its posts, timed over the three hours before `now` so that the page
 * looks freshly updated whenever it is created.
 */
export function demoDocument(now: Date): ImportDocument {
  const clock = demoClock(now);
  const posts = [...stormArrives(clock), ...stormPeaks(clock)];
  const { ago } = clock;
  return {
    page: {
      slug: DEMO_SLUG,
      title: 'Storm batters Port Aldwick as major incident declared',
      description:
        'Live updates as a severe storm hits the coast of Westmere. This is demo content: Port Aldwick, the storm and everyone named here are fictional.',
      timeZone: 'Europe/London',
      locale: 'en-GB',
      summary: [
        'A **severe storm** has hit the Westmere coast, with gusts of up to **92mph** recorded at Aldwick Point',
        'A _red warning_ — danger to life — is in force, and Westmere Council has declared a **major incident**',
        'About 300 people have been evacuated from the seafront and parts of the Old Town are flooded',
        'Around **18,000 homes** are without power; engineers are waiting for the wind to drop',
        'Rest centres are open: see the [council’s list of rest centres](https://example.org/westmere/rest-centres)',
      ],
      featuredMedia: {
        type: 'image',
        src: img('harbour-storm'),
        alt: 'Waves breaking over the harbour wall and lighthouse at Port Aldwick beneath dark storm clouds',
        caption: 'Waves break over the harbour wall at Port Aldwick as the storm arrives',
        credit: 'Illustration: livepage demo',
      },
      state: 'live',
      createdAt: ago(190),
    },
    posts,
  };
}
