/** Opening the configured store for a CLI command, and closing it afterwards. */
import type { CommandContext } from '../commands/context.js';
import { webhookOutbox } from '../commands/webhooks.js';
import { mediaImportOutbox } from '../commands/mediaImports.js';
import { loadConfig, type Config } from '../server/config.js';
import { openStore, type Store } from '../store/store.js';

/** Runs `fn` with the store named by the environment, then closes it. */
export async function withStore<T>(fn: (store: Store, ctx: CommandContext, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStore(config);
  try {
    return await fn(store, commandContext(store, config), config);
  } finally {
    await store.close();
  }
}

export const commandContext = (store: Store, config: Config): CommandContext => ({
  store,
  publicUrl: config.publicUrl,
  now: () => new Date(),
  // An import still tells the CDN purge hook, and queues its external images for the servers' importers.
  outbox: [webhookOutbox(config.publicUrl), mediaImportOutbox(config.publicUrl)],
});
