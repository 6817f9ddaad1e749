/**
 * `livepage <command>` (SPEC §3). Each command prints what a person needs and exits
 * non-zero on failure: 1 for errors of the store or input, 2 for usage errors.
 */
import { AppError } from '../domain/errors.js';
import { storeErrorToAppError } from '../store/errors.js';
import { UsageError } from './args.js';
import { exportCommand, importCommand } from './transfer.js';
import { backupCommand, restoreCommand } from './backup.js';
import { serveCommand } from './serve.js';
import { tokenCommand, userCommand } from './people.js';

const HELP = `livepage — live pages for breaking news

Usage: livepage <command> [options]

Commands:
  serve                                    run the server (PORT, HOST, LIVEPAGE_DATA_DIR,
                                           DATABASE_URL, LIVEPAGE_PUBLIC_URL)
  user add --email E --name N --role R     add a person (admin|editor|contributor); reads the
           [--password-stdin]              password from standard input, or prints a new one
  user set --email E [--role R] [--name N] [--active yes|no]
  user list                                the accounts, their roles and whether active
  token create --email E [--name LABEL]    print a new API token (last line)
  token list [--email E] | token revoke ID the tokens; stop one at once
  import FILE                              import a page with its posts from an export (JSON)
  export SLUG                              print a page with its posts as JSON
  backup FILE                              copy the SQLite store (pictures too) while it runs
  restore FILE [--force]                   make a backup the SQLite store again

Run "livepage <command> --help" for a command's options.`;

const commands: Record<string, (argv: string[]) => Promise<void>> = {
  serve: serveCommand,
  user: userCommand,
  token: tokenCommand,
  import: importCommand,
  export: exportCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`livepage: unknown command "${name}".\n\n${HELP}`);
    return 2;
  }
  try {
    await command(rest);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`livepage ${name}: ${err.message}\nRun "livepage ${name} --help" for usage.`);
      return 2;
    }
    const known = err instanceof AppError ? err : storeErrorToAppError(err);
    const message = known ? `${known.message}${known.field ? ` (${known.field})` : ''}` : (err as Error).message;
    console.error(`livepage ${name}: ${message}`);
    return 1;
  }
}

// `serve` keeps running; every other command ends and sets the exit code.
process.exitCode = await main(process.argv.slice(2));
