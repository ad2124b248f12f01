// Paths the tests share: the repository root, the built CLI, and the read-only shared material beside the clone.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// A git worktree kept elsewhere has no ../shared beside it; CREDLEDGER_SHARED_DIR points at it instead.
export const SHARED_DIR = process.env.CREDLEDGER_SHARED_DIR ?? path.resolve(REPO_ROOT, '../shared');
export const BUILT_CLI = path.join(REPO_ROOT, 'dist/cli.js');
export const EXAMPLE_INVENTORY = path.join(REPO_ROOT, 'credentials.yaml.example');
