import { run } from './main.js';
import { runCommandLine } from './process-hooks.js';

// The bundle's entry (dist/cli.cjs), run by bin/campaign-studio.js.
runCommandLine(run, process.argv.slice(2));
