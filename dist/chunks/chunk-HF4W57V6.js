import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  GitHubRequestError,
  createGitHubIssues,
  createGitHubOctokit,
  splitRepository
} from "./chunk-NDEZN3OE.js";

// src/adapters/github-environments.ts
var GitHubEnvironments = class {
  constructor(octokit, owner, repo) {
    this.octokit = octokit;
    this.owner = owner;
    this.repo = repo;
  }
  octokit;
  owner;
  repo;
  async countProtectionRules(name) {
    try {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/environments/{environment_name}", { owner: this.owner, repo: this.repo, environment_name: name });
      return (data.protection_rules ?? []).length;
    } catch (error) {
      throw GitHubRequestError.of(`reading environment ${name} of ${this.owner}/${this.repo}`, error);
    }
  }
};

// src/adapters/github-sticky-comment.ts
var ACTIONS_BOT_LOGIN = "github-actions[bot]";
function withMarker(body, marker) {
  return `${body.trimEnd()}

${marker}
`;
}
async function upsertStickyComment(octokit, target, body) {
  const fullBody = withMarker(body, target.marker);
  const author = target.authorLogin ?? ACTIONS_BOT_LOGIN;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  });
  const existing = comments.find((comment) => comment.user?.login === author && (comment.body ?? "").includes(target.marker));
  if (existing) {
    if (existing.body === fullBody) return { action: "unchanged", commentId: existing.id, url: existing.html_url };
    const { data: data2 } = await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body: fullBody });
    return { action: "updated", commentId: data2.id, url: data2.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body: fullBody, request: { retries: 0 } });
  return { action: "created", commentId: data.id, url: data.html_url };
}
var GitHubPullRequestComments = class {
  constructor(octokit, owner, repo) {
    this.octokit = octokit;
    this.owner = owner;
    this.repo = repo;
  }
  octokit;
  owner;
  repo;
  async upsert(pullRequest, marker, body) {
    try {
      const authorLogin = await this.octokit.rest.users.getAuthenticated().then((answer) => answer.data.login, () => void 0);
      const target = { owner: this.owner, repo: this.repo, issueNumber: pullRequest, marker, ...authorLogin ? { authorLogin } : {} };
      const { action, url } = await upsertStickyComment(this.octokit, target, body);
      return { action, url };
    } catch (error) {
      throw GitHubRequestError.of(`writing the comment on pull request #${pullRequest} of ${this.owner}/${this.repo}`, error);
    }
  }
};

// src/wiring/github.ts
function gitHubRotationIssues(options) {
  return createGitHubIssues(options);
}
function gitHubPullRequestComments(options) {
  const [owner, repo] = splitRepository(options.repository);
  return new GitHubPullRequestComments(createGitHubOctokit(options), owner, repo);
}
function gitHubEnvironments(options) {
  const [owner, repo] = splitRepository(options.repository);
  return new GitHubEnvironments(createGitHubOctokit(options), owner, repo);
}

export {
  gitHubRotationIssues,
  gitHubPullRequestComments,
  gitHubEnvironments
};
