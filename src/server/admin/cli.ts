import { readConfig } from '../config';
import { openStore } from '../store/open';
import { runAdmin } from './commands';

/**
 * `npm run admin -- <command>`: the admin commands (commands.ts) against the same database as
 * `npm start` (DATA_DIR or DATABASE_URL). `npm run admin -- --help` lists them.
 */
process.exitCode = await runAdmin(process.argv.slice(2), {
  open: () => {
    const config = readConfig();
    return openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  },
  print: (text) => console.log(text),
  error: (text) => console.error(text),
});
