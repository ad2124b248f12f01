import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  LOCAL_GIT,
  createGitProcess,
  gitFailure,
  openGitAppliedStateStore
} from "./chunk-JZLL5276.js";
import {
  O
} from "./chunk-P4FUDGKZ.js";
import {
  shortRefName
} from "./chunk-VKO2MAIP.js";
import {
  ExternalError,
  UsageError
} from "./chunk-KLADGNWY.js";

// src/adapters/git-repository.ts
import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
var DEFAULT_BRANCH_CANDIDATES = ["refs/remotes/origin/HEAD", "refs/heads/main", "refs/heads/master", "refs/remotes/origin/main", "refs/remotes/origin/master"];
var SHA_PATTERN = /^[0-9a-f]{7,64}$/i;
function rejectOption(revision) {
  if (revision.startsWith("-")) throw new UsageError(`\`${revision}\` is not a revision`);
}
var GitRepository = class _GitRepository {
  constructor(root, prefix, git) {
    this.root = root;
    this.prefix = prefix;
    this.git = git;
  }
  root;
  prefix;
  git;
  /**
   * Opens the repository containing `directory`.
   * @throws UsageError when it is not inside a git working tree; ExternalError when git cannot run.
   */
  static async open(directory, options = {}) {
    const createGit = (baseDir) => createGitProcess({ baseDir, policy: LOCAL_GIT, env: options.env });
    const git = createGit(directory);
    let lines;
    try {
      lines = (await git.raw(["rev-parse", "--show-toplevel", "--show-prefix"])).split("\n");
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/not a git repository|must be run in a work tree/i.test(message)) {
        throw new UsageError(`${directory} is not inside a git working tree: plan compares revisions, so run it in a clone`);
      }
      throw gitFailure(["rev-parse"], error);
    }
    const [root = "", prefix = ""] = lines;
    return new _GitRepository(root, prefix, createGit(root));
  }
  async run(args) {
    try {
      return await this.git.raw([...args]);
    } catch (error) {
      throw gitFailure(args, error);
    }
  }
  /** Runs a command whose failure means "no"; simple-git resolves with '' when git exits non-zero without output. */
  async succeeds(args) {
    try {
      const output = (await this.git.raw([...args])).trim();
      return output === "" ? void 0 : output;
    } catch (error) {
      if (error instanceof O) return void 0;
      throw gitFailure(args, error);
    }
  }
  async locateFile(file) {
    let inRepository;
    if (path.isAbsolute(file)) {
      const directory = await realpath(path.dirname(file)).catch(() => path.dirname(file));
      inRepository = path.relative(this.root, path.join(directory, path.basename(file))).split(path.sep).join("/");
    } else {
      inRepository = path.posix.normalize(`${this.prefix}${file.split(path.sep).join("/")}`);
    }
    if (inRepository === "" || inRepository === "." || inRepository.startsWith("../") || inRepository === ".." || path.isAbsolute(inRepository)) {
      throw new UsageError(`${file} is not a file inside the repository at ${this.root}`);
    }
    return inRepository;
  }
  /** Whether the clone has truncated history (`actions/checkout` fetches one commit by default). */
  async isShallow() {
    return (await this.run(["rev-parse", "--is-shallow-repository"])).trim() === "true";
  }
  /** Whether a commit is present in this clone (a shallow clone may lack the base). */
  async hasCommit(revision) {
    rejectOption(revision);
    return await this.succeeds(["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`]) !== void 0;
  }
  /**
   * Fetches one commit from `origin` into a shallow clone (the pull request's base, which `actions/checkout`
   * leaves out by default). Returns whether the commit is present afterwards; a clone without `origin` says no.
   */
  async fetchCommit(sha) {
    if (!SHA_PATTERN.test(sha)) throw new UsageError(`not a commit id: ${sha}`);
    if (await this.hasCommit(sha)) return true;
    if (await this.succeeds(["remote", "get-url", "origin"]) === void 0) return false;
    await this.succeeds(["fetch", "--no-tags", "--depth=1", "origin", sha]);
    return this.hasCommit(sha);
  }
  async resolveCommit(revision) {
    rejectOption(revision);
    const sha = await this.succeeds(["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`]);
    if (sha !== void 0) return sha;
    const shallow = await this.isShallow();
    if (SHA_PATTERN.test(revision)) {
      throw new UsageError(
        `commit ${revision} is not in this clone${shallow ? " (a shallow clone)" : ""}: fetch it with \`git fetch --no-tags --depth=1 origin ${revision}\`, or check out with \`fetch-depth: 0\` (actions/checkout)`
      );
    }
    throw new UsageError(
      `unknown revision \`${revision}\`${shallow ? " in this shallow clone: check out with `fetch-depth: 0` (actions/checkout), or fetch it (`git fetch origin <branch>`)" : ""}`
    );
  }
  async defaultBranch() {
    for (const ref of DEFAULT_BRANCH_CANDIDATES) {
      if (await this.succeeds(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]) === void 0) continue;
      if (ref !== "refs/remotes/origin/HEAD") return ref;
      return await this.succeeds(["symbolic-ref", "--quiet", ref]) ?? ref;
    }
    throw new ExternalError(
      "cannot find the default branch (origin/HEAD, main, master, origin/main or origin/master): pass --base, fetch the branch (`git fetch origin main`), or record it (`git remote set-head origin --auto`)"
    );
  }
  /** The branch HEAD is on (`main`), or undefined when HEAD is detached. */
  async currentBranch() {
    return this.succeeds(["symbolic-ref", "--quiet", "--short", "HEAD"]);
  }
  /** Whether commit `ancestor` is `descendant` or one of its ancestors; false when either is missing. */
  async isAncestor(ancestor, descendant) {
    rejectOption(ancestor);
    rejectOption(descendant);
    const [first, second] = [await this.succeeds(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ancestor}^{commit}`]), await this.succeeds(["rev-parse", "--verify", "--quiet", "--end-of-options", `${descendant}^{commit}`])];
    if (first === void 0 || second === void 0) return false;
    return await this.succeeds(["merge-base", first, second]) === first;
  }
  async mergeBase(a, b) {
    const [first, second] = [await this.resolveCommit(a), await this.resolveCommit(b)];
    const base = (await this.run(["merge-base", first, second])).trim();
    if (base !== "") return base;
    const names = `${shortRefName(a)} and ${shortRefName(b)}`;
    if (await this.isShallow()) {
      throw new ExternalError(
        `${names} have no common ancestor in this shallow clone: check out with \`fetch-depth: 0\` (actions/checkout), run \`git fetch --unshallow\`, or pass --base`
      );
    }
    throw new ExternalError(`${names} have no common ancestor: pass --base`);
  }
  async readFileAtRevision(revision, pathInRepository) {
    const commit = await this.resolveCommit(revision);
    const listing = await this.run(["ls-tree", "-z", "--full-tree", commit, "--", pathInRepository]);
    const entry = listing.split("\0").find((line) => line.endsWith(`	${pathInRepository}`));
    if (entry === void 0) return void 0;
    const [mode = "", type = "", object = ""] = entry.slice(0, entry.indexOf("	")).split(" ");
    if (type !== "blob" || mode === "120000") {
      throw new ExternalError(`${pathInRepository} at ${commit.slice(0, 7)} is a ${mode === "120000" ? "symbolic link" : type}, not a file`);
    }
    return this.run(["cat-file", "blob", object]);
  }
  async findRenamedFrom(base, head, pathInRepository) {
    rejectOption(base);
    if (head !== void 0) rejectOption(head);
    const listing = await this.run(["diff", "-z", "--name-status", "--find-renames", "--diff-filter=R", base, ...head === void 0 ? [] : [head], "--"]);
    const fields = listing.split("\0");
    for (let index = 0; index + 2 < fields.length; index += 1) {
      if (/^R\d*$/.test(fields[index] ?? "") && fields[index + 2] === pathInRepository) return fields[index + 1];
    }
    return void 0;
  }
  async readWorkingTreeFile(pathInRepository) {
    try {
      return await readFile(path.join(this.root, pathInRepository), "utf8");
    } catch (error) {
      const code = error.code;
      if (code === "ENOENT" || code === "ENOTDIR") return void 0;
      throw new ExternalError(`cannot read ${pathInRepository} in the working tree: ${code ?? error.message}`, { cause: error });
    }
  }
};
function openGitRepository(directory, options = {}) {
  return GitRepository.open(directory, options);
}

// src/adapters/git-scratch-repository.ts
import { mkdir } from "node:fs/promises";
async function createScratchRepository(options) {
  const identity = options.identity ?? { name: "credledger demo", email: "demo@credledger.invalid" };
  try {
    await mkdir(options.directory, { recursive: true });
  } catch (error) {
    throw new ExternalError(`cannot create ${options.directory}: ${error.code ?? error.message}`, { cause: error });
  }
  const git = createGitProcess({
    baseDir: options.directory,
    policy: LOCAL_GIT,
    env: options.env,
    config: [`user.name=${identity.name}`, `user.email=${identity.email}`, "commit.gpgsign=false", "core.autocrlf=false"]
  });
  await run(git, ["init", "--quiet", "--initial-branch", options.branch]);
  return {
    directory: options.directory,
    async commitAll(message) {
      await run(git, ["add", "--all"]);
      await run(git, ["commit", "--quiet", "--no-verify", "--message", message]);
      return (await run(git, ["rev-parse", "HEAD"])).trim();
    },
    async createBranch(name) {
      await run(git, ["switch", "--quiet", "--create", name]);
    },
    async switchBranch(name) {
      await run(git, ["switch", "--quiet", name]);
    },
    async mergeFastForward(name) {
      await run(git, ["merge", "--quiet", "--ff-only", name]);
    }
  };
}
async function run(git, args) {
  try {
    return await git.raw([...args]);
  } catch (error) {
    throw gitFailure(args, error);
  }
}

// src/wiring/git.ts
function openInventoryRevisions(directory, env) {
  return openGitRepository(directory, env === void 0 ? {} : { env });
}
function gitCheckout(env) {
  return (directory) => openGitRepository(directory, { env });
}
function gitStateStore(env) {
  return (options) => openGitAppliedStateStore({ ...options, env });
}
function createGitScratchRepository(options) {
  return createScratchRepository(options);
}

export {
  openInventoryRevisions,
  gitCheckout,
  gitStateStore,
  createGitScratchRepository
};
