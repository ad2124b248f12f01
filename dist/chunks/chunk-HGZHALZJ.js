import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  GitHubRequestError,
  createGitHubOctokit,
  splitRepository
} from "./chunk-HEOS5SV2.js";
import {
  openGitAppliedStateStore,
  wo
} from "./chunk-FEV2HVUF.js";
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

// src/adapters/github-pull-requests.ts
function statusOf(error) {
  const candidate = error;
  return typeof candidate.status === "number" && candidate.response !== void 0 ? candidate.status : void 0;
}
function messageOf(error) {
  const data = error.response?.data;
  const detail = (data?.errors ?? []).map((item) => item.message).filter(Boolean).join("; ");
  const message = typeof data?.message === "string" ? data.message : error instanceof Error ? error.message : String(error);
  return detail === "" ? message : `${message}: ${detail}`;
}
var GitHubRotationReview = class {
  constructor(octokit, repository) {
    this.octokit = octokit;
    [this.owner, this.repo] = splitRepository(repository);
  }
  octokit;
  owner;
  repo;
  async call(what, request) {
    try {
      return await request();
    } catch (error) {
      const status = statusOf(error);
      const message = messageOf(error);
      throw new GitHubRequestError(`GitHub: ${what} in ${this.owner}/${this.repo} failed (${status ?? "no answer"}: ${message})`, { ...status === void 0 ? {} : { status }, detail: message, cause: error });
    }
  }
  async findPullRequest(branch) {
    const pulls = await this.call(
      `listing pull requests from ${branch}`,
      () => this.octokit.rest.pulls.list({ owner: this.owner, repo: this.repo, head: `${this.owner}:${branch}`, state: "all", per_page: 100 })
    );
    const newest = [...pulls.data].sort((a, b) => b.number - a.number)[0];
    if (newest === void 0) return void 0;
    return { number: newest.number, url: newest.html_url, state: newest.merged_at ? "merged" : newest.state === "open" ? "open" : "closed" };
  }
  async openPullRequest(request) {
    const { data } = await this.call(
      `opening a pull request from ${request.branch}`,
      () => this.octokit.rest.pulls.create({ owner: this.owner, repo: this.repo, head: request.branch, base: request.base, title: request.title, body: request.body, request: { retries: 0 } })
    );
    return { number: data.number, url: data.html_url, state: "open" };
  }
  async closePullRequest(number, comment) {
    await this.call(`commenting on #${number}`, () => this.octokit.rest.issues.createComment({ owner: this.owner, repo: this.repo, issue_number: number, body: comment }));
    await this.call(`closing #${number}`, () => this.octokit.rest.pulls.update({ owner: this.owner, repo: this.repo, pull_number: number, state: "closed" }));
  }
  async openIssue(request) {
    const { data } = await this.call(
      "opening an issue",
      () => this.octokit.rest.issues.create({ owner: this.owner, repo: this.repo, title: request.title, body: request.body, labels: [...request.labels], request: { retries: 0 } })
    );
    return { number: data.number, url: data.html_url };
  }
};
function createGitHubRotationReview(options) {
  return new GitHubRotationReview(createGitHubOctokit(options), options.repository);
}

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

// src/wiring/rotation.ts
function createRotationDrivers(env, tuning = {}) {
  const cache = /* @__PURE__ */ new Map();
  return async (spec) => {
    const key = `${spec.driver}|${spec.region ?? ""}`;
    const known = cache.get(key);
    if (known) return known;
    let driver;
    switch (spec.driver) {
      case "aws-iam-access-key": {
        const { AwsIamAccessKeyDriver } = await import("./aws-iam-access-key-driver-U72BBI7P.js");
        const accessKeyId = env.AWS_ACCESS_KEY_ID;
        const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
        driver = new AwsIamAccessKeyDriver({
          endpoint: env.AWS_ENDPOINT_URL_IAM || env.AWS_ENDPOINT_URL || void 0,
          region: spec.region ?? (env.AWS_REGION || void 0),
          credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {} } : void 0,
          ...tuning.probeDelayMs === void 0 ? {} : { probeDelayMs: tuning.probeDelayMs }
        });
        break;
      }
      case "docuelevate-admin-password":
        driver = (await import("./generated-secret-driver-B72PI4BR.js")).createAdminPasswordDriver();
        break;
      case "generated-secret":
        driver = new (await import("./generated-secret-driver-B72PI4BR.js")).GeneratedSecretDriver();
        break;
    }
    cache.set(key, driver);
    return driver;
  };
}
function openRotationRepository(options) {
  return openRotationGit(options);
}
function gitHubRotationReview(options) {
  return createGitHubRotationReview(options);
}
function appliedStateReader(directory, env) {
  return async () => (await (await openGitAppliedStateStore({ directory, env })).load()).state;
}

export {
  createRotationDrivers,
  openRotationRepository,
  gitHubRotationReview,
  appliedStateReader
};
