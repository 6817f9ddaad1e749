/** What the routes share: the store, the configuration, the command context, the reader pages. */
import type { CommandContext } from '../commands/context.js';
import type { MediaService } from '../media/service.js';
import type { DeskStreams } from '../realtime/desk-streams.js';
import type { LiveHub } from '../realtime/hub.js';
import type { Store } from '../store/store.js';
import type { Config } from './config.js';
import type { ReaderPages } from './reader-pages.js';
import type { PollAnswers } from './poll-answers.js';
import type { NodeMetrics } from '../metrics/registry.js';

export interface AppServices {
  store: Store;
  config: Config;
  commands: CommandContext;
  reader: ReaderPages;
  /** Readers following pages live, in this process. */
  hub: LiveHub;
  /** Open desks in this process, woken by the newsroom's changes. */
  desks: DeskStreams;
  /** The stylesheet's URL, versioned by its content so browsers may cache it for ever. */
  cssHref: string;
  /** Uploads, the originals' storage, the derivative cache and its work queue. */
  media: MediaService;
  /** The polling endpoint's answers, cached per page and seq. */
  polls: PollAnswers;
  /** Recorders for what only routes see (sign-in limits). */
  metrics: NodeMetrics;
}
