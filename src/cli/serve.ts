/** `livepage serve`: the HTTP server, until SIGINT or SIGTERM. */
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openStore } from '../store/store.js';
import { parseCommand } from './args.js';
import { commandContext } from './runtime.js';
import { seedIfEmpty } from './seed.js';

const HELP = `Usage: livepage serve

Serves live pages, the API and the newsroom. Environment:
  PORT (3000), HOST (127.0.0.1), LIVEPAGE_DATA_DIR (./data), DATABASE_URL (postgres://…
  selects PostgreSQL), LIVEPAGE_PUBLIC_URL (canonical base URL), LOG_LEVEL (info).`;

export async function serveCommand(argv: string[]): Promise<void> {
  const { values } = parseCommand(argv, {});
  if (values.help) return void console.log(HELP);
  const config = loadConfig();
  const store = await openStore(config);
  const seeded = await seedIfEmpty(commandContext(store, config));
  const app = await buildApp({ store, config });
  await app.listen({ port: config.port, host: config.host });
  for (const line of seeded) console.log(line);
  console.log(`livepage is serving on ${config.publicUrl} (${store.kind} store)`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await store.close();
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
