import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  GitHubRequestError,
  createGitHubOctokit,
  splitRepository
} from "./chunk-NDEZN3OE.js";
import "./chunk-TXXNWB4O.js";
import "./chunk-ASM7YXIQ.js";
import "./chunk-XHVHMUK4.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-X75H72PA.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";

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
export {
  GitHubRotationReview,
  createGitHubRotationReview
};
