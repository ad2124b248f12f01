// Holds the dependency rule (docs/architecture.md): core and crypto are pure, use cases see collaborators only through
// ports, adapters never reach up into use cases or entry points, and only the composition root (src/wiring) and the
// entry points that use it build real adapters. Every .ts file under src/ is read, subfolders included.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';

/** A source file, by its path from the repository root (posix), and its text. */
interface SourceFile {
  readonly file: string;
  readonly text: string;
}

function readSources(directory: string): SourceFile[] {
  return readdirSync(path.join(REPO_ROOT, directory), { withFileTypes: true }).flatMap((entry) => {
    const child = `${directory}/${entry.name}`;
    if (entry.isDirectory()) return readSources(child);
    return entry.name.endsWith('.ts') ? [{ file: child, text: readFileSync(path.join(REPO_ROOT, child), 'utf8') }] : [];
  });
}

function importsOf(text: string): string[] {
  const statics = text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm);
  const dynamics = text.matchAll(/import\(\s*'([^']+)'\s*\)/g);
  return [...statics, ...dynamics].map((match) => match[1] ?? '');
}

/** The top folder under src/ of a file (`src/cli/commands/x.ts` → `cli`). */
function layerOfFile(file: string): string {
  return file.split('/')[1] ?? '';
}

/** What an import reaches: a layer of src/ (`app`), a Node built-in (`node:fs`), or a package (`undici`). */
function targetOf(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return resolved.startsWith('src/') ? layerOfFile(resolved) : resolved;
}

/** Node built-ins and packages that do I/O: the network, processes, the file system, git, GitHub. */
const IO_MODULE = /^(node:)?(fs|fs\/promises|http|https|http2|net|tls|dgram|child_process|os|process|worker_threads|cluster)$|^(undici|simple-git|@actions\/|@octokit\/)/;

interface Rule {
  readonly layer: string;
  readonly description: string;
  /** Whether `layer` may import `target` (a layer name, a built-in or a package). */
  readonly allows: (target: string) => boolean;
}

const LAYERS = new Set(['core', 'crypto', 'ports', 'app', 'adapters', 'wiring', 'devserver', 'demo', 'cli', 'action']);
const isLayer = (target: string) => LAYERS.has(target);

const RULES: readonly Rule[] = [
  {
    layer: 'core',
    description: 'core is pure: no I/O, no other layer',
    allows: (target) => (isLayer(target) ? target === 'core' : !IO_MODULE.test(target)),
  },
  {
    layer: 'crypto',
    description: 'crypto is pure: no I/O, nothing but core',
    allows: (target) => (isLayer(target) ? target === 'core' || target === 'crypto' : !IO_MODULE.test(target)),
  },
  {
    layer: 'ports',
    description: 'ports name what use cases need: only core and crypto types',
    allows: (target) => target === 'core' || target === 'crypto' || target === 'ports',
  },
  {
    layer: 'app',
    description: 'use cases reach collaborators through ports, never adapters, the devserver, the wiring or the entry points',
    allows: (target) => !['adapters', 'devserver', 'wiring', 'cli', 'action', 'demo'].includes(target) && !/^(undici|simple-git|@actions\/|@octokit\/)/.test(target),
  },
  {
    layer: 'adapters',
    description: 'adapters implement ports; they never import use cases or entry points',
    allows: (target) => !['app', 'wiring', 'cli', 'action', 'demo'].includes(target),
  },
  {
    layer: 'wiring',
    description: 'the composition root builds adapters for the entry points; nothing below it',
    allows: (target) => !['cli', 'action', 'demo'].includes(target),
  },
  {
    layer: 'cli',
    description: 'the CLI builds real adapters only through the wiring',
    allows: (target) => !['adapters', 'action'].includes(target),
  },
  {
    layer: 'action',
    description: 'the Action builds real adapters only through the wiring',
    allows: (target) => !['adapters', 'cli'].includes(target),
  },
  {
    layer: 'demo',
    description: 'the demo builds real adapters only through the wiring',
    allows: (target) => !['adapters', 'cli', 'action'].includes(target),
  },
];

/** Layers that must not read the clock, the environment or the process (time and settings are passed in). */
const PURE_LAYERS = new Set(['core', 'ports']);

/** Every breach of the rules in `sources`, as `file imports target (rule)`. */
function findOffences(sources: readonly SourceFile[]): string[] {
  return sources.flatMap(({ file, text }) => {
    const layer = layerOfFile(file);
    const rule = RULES.find((candidate) => candidate.layer === layer);
    const imports = rule === undefined ? [] : importsOf(text).filter((specifier) => !rule.allows(targetOf(file, specifier)));
    const ambient = PURE_LAYERS.has(layer) && /\bprocess\.(env|cwd|argv|stdout|stderr|pid)|Date\.now\(\)|new Date\(\)/.test(text);
    return [
      ...imports.map((specifier) => `${file} imports ${specifier} (${rule?.description ?? ''})`),
      ...(ambient ? [`${file} reads the environment or the clock`] : []),
    ];
  });
}

/** Files outside src/core that import core/markdown.ts: Markdown is rendered by core renderers only (issue #11). */
function findMarkdownOutsideCore(sources: readonly SourceFile[]): string[] {
  return sources
    .filter(({ file }) => layerOfFile(file) !== 'core')
    .flatMap(({ file, text }) => importsOf(text).filter((specifier) => /(^|\/)core\/markdown\.js$/.test(specifier)).map((specifier) => `${file} imports ${specifier}`));
}

const SOURCES = readSources('src');

describe('layers', () => {
  it('reads every layer, subfolders included', () => {
    const layers = new Set(SOURCES.map(({ file }) => layerOfFile(file)));
    for (const layer of ['core', 'crypto', 'ports', 'app', 'adapters', 'wiring', 'devserver', 'demo', 'cli', 'action']) expect(layers).toContain(layer);
    expect(SOURCES.some(({ file }) => file.startsWith('src/cli/commands/'))).toBe(true);
    expect([...layers].filter((layer) => !LAYERS.has(layer) && !layer.endsWith('.ts'))).toEqual([]);
  });

  it('holds the dependency rule in every source file', () => {
    expect(findOffences(SOURCES)).toEqual([]);
  });

  it('renders Markdown in core only: nothing else builds it from core/markdown.ts', () => {
    expect(findMarkdownOutsideCore(SOURCES)).toEqual([]);
  });

  it('leaves @actions/* to the action and the GitHub adapters', () => {
    const offences = SOURCES.filter(({ file }) => !['action', 'adapters'].includes(layerOfFile(file))).flatMap(({ file, text }) =>
      importsOf(text)
        .filter((target) => target.startsWith('@actions/core'))
        .map((target) => `${file} imports ${target}`),
    );
    expect(offences).toEqual([]);
  });
});

describe('the rule check itself', () => {
  const withAddedLine = (file: string, line: string): SourceFile[] =>
    SOURCES.map((source) => (source.file === file ? { file, text: `${line}\n${source.text}` } : source));

  it.each([
    ['src/app/apply.ts', "import { DocuElevateClient } from '../adapters/docuelevate-client.js';", 'src/app/apply.ts imports ../adapters/docuelevate-client.js'],
    ['src/app/audit.ts', "import { startDocuElevateServer } from '../devserver/docuelevate-server.js';", 'src/app/audit.ts imports ../devserver/docuelevate-server.js'],
    ['src/app/plan.ts', "import { applyCollaborators } from '../wiring/apply.js';", 'src/app/plan.ts imports ../wiring/apply.js'],
    ['src/adapters/github-issues.ts', "import type { RemindRequest } from '../app/remind.js';", 'src/adapters/github-issues.ts imports ../app/remind.js'],
    ['src/adapters/git-repository.ts', "import { runCli } from '../cli/main.js';", 'src/adapters/git-repository.ts imports ../cli/main.js'],
    ['src/ports/errors.ts', "import { loadInventoryFile } from '../app/inventory-file.js';", 'src/ports/errors.ts imports ../app/inventory-file.js'],
    ['src/ports/deployment-connection.ts', "import { Pool } from 'undici';", 'src/ports/deployment-connection.ts imports undici'],
    ['src/core/plan.ts', "import { readFile } from 'node:fs/promises';", 'src/core/plan.ts imports node:fs/promises'],
    ['src/core/audit.ts', "import { ExternalError } from '../ports/errors.js';", 'src/core/audit.ts imports ../ports/errors.js'],
    ['src/cli/commands/plan-command.ts', "import { openGitRepository } from '../../adapters/git-repository.js';", 'src/cli/commands/plan-command.ts imports ../../adapters/git-repository.js'],
    ['src/action/main.ts', "const { createGitHubIssues } = await import('../adapters/github-issues.js');", 'src/action/main.ts imports ../adapters/github-issues.js'],
  ])('fails when %s gains a forbidden import', (file, line, offence) => {
    expect(SOURCES.some((source) => source.file === file)).toBe(true);
    const offences = findOffences(withAddedLine(file, line));
    expect(offences).toHaveLength(1);
    expect(offences[0]).toContain(offence);
  });

  it('fails for a file in a new subfolder of a layer', () => {
    const offences = findOffences([{ file: 'src/app/rotation/driver.ts', text: "import { simpleGit } from '../../adapters/git-repository.js';\n" }]);
    expect(offences).toEqual([expect.stringContaining('src/app/rotation/driver.ts imports ../../adapters/git-repository.js')]);
  });

  it('fails when an entry point renders Markdown itself', () => {
    const sources = withAddedLine('src/action/jobs/validate-job.ts', "import { markdownCode } from '../../core/markdown.js';");
    expect(findMarkdownOutsideCore(sources)).toEqual(['src/action/jobs/validate-job.ts imports ../../core/markdown.js']);
  });

  it('fails when the core reads the clock', () => {
    expect(findOffences(withAddedLine('src/core/dates.ts', 'export const startedAt = Date.now();'))).toEqual(['src/core/dates.ts reads the environment or the clock']);
  });
});
