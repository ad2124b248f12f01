// What every part of the fake GitHub shares: GitHub's limits, the reply and request shapes, and small pure helpers.
import type { IssueRecord } from './types.js';

export const DOCS = 'https://docs.github.com/rest';
export const MAX_BODY_CHARS = 65536;
export const MAX_TITLE_CHARS = 256;
export const MAX_ASSIGNEES = 10;
/** github-actions[bot]'s real user id, so fixtures that compare ids keep working. */
export const GITHUB_ACTIONS_BOT_ID = 41898282;

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RequestContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  path: string;
}

export interface SearchSnapshot {
  at: number;
  issue: IssueRecord;
  commentText: string;
}

export function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function toMillis(value: Date | number | string): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return Date.parse(value);
}

/** GitHub counts characters (code points), not UTF-16 units. */
export function countChars(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function errorBody(message: string, docs: string, status: number, errors?: unknown[]): Record<string, unknown> {
  const body: Record<string, unknown> = { message };
  if (errors) body['errors'] = errors;
  body['documentation_url'] = docs;
  body['status'] = String(status);
  return body;
}

export function parseLabelList(value: unknown): string[] | null {
  // GitHub accepts `["a"]`, `[{"name":"a"}]` and `{"labels": [...]}` on the label endpoints.
  const list = isRecord(value) ? value['labels'] : value;
  if (!Array.isArray(list)) return null;
  const names: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') names.push(item);
    else if (isRecord(item) && typeof item['name'] === 'string') names.push(item['name']);
    else return null;
  }
  return names;
}


/** The message GitHub sends with a secondary rate limit (the throttling plugin matches "secondary rate"). */
export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
  'If you reach out to GitHub Support for help, please include the request ID FAKE:0000:0000000:0000000:00000000.';

/** A route handler as each concern's module registers it; `template` is Octokit's notation without the method. */
export type AddRoute = (method: string, template: string, docs: string, handle: (ctx: RequestContext) => Reply) => void;
