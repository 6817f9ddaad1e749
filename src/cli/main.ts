/**
 * `livepage <command>` (SPEC §3). Each command prints what a person needs, or with `--json`
 * one JSON document for scripts (cli/output.ts), and exits 0 on success, 1 when the work
 * failed (input, a conflict, something missing, the store), 2 on a usage error
 * (docs/cli.md).
 */
import { AppError } from '../domain/errors.js';
import { storeErrorToAppError } from '../store/errors.js';
import { UsageError } from './args.js';
import { exportCommand, importCommand } from './transfer.js';
import { backupCommand, restoreCommand } from './backup.js';
import { serveCommand } from './serve.js';
import { tokenCommand, userCommand } from './people.js';
import { createOutput, type Output } from './output.js';

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

Every command takes --json: one JSON document on stdout (errors: one JSON object on
stderr), no progress lines. Exit codes: 0 done, 1 failed, 2 usage error.

Run "livepage <command> --help" for a command's options.`;

const commands: Record<string, (argv: string[], out: Output) => Promise<void>> = {
  serve: serveCommand,
  user: userCommand,
  token: tokenCommand,
  import: importCommand,
  export: exportCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

async function main(args: string[]): Promise<number> {
  // --json anywhere on the line (before `--`) switches every command to machine output.
  const end = args.includes('--') ? args.indexOf('--') : args.length;
  const json = args.slice(0, end).includes('--json');
  const argv = args.filter((a, i) => i >= end || a !== '--json');
  const out = createOutput(json);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    if (json) out.error(name, { code: 'usage', message: `unknown command "${name}"` });
    else console.error(`livepage: unknown command "${name}".\n\n${HELP}`);
    return 2;
  }
  try {
    await command(rest, out);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      if (json) out.error(name, { code: 'usage', message: err.message });
      else console.error(`livepage ${name}: ${err.message}\nRun "livepage ${name} --help" for usage.`);
      return 2;
    }
    const known = err instanceof AppError ? err : storeErrorToAppError(err);
    out.error(name, known ? { code: known.code, message: known.message, field: known.field } : { code: 'failed', message: (err as Error).message });
    return 1;
  }
}

// `serve` keeps running; every other command ends and sets the exit code.
process.exitCode = await main(process.argv.slice(2));
