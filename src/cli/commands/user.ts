// socialbench user add|list|password: manage sign-in accounts from the command line (the first admin, resets).
import type { Command } from 'commander';
import { SYSTEM } from '../../actions/context.ts';
import { createUser, listUsers, resetPassword } from '../../actions/users.ts';
import { findUserByEmail } from '../../db/queries/users.ts';
import { ExitError, withDeps, type GlobalOptions } from '../context.ts';

/** Reads the password from stdin: the first line, without its line ending. */
async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const line = text.split(/\r?\n/)[0] ?? '';
  if (!line) throw new ExitError('no password on stdin (give it on the first line)');
  return line;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage users who sign in to the web app');
  user
    .command('add')
    .description('create a user; the password is read from stdin')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--role <role>', 'admin | coordinator | manager | editor | analyst | viewer')
    .option('--org <code>', 'organisation (manager, editor, analyst, viewer)')
    .option('--network <code>', 'network group (coordinator)')
    .option('--name <name>', 'display name')
    .option('--password-stdin', 'read the password from stdin (required: passwords never go on the command line)')
    .action(async (opts: { email: string; role: string; org?: string; network?: string; name?: string; passwordStdin?: boolean }, cmd: Command) => {
      if (!opts.passwordStdin) throw new ExitError('give --password-stdin and the password on stdin');
      const password = await readPassword();
      await withDeps(cmd.optsWithGlobals<GlobalOptions>(), async (deps) => {
        const u = await createUser(SYSTEM, { email: opts.email, role: opts.role, password, ...(opts.org ? { org: opts.org } : {}), ...(opts.network ? { network: opts.network } : {}), ...(opts.name ? { name: opts.name } : {}) }, deps);
        process.stdout.write(`created user ${u.id} ${u.email} (${u.role}${u.org ? ` of ${u.org}` : ''}${u.network ? ` of ${u.network}` : ''})\n`);
      });
    });
  user
    .command('list')
    .description('list users')
    .action(async (_opts: unknown, cmd: Command) => {
      await withDeps(cmd.optsWithGlobals<GlobalOptions>(), async (deps) => {
        let cursor: string | undefined;
        do {
          const page = await listUsers(SYSTEM, { limit: 500, ...(cursor ? { cursor } : {}) }, deps);
          for (const u of page.items) process.stdout.write(`${u.id}\t${u.email}\t${u.role}\t${u.org ?? u.network ?? ''}\t${u.active ? 'active' : 'inactive'}\n`);
          cursor = page.next_cursor ?? undefined;
        } while (cursor);
      });
    });
  user
    .command('password')
    .description("set a user's password (read from stdin); their sessions end")
    .requiredOption('--email <email>', 'sign-in e-mail')
    .option('--password-stdin', 'read the password from stdin')
    .action(async (opts: { email: string; passwordStdin?: boolean }, cmd: Command) => {
      if (!opts.passwordStdin) throw new ExitError('give --password-stdin and the password on stdin');
      const password = await readPassword();
      await withDeps(cmd.optsWithGlobals<GlobalOptions>(), async (deps) => {
        const u = await findUserByEmail(deps.db.kysely, opts.email.toLowerCase());
        if (!u) throw new ExitError(`no user with the e-mail ${opts.email}`);
        await resetPassword(SYSTEM, u.id, { password }, deps);
        process.stdout.write(`password of ${u.email} changed; their sessions ended\n`);
      });
    });
}
