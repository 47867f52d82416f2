import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { deploy } from './commands/deploy.js';
import { login } from './commands/login.js';
import { logs } from './commands/logs.js';
import { openSite } from './commands/open.js';
import { rollback } from './commands/rollback.js';
import { sites } from './commands/sites.js';
import { EXIT } from './errors.js';
import { Output } from './output.js';

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Runs one command's body with its Output, and answers the exit status (the body's, or its error's). */
async function run(json: boolean, body: (out: Output) => Promise<number>): Promise<number> {
  const out = new Output(json);
  try {
    return await body(out);
  } catch (err) {
    return out.fail(err);
  }
}

const jsonOption = () => new Option('--json', 'print the answer as JSON on stdout (errors too)');

/**
 * The `launchpad` program (api.md, "Deploy workflow"). Parsing only: each command's work is in
 * commands/<name>.ts. Answers the exit status instead of exiting, so tests can run it in-process too.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let status: number = EXIT.OK;
  const done = (json: boolean, body: (out: Output) => Promise<number>) => async () => {
    status = await run(json, body);
  };
  const program = new Command('launchpad')
    .description('Deploy folders to a Launchpad server and follow their deploys')
    .version(version)
    .exitOverride()
    .showHelpAfterError('(launchpad --help lists the commands)')
    .configureHelp({ sortSubcommands: false });

  program
    .command('login')
    .description('check a server URL and API token, then save them to the config file (mode 0600)')
    .option('--url <url>', 'the server, for example https://launchpad.example.com')
    .option('--token <token>', "an API token (lp_pat_…) or the admin token; '-' reads it from stdin")
    .addOption(jsonOption())
    .action((opts) => done(Boolean(opts.json), (out) => login(out, opts))());

  program
    .command('sites')
    .description('list the sites you can see')
    .addOption(jsonOption())
    .action((opts) => done(Boolean(opts.json), (out) => sites(out))());

  program
    .command('deploy')
    .description('upload a folder as a new deploy (only files the server lacks) and wait until it is live')
    .argument('[dir]', 'the folder to publish', '.')
    .option('--site <slug|id>', 'the site to deploy to')
    .option('--create <name>', 'create the site (a ZIP site, slug from --site) when it does not exist')
    .option('--team <id>', 'the team a new site belongs to (when you are in several)')
    .addOption(jsonOption())
    .action((dir, opts) => done(Boolean(opts.json), (out) => deploy(out, dir, opts))());

  program
    .command('logs')
    .description("print a deploy's log")
    .argument('<deployId>', 'the deploy')
    .option('-f, --follow', 'keep printing new lines until the deploy ends')
    .addOption(jsonOption())
    .action((deployId, opts) => done(Boolean(opts.json), (out) => logs(out, deployId, opts))());

  program
    .command('rollback')
    .description('serve an earlier deploy again, at once (no rebuild)')
    .argument('<deployId>', 'the deploy to bring back')
    .addOption(jsonOption())
    .action((deployId, opts) => done(Boolean(opts.json), (out) => rollback(out, deployId))());

  program
    .command('open')
    .description("print a site's URL and open it in a browser when one is available")
    .argument('<site>', 'slug or id')
    .addOption(jsonOption())
    .action((site, opts) => done(Boolean(opts.json), (out) => openSite(out, site))());

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and --version end here with 0; a usage error has already been printed by commander.
      if (err.exitCode === 0) return EXIT.OK;
      if (argv.includes('--json')) {
        process.stdout.write(`${JSON.stringify({ error: { code: 'USAGE', message: err.message } })}\n`);
      }
      return EXIT.USAGE;
    }
    throw err;
  }
  return status;
}
