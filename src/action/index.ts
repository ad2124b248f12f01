// The action's entry point (action.yml runs: dist/index.js): everything happens in run().
import { run } from './main.js';

await run();
