import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  wo
} from "./chunk-P4FUDGKZ.js";
import {
  DEFAULT_ROTATION_REF,
  EMPTY_ROTATION_STATE,
  ROTATION_STATE_FILE,
  parseRotationState,
  serializeRotationState
} from "./chunk-FNVTWHAF.js";
import {
  ExternalError,
  UsageError
} from "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

// src/adapters/rotation-git.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
var IDENTITY = ["user.name=credledger", "user.email=credledger@users.noreply.invalid", "commit.gpgsign=false", "core.autocrlf=false"];
var PASSED_GIT_VARIABLES = ["GIT_CONFIG_NOSYSTEM", "GIT_TERMINAL_PROMPT", "GIT_SSL_CAINFO", "GIT_SSL_CAPATH"];
var WITHHELD_VARIABLES = /* @__PURE__ */ new Set(["editor", "visual", "pager", "prefix", "ssh_askpass"]);
function gitEnvironment(env) {
  const passed = new Set(PASSED_GIT_VARIABLES.map((name) => name.toLowerCase()));
  const result = {};
  for (const [name, value] of Object.entries(env)) {
    const lower = name.toLowerCase();
    if (value === void 0 || WITHHELD_VARIABLES.has(lower) || lower.startsWith("git_") && !passed.has(lower)) continue;
    result[name] = value;
  }
  result.GIT_TERMINAL_PROMPT = "0";
  return result;
}
function createGit(baseDir, env, stdin) {
  const options = {
    baseDir,
    config: IDENTITY,
    allowEnvironment: PASSED_GIT_VARIABLES,
    ...stdin === void 0 ? {} : { input: () => stdin }
  };
  return wo(options).env(env);
}
async function runGit(git, args, what) {
  try {
    return await git.raw(args);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).trim().split("\n").slice(0, 4).join(" / ");
    throw new ExternalError(`git could not ${what}: ${message}`, { cause: error });
  }
}
async function openRotationGit(options) {
  const env = gitEnvironment(options.env);
  const directory = path.dirname(path.resolve(options.file));
  const probe = createGit(directory, env);
  let root;
  try {
    root = (await probe.raw(["rev-parse", "--show-toplevel"])).trim();
  } catch (error) {
    if (!/not a git repository/i.test(String(error))) throw new ExternalError(`git cannot run in ${directory}: ${String(error).split("\n")[0] ?? ""}`, { cause: error });
    throw new UsageError(`rotate commits to a branch and opens a pull request, so the inventory must be in a git clone (${directory} is not)`);
  }
  const remote = options.remote ?? "origin";
  const git = createGit(root, env);
  const remotes = (await runGit(git, ["remote"], "list remotes")).split("\n").map((line) => line.trim());
  if (!remotes.includes(remote)) throw new UsageError(`rotate pushes a branch for the pull request, and the repository at ${root} has no remote \`${remote}\``);
  const file = path.relative(root, path.join(await realDirectory(directory), path.basename(options.file))).split(path.sep).join("/");
  return new GitRotationRepository(root, env, git, remote, file, options.ref ?? DEFAULT_ROTATION_REF);
}
async function realDirectory(directory) {
  const { realpath } = await import("node:fs/promises");
  return realpath(directory).catch(() => directory);
}
var GitRotationRepository = class {
  constructor(root, env, git, remote, file, ref) {
    this.root = root;
    this.env = env;
    this.git = git;
    this.remote = remote;
    this.file = file;
    this.ref = ref;
  }
  root;
  env;
  git;
  remote;
  file;
  ref;
  loadedRevision = null;
  async remoteRef(ref) {
    const line = (await runGit(this.git, ["ls-remote", this.remote, ref], `ask ${this.remote} for ${ref}`)).trim().split("\n")[0] ?? "";
    const sha = line.split("	")[0] ?? "";
    return /^[0-9a-f]{40,64}$/.test(sha) ? sha : null;
  }
  async defaultBranch() {
    const answer = await runGit(this.git, ["ls-remote", "--symref", this.remote, "HEAD"], `ask ${this.remote} for its default branch`);
    const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(answer);
    if (match?.[1]) return match[1];
    throw new ExternalError(`cannot tell the default branch of ${this.remote}`);
  }
  async readRemoteBranchFile(branch) {
    const sha = await this.remoteRef(`refs/heads/${branch}`);
    if (sha === null) return void 0;
    const tracking = `refs/remotes/${this.remote}/${branch}`;
    await runGit(this.git, ["fetch", "--no-tags", "--quiet", this.remote, `+refs/heads/${branch}:${tracking}`], `fetch ${branch}`);
    const listing = await runGit(this.git, ["ls-tree", "--full-tree", tracking, "--", this.file], `list ${this.file} on ${branch}`);
    if (listing.trim() === "") return void 0;
    return runGit(this.git, ["cat-file", "blob", `${tracking}:${this.file}`], `read ${this.file} on ${branch}`);
  }
  async commitBranch(branch, base, text, message) {
    const baseRef = `refs/remotes/${this.remote}/${base}`;
    await runGit(this.git, ["fetch", "--no-tags", "--quiet", this.remote, `+refs/heads/${base}:${baseRef}`], `fetch ${base}`);
    const scratch = await mkdtemp(path.join(tmpdir(), "credledger-rotate-"));
    const worktree = path.join(scratch, "tree");
    try {
      await runGit(this.git, ["worktree", "add", "--quiet", "--detach", worktree, baseRef], "make a worktree for the rotation branch");
      const tree = createGit(worktree, this.env);
      await writeFile(path.join(worktree, this.file), text);
      await runGit(tree, ["add", "--", this.file], "stage the inventory");
      await runGit(tree, ["commit", "--quiet", "--no-verify", "--message", message], "commit the rotation");
      const commit = (await runGit(tree, ["rev-parse", "HEAD"], "read the commit")).trim();
      await runGit(tree, ["push", "--quiet", "--no-verify", "--force", this.remote, `${commit}:refs/heads/${branch}`], `push ${branch}`);
      return commit;
    } finally {
      await runGit(this.git, ["worktree", "remove", "--force", worktree], "remove the rotation worktree").catch(() => void 0);
      await rm(scratch, { recursive: true, force: true });
      await this.git.raw(["worktree", "prune"]).catch(() => void 0);
    }
  }
  async remoteBranchCommit(branch) {
    return await this.remoteRef(`refs/heads/${branch}`) ?? void 0;
  }
  async commitIntroducing(base, text) {
    const tracking = `refs/remotes/${this.remote}/${base}`;
    await runGit(this.git, ["fetch", "--no-tags", "--quiet", this.remote, `+refs/heads/${base}:${tracking}`], `fetch ${base}`);
    const log = await runGit(this.git, ["log", "--format=%H", "--reverse", `-S${text}`, tracking, "--", this.file], `search ${base} for the rotation`);
    return log.trim().split("\n")[0] || void 0;
  }
  async isAncestor(ancestor, descendant) {
    try {
      return (await this.git.raw(["merge-base", ancestor, descendant])).trim() === (await this.git.raw(["rev-parse", "--verify", `${ancestor}^{commit}`])).trim();
    } catch {
      return false;
    }
  }
  async deleteRemoteBranch(branch) {
    if (await this.remoteRef(`refs/heads/${branch}`) === null) return;
    await runGit(this.git, ["push", "--quiet", "--no-verify", this.remote, `:refs/heads/${branch}`], `delete ${branch} on ${this.remote}`);
  }
  async loadState() {
    const remoteSha = await this.remoteRef(this.ref);
    this.loadedRevision = remoteSha;
    if (remoteSha === null) return EMPTY_ROTATION_STATE;
    await runGit(this.git, ["fetch", "--no-tags", "--quiet", this.remote, `+${this.ref}:${this.ref}`], `fetch ${this.ref}`);
    const text = await runGit(this.git, ["cat-file", "blob", `${remoteSha}:${ROTATION_STATE_FILE}`], `read ${ROTATION_STATE_FILE}`);
    try {
      return parseRotationState(text);
    } catch (error) {
      throw new ExternalError(`${this.ref} (${remoteSha.slice(0, 12)}): ${error.message}`, { cause: error });
    }
  }
  async saveState(state, message) {
    const parent = this.loadedRevision;
    const blob = (await runGit(createGit(this.root, this.env, serializeRotationState(state)), ["hash-object", "-w", "--stdin"], `store ${ROTATION_STATE_FILE}`)).trim();
    const tree = (await runGit(createGit(this.root, this.env, `100644 blob ${blob}	${ROTATION_STATE_FILE}
`), ["mktree"], "store the state tree")).trim();
    const commit = (await runGit(this.git, ["commit-tree", tree, ...parent === null ? [] : ["-p", parent], "-m", message], "commit the rotation state")).trim();
    const lease = `--force-with-lease=${this.ref}:${parent ?? ""}`;
    try {
      await this.git.raw(["push", "--quiet", "--no-verify", lease, this.remote, `${commit}:${this.ref}`]);
    } catch (error) {
      throw new ExternalError(`another run moved ${this.ref} on ${this.remote} meanwhile: run rotate again (${error.message.trim().split("\n")[0] ?? ""})`, { cause: error });
    }
    await runGit(this.git, ["update-ref", this.ref, commit], `update ${this.ref}`);
    this.loadedRevision = commit;
  }
};
export {
  openRotationGit
};
