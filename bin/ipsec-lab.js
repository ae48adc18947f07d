#!/usr/bin/env node
// The `ipsec-lab` command: runs the compiled service (npm install builds it into out/).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'service', 'cli.js');
if (!existsSync(entry)) {
  console.error('ipsec-lab: the program is not built yet. Run "npm install" (or "npm run build") in the IPSec Lab folder first.');
  process.exit(1);
}
const { main } = await import(pathToFileURL(entry).href);
process.exit(await main(process.argv.slice(2)));
