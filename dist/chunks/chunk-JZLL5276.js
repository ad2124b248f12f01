import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  wo
} from "./chunk-P4FUDGKZ.js";
import {
  APPLIED_STATE_FILE,
  DEFAULT_STATE_REF,
  EMPTY_APPLIED_STATE,
  LOCK_LIFETIME_MS,
  deploymentsChangedBetween,
  describeHeldLock,
  lockHasLapsed,
  parseAppliedState,
  serializeAppliedState,
  withDeploymentsFrom,
  withLocks
} from "./chunk-45NTUV52.js";
import {
  AppliedStateConflictError,
  ExternalError,
  UsageError
} from "./chunk-KLADGNWY.js";

// src/adapters/applied-state-store.ts
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import path from "node:path";

// src/adapters/git-process.ts
var LOCAL_GIT = { passed: ["GIT_CONFIG_NOSYSTEM"], inherited: ["GIT_CONFIG_NOSYSTEM", "GIT_CONFIG_GLOBAL"], noPrompt: false };
var REMOTE_GIT = {
  passed: ["GIT_CONFIG_NOSYSTEM", "GIT_TERMINAL_PROMPT", "GIT_SSL_CAINFO", "GIT_SSL_CAPATH"],
  inherited: ["GIT_CONFIG_NOSYSTEM", "GIT_TERMINAL_PROMPT", "GIT_SSL_CAINFO", "GIT_SSL_CAPATH"],
  noPrompt: true
};
var WITHHELD_VARIABLES = /* @__PURE__ */ new Set(["editor", "visual", "pager", "prefix", "ssh_askpass"]);
function selectGitEnvironment(env, policy) {
  const passed = new Set(policy.passed.map((name) => name.toLowerCase()));
  const result = {};
  for (const [name, value] of Object.entries(env)) {
    const lower = name.toLowerCase();
    if (value === void 0 || WITHHELD_VARIABLES.has(lower) || lower.startsWith("git_") && !passed.has(lower)) continue;
    result[name] = value;
  }
  if (policy.noPrompt) result.GIT_TERMINAL_PROMPT = "0";
  return result;
}
function createGitProcess(options) {
  const settings = {
    baseDir: options.baseDir,
    allowEnvironment: [...options.env === void 0 ? options.policy.inherited : options.policy.passed],
    ...options.config === void 0 ? {} : { config: [...options.config] },
    ...options.stdin === void 0 ? {} : { input: () => options.stdin }
  };
  const git = wo(settings);
  return options.env === void 0 ? git : git.env(selectGitEnvironment(options.env, options.policy));
}
function firstGitLine(text) {
  return text.trim().split("\n")[0]?.replace(/^(fatal|error): /, "") ?? "";
}
function gitFailure(args, error) {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOENT/.test(message) && /spawn/.test(message)) return new ExternalError("git is not installed or not on PATH", { cause: error });
  return new ExternalError(`git ${args[0] ?? ""} failed: ${firstGitLine(message)}`, { detail: message, cause: error });
}

// src/adapters/applied-state-store.ts
var LOCAL_PROCESS = {
  host: hostname(),
  pid: process.pid,
  isRunning(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return error.code === "EPERM";
    }
  }
};
var CLAIM_TRAILER = "Credledger-Claim";
function isLockLive(lock, now = Date.now(), probe = LOCAL_PROCESS) {
  if (lockHasLapsed(lock, now)) return false;
  if (lock.host !== probe.host || lock.pid === probe.pid) return true;
  return probe.isRunning(lock.pid);
}
var MAX_REPLAYS = 5;
var STATE_COMMIT_IDENTITY = ["user.name=credledger", "user.email=credledger@users.noreply.invalid"];
async function openGitAppliedStateStore(options) {
  const ref = options.ref ?? DEFAULT_STATE_REF;
  const env = selectGitEnvironment(options.env ?? process.env, REMOTE_GIT);
  const git = createGit(options.directory, env);
  let root;
  try {
    root = (await git.raw(["rev-parse", "--show-toplevel"])).trim();
  } catch {
    throw new UsageError(`apply keeps its applied state in the inventory's git repository, and ${path.resolve(options.directory)} is not in one`);
  }
  if (!ref.startsWith("refs/") || !await isValidRefName(git, ref)) {
    throw new UsageError(`--state-ref must be a full ref name such as ${DEFAULT_STATE_REF} (got ${ref})`);
  }
  let remote = options.remote;
  if (remote === void 0) {
    const remotes = (await runGit(git, ["remote"], "list remotes")).split("\n").map((line) => line.trim());
    remote = remotes.includes("origin") ? "origin" : null;
  }
  return new GitAppliedStateStore(root, env, ref, remote, options.clock ?? Date.now, options.processProbe ?? LOCAL_PROCESS);
}
var GitAppliedStateStore = class {
  constructor(root, env, ref, remote, clock, probe) {
    this.root = root;
    this.env = env;
    this.ref = ref;
    this.remote = remote;
    this.clock = clock;
    this.probe = probe;
    this.git = createGit(root, env);
  }
  root;
  env;
  ref;
  remote;
  clock;
  probe;
  git;
  current = { state: EMPTY_APPLIED_STATE, revision: null };
  /** What the remote held when this run last looked or pushed. */
  remoteRevision = null;
  queue = Promise.resolve();
  /** This run's id in the locks it takes. */
  run = randomBytes(6).toString("hex");
  conflict;
  /** The deployments this run claimed; undefined before a claim, or for a claim of everything. */
  scope;
  load() {
    return this.serialise(async () => {
      if (this.remote !== null) {
        this.remoteRevision = await this.readRemoteRevision();
        if (this.remoteRevision !== null) {
          await runGit(this.git, ["fetch", "--no-tags", "--quiet", this.remote, `+${this.ref}:${this.ref}`], `fetch ${this.ref} from ${this.remote}`);
        }
      }
      const revision = await this.readLocalRevision();
      const state = revision === null ? EMPTY_APPLIED_STATE : await this.readState(revision);
      this.current = { state, revision };
      return this.current;
    });
  }
  async inventoryCommit() {
    try {
      return (await this.git.raw(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])).trim() || null;
    } catch {
      return null;
    }
  }
  async inventoryCommitTime() {
    try {
      const seconds = Number((await this.git.raw(["log", "-1", "--format=%ct", "HEAD"])).trim());
      return Number.isInteger(seconds) && seconds > 0 ? seconds : null;
    } catch {
      return null;
    }
  }
  async descendsFromInventoryCommit(commit) {
    if (!/^[0-9a-f]{40,64}$/.test(commit)) return void 0;
    try {
      const known = (await this.git.raw(["cat-file", "-t", commit]).catch(() => "")).trim() === "commit";
      if (!known) return void 0;
      const head = (await this.git.raw(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])).trim();
      const base = (await this.git.raw(["merge-base", head, commit])).trim();
      return base === head;
    } catch {
      return void 0;
    }
  }
  async hasUncommittedChanges(file) {
    try {
      return (await this.git.raw(["status", "--porcelain", "--", path.resolve(file)])).trim() !== "";
    } catch {
      return false;
    }
  }
  claim(message, scope) {
    return this.serialise(async () => {
      this.scope = scope === void 0 ? void 0 : new Set(scope);
      const held = (scope ?? []).map((deployment) => [deployment, this.current.state.locks?.get(deployment)]).find(([, lock]) => lock !== void 0 && isLockLive(lock, this.clock(), this.probe));
      if (held !== void 0) {
        const [deployment, lock] = held;
        this.conflict = new AppliedStateConflictError(
          `${describeHeldLock(deployment, lock)}: apply again once it has finished`,
          this.current.revision,
          this.current.revision
        );
        throw this.conflict;
      }
      const trailer = scope === void 0 ? "" : `
${CLAIM_TRAILER}: ${[...scope].sort().join(",")}`;
      const locked = scope === void 0 ? this.current.state : withLocks(this.current.state, scope, this.newLock());
      await this.commitAndSwap(locked, `${message}

claim ${randomBytes(8).toString("hex")}${trailer}`);
      await this.push();
    });
  }
  release(message) {
    return this.serialise(async () => {
      if (this.scope !== void 0 && [...this.scope].some((deployment) => this.current.state.locks?.get(deployment)?.run === this.run)) {
        await this.commitAndSwap(withLocks(this.current.state, [...this.scope], void 0), message);
      }
      await this.push();
    });
  }
  newLock() {
    const now = this.clock();
    return { run: this.run, host: this.probe.host, pid: this.probe.pid, since: new Date(now).toISOString(), until: new Date(now + LOCK_LIFETIME_MS).toISOString() };
  }
  record(change, message) {
    return this.serialise(() => this.commitAndSwap(change(this.current.state), message));
  }
  publish() {
    return this.serialise(() => this.push());
  }
  revision() {
    return this.current.revision;
  }
  published() {
    return this.remote === null || this.remoteRevision === this.current.revision;
  }
  /** Runs state changes one at a time, in call order; after a conflict every later change fails with it. */
  serialise(work) {
    const run = this.queue.then(() => {
      if (this.conflict !== void 0) throw this.conflict;
      return work();
    });
    this.queue = run.catch(() => void 0);
    return run;
  }
  /** Writes a commit whose tree holds the state as applied.json, without touching any ref. */
  async writeStateCommit(state, parent, message) {
    const blob = (await runGit(createGit(this.root, this.env, serializeAppliedState(state)), ["hash-object", "-w", "--stdin"], "store applied.json")).trim();
    const tree = (await runGit(createGit(this.root, this.env, `100644 blob ${blob}	${APPLIED_STATE_FILE}
`), ["mktree"], "store the state tree")).trim();
    return (await runGit(this.git, ["commit-tree", tree, ...parent === null ? [] : ["-p", parent], "-m", message], "commit the applied state")).trim();
  }
  async commitAndSwap(state, message) {
    const parent = this.current.revision;
    const commit = await this.writeStateCommit(state, parent, message);
    try {
      await this.git.raw(["update-ref", "-m", message, this.ref, commit, parent ?? ""]);
    } catch (error) {
      const actual = await this.readLocalRevision();
      if (actual !== parent && actual !== null && await this.othersLeftScopeAlone(actual, parent)) {
        this.current = { state: withDeploymentsFrom(await this.readState(actual), this.current.state, this.scope ?? /* @__PURE__ */ new Set()), revision: actual };
        const replayed = this.scope === void 0 ? state : withDeploymentsFrom(this.current.state, state, this.scope);
        return this.commitAndSwap(replayed, message);
      }
      if (actual !== parent) {
        this.conflict = new AppliedStateConflictError(
          `${this.ref} moved from ${short(parent)} to ${short(actual)} while this apply ran: another apply is writing the same state; this run stopped (apply again once it has finished)`,
          parent,
          actual
        );
        throw this.conflict;
      }
      throw new ExternalError(`cannot update ${this.ref}: ${gitMessage(error)}`, { cause: error });
    }
    this.current = { state, revision: commit };
  }
  async push(attempt = 1) {
    if (this.remote === null || this.current.revision === this.remoteRevision || this.current.revision === null) return;
    const lease = `--force-with-lease=${this.ref}:${this.remoteRevision ?? ""}`;
    try {
      await this.git.raw(["push", "--quiet", "--no-verify", lease, this.remote, `${this.current.revision}:${this.ref}`]);
    } catch (error) {
      const message = gitMessage(error);
      const theirs = /stale info|\(fetch first\)|non-fast-forward|rejected/i.test(message) ? await this.readRemoteRevision().catch(() => this.remoteRevision) : this.remoteRevision;
      if (theirs !== this.remoteRevision) {
        if (theirs !== null && attempt <= MAX_REPLAYS && await this.replayOntoRemote(theirs)) return this.push(attempt + 1);
        this.conflict = new AppliedStateConflictError(
          `${this.ref} on ${this.remote} moved from ${short(this.remoteRevision)} to ${short(theirs)}: another apply recorded its state first; this run stopped (apply again to reconcile)`,
          this.remoteRevision,
          theirs
        );
        throw this.conflict;
      }
      throw new ExternalError(`cannot push ${this.ref} to ${this.remote}: ${message}`, { cause: error });
    }
    this.remoteRevision = this.current.revision;
  }
  /**
   * Whether every commit that `theirs` has and this run's base does not came from applies to other
   * deployments: claims that name none of ours, and records that change none of ours.
   */
  async othersLeftScopeAlone(theirs, base) {
    if (this.scope === void 0) return false;
    const range = base === null ? [theirs] : [theirs, "--not", base];
    const commits = (await runGit(this.git, ["rev-list", "--reverse", ...range], "list the commits of other applies")).split("\n").filter(Boolean);
    for (const commit of commits) {
      const body = await runGit(this.git, ["log", "-1", "--format=%B", commit], "read a state commit");
      const claim = new RegExp(`^${CLAIM_TRAILER}: (.*)$`, "m").exec(body);
      if (/^claim [0-9a-f]{16}$/m.test(body) && claim === null) return false;
      const claimed = claim?.[1]?.split(",").filter(Boolean) ?? [];
      if (claimed.some((deployment) => this.scope?.has(deployment))) return false;
      const parent = (await runGit(this.git, ["rev-list", "--parents", "-n", "1", commit], "read a state commit")).trim().split(" ")[1];
      const before = parent === void 0 ? EMPTY_APPLIED_STATE : await this.readState(parent);
      const changed = deploymentsChangedBetween(before, await this.readState(commit));
      if ([...changed].some((deployment) => this.scope?.has(deployment))) return false;
    }
    return true;
  }
  /**
   * After a refused push: fetches what the remote now holds and, when only other deployments moved, replays
   * this run's deployments onto it as one new commit. Returns false when the runs really collide.
   */
  async replayOntoRemote(theirs) {
    const remote = this.remote;
    await runGit(this.git, ["fetch", "--no-tags", "--quiet", remote, this.ref], `fetch ${this.ref} from ${remote}`);
    if (!await this.othersLeftScopeAlone(theirs, this.remoteRevision)) return false;
    const merged = withDeploymentsFrom(await this.readState(theirs), this.current.state, this.scope ?? /* @__PURE__ */ new Set());
    const scope = [...this.scope ?? []].sort().join(",");
    const commit = await this.writeStateCommit(merged, theirs, `credledger apply: ${scope} replayed onto ${short(theirs)}

claim ${randomBytes(8).toString("hex")}
${CLAIM_TRAILER}: ${scope}`);
    await runGit(this.git, ["update-ref", "-m", "credledger apply: replay", this.ref, commit, this.current.revision ?? ""], `update ${this.ref}`);
    this.current = { state: merged, revision: commit };
    this.remoteRevision = theirs;
    return true;
  }
  async readRemoteRevision() {
    const remote = this.remote;
    const listing = await runGit(this.git, ["ls-remote", remote, this.ref], `read ${this.ref} on ${remote}`);
    for (const line of listing.split("\n")) {
      const [sha, name] = line.trim().split(/\s+/);
      if (name === this.ref && sha !== void 0) return sha;
    }
    return null;
  }
  async readLocalRevision() {
    const listing = await runGit(this.git, ["for-each-ref", "--format=%(objectname)", this.ref], `read ${this.ref}`);
    return listing.trim() || null;
  }
  async readState(revision) {
    const text = await runGit(this.git, ["cat-file", "blob", `${revision}:${APPLIED_STATE_FILE}`], `read ${APPLIED_STATE_FILE} at ${short(revision)}`);
    try {
      return parseAppliedState(text);
    } catch (error) {
      throw new ExternalError(`${this.ref} (${short(revision)}): ${error.message}`, { cause: error });
    }
  }
};
function createGit(baseDir, env, stdin) {
  return createGitProcess({ baseDir, policy: REMOTE_GIT, env, config: STATE_COMMIT_IDENTITY, ...stdin === void 0 ? {} : { stdin } });
}
async function isValidRefName(git, ref) {
  try {
    return (await git.raw(["check-ref-format", "--normalize", ref])).trim() === ref;
  } catch {
    return false;
  }
}
async function runGit(git, args, what) {
  try {
    return await git.raw(args);
  } catch (error) {
    throw new ExternalError(`git could not ${what}: ${gitMessage(error)}`, { cause: error });
  }
}
function gitMessage(error) {
  return (error instanceof Error ? error.message : String(error)).trim().split("\n").slice(0, 6).join(" / ");
}
function short(sha) {
  return sha === null ? "nothing" : sha.slice(0, 12);
}

export {
  LOCAL_GIT,
  createGitProcess,
  gitFailure,
  LOCAL_PROCESS,
  isLockLive,
  openGitAppliedStateStore
};
