#!/usr/bin/env node
/**
 * A platform operator (who onboards and suspends municipalities, and sees counts only), made on the
 * server as the tables' owner; the password is read from standard input, never the command line.
 *
 *   node packages/db/dist/cli/platform-operator.js --username ops1 --name '運用 一郎'   < password-file
 */
import { parseArgs } from 'node:util';
import argon2 from 'argon2';
import { asOwner, passwordFromStdin, runCommand } from './owner-command';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { username: { type: 'string' }, name: { type: 'string' } }, strict: true });
  const password = await passwordFromStdin();
  const wrong = [
    !/^[a-z0-9_.-]{3,64}$/.test(values.username ?? '') && '--username: a-z, 0-9, _ . -, 3 to 64',
    !(values.name?.trim() && values.name.length <= 100) && '--name: the name as it is shown',
    (password.length < 12 || password.length > 128) && 'password (standard input): 12 to 128 characters',
  ].filter((line): line is string => !!line);
  if (wrong.length) {
    for (const line of wrong) console.error(line);
    console.error('Nothing was created.');
    return 2;
  }
  return asOwner(async (db) => {
    if (await db.platformOperator.findUnique({ where: { username: values.username! } })) {
      console.error(`Already taken: ${values.username}. Nothing was created.`);
      return 1;
    }
    await db.platformOperator.create({ data: { username: values.username!, displayName: values.name!, passwordHash: await argon2.hash(password) } });
    console.log(`Platform operator ${values.username} created.`);
    return 0;
  });
}

runCommand(main);
