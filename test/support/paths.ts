// Paths the tests share: the repository root, the built CLI, the example and the fixtures (all inside the repository).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Everything a test reads is in the repository: a clone with nothing beside it runs the whole suite.
export const FIXTURES_DIR = path.join(REPO_ROOT, 'test/fixtures');
export const BUILT_CLI = path.join(REPO_ROOT, 'dist/cli.js');
export const EXAMPLE_INVENTORY = path.join(REPO_ROOT, 'credentials.yaml.example');
