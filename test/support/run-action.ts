// Starts dist/index.js the way the Actions runner does: INPUT_* variables, GITHUB_* context, file commands.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from './paths.js';

export interface ActionRunOptions {
  /** `with:` inputs by their action.yml names; defaults from action.yml fill the rest, as the runner does. */
  readonly inputs?: Record<string, string>;
  readonly eventName: string;
  readonly eventPayload: unknown;
  readonly workspace: string;
  readonly repository: string;
  readonly sha: string;
  readonly ref: string;
  readonly apiUrl: string;
  readonly env?: Record<string, string>;
  /** Node binary; defaults to this process's (Node 20). The runner uses Node 24. */
  readonly node?: readonly string[];
}

export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  /** Workflow commands printed (`::error …::msg`, `::add-mask::…`). */
  readonly commands: { readonly name: string; readonly properties: Record<string, string>; readonly message: string }[];
}

interface ActionMetadata {
  inputs: Record<string, { default?: string }>;
}

/** The runner's input variable name: spaces become `_`, uppercased, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Parses the `name<<delimiter` file-command format the toolkit writes to GITHUB_OUTPUT. */
export function parseFileCommand(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      for (index += 1; index < lines.length && lines[index] !== delimiter; index += 1) value.push(lines[index] ?? '');
      result[name] = value.join('\n');
    } else if (line.includes('=')) {
      result[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return result;
}

function parseWorkflowCommands(stdout: string): ActionRun['commands'] {
  const unescape = (text: string) => text.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  return stdout
    .split('\n')
    .map((line) => /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line.trimStart()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({
      name: match[1] ?? '',
      properties: Object.fromEntries(
        (match[2] ?? '')
          .split(',')
          .filter((pair) => pair.includes('='))
          .map((pair) => [pair.slice(0, pair.indexOf('=')), unescape(pair.slice(pair.indexOf('=') + 1))]),
      ),
      message: unescape(match[3] ?? ''),
    }));
}

/** Runs the bundled action once, like a runner step, and collects what the runner would read back. */
export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const runnerTemp = await mkdtemp(path.join(tmpdir(), 'credledger-runner-'));
  const commandsDir = path.join(runnerTemp, '_runner_file_commands');
  const workflowDir = path.join(runnerTemp, '_github_workflow');
  mkdirSync(commandsDir, { recursive: true });
  mkdirSync(workflowDir, { recursive: true });
  const files = Object.fromEntries(['set_output', 'save_state', 'set_env', 'add_path', 'step_summary'].map((prefix) => [prefix, path.join(commandsDir, `${prefix}_0001`)]));
  for (const file of Object.values(files)) writeFileSync(file, '');
  const eventPath = path.join(workflowDir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.eventPayload));

  const metadata = parseYaml(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionMetadata;
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(metadata.inputs)) {
    const fallback = spec.default ?? '';
    inputs[inputVariable(name)] = fallback === '${{ github.token }}' ? 'ghs_runner_token' : fallback;
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) inputs[inputVariable(name)] = value;

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: options.env?.HOME ?? process.env.HOME ?? '',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_REPOSITORY_OWNER: options.repository.split('/')[0] ?? '',
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_RUN_ID: '1234567890',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'alice',
    GITHUB_WORKFLOW: 'credledger',
    GITHUB_JOB: 'credentials',
    GITHUB_OUTPUT: files.set_output!,
    GITHUB_STATE: files.save_state!,
    GITHUB_ENV: files.set_env!,
    GITHUB_PATH: files.add_path!,
    GITHUB_STEP_SUMMARY: files.step_summary!,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...inputs,
    ...options.env,
  };
  const [nodeBinary, ...nodeArgs] = options.node ?? [process.execPath];
  const child = spawn(nodeBinary!, [...nodeArgs, path.join(REPO_ROOT, 'dist/index.js')], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseFileCommand(readFileSync(files.set_output!, 'utf8')),
    summary: readFileSync(files.step_summary!, 'utf8'),
    commands: parseWorkflowCommands(stdout),
  };
}
