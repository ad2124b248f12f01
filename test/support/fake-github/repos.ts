// What the Action asks about the repository and its token: deployment environments, and who the token is (GitHub
// refuses GET /user for an installation token).
import { type AddRoute, DOCS, errorBody } from './shared.js';
import type { World } from './world.js';

export function addRepositoryRoutes(w: World, route: AddRoute): void {
  const { options, owner, repo, serverUrl, json, notFound } = w;

  route('GET', '/user', `${DOCS}/users/users#get-the-authenticated-user`, () =>
    // An installation token (GITHUB_TOKEN) is not a user: GitHub refuses this endpoint for it.
    json(403, errorBody('Resource not accessible by integration', `${DOCS}/users/users#get-the-authenticated-user`, 403)),
  );


  const getEnvironmentDocs = `${DOCS}/deployments/environments#get-an-environment`;
  route('GET', '/repos/{owner}/{repo}/environments/{environment_name}', getEnvironmentDocs, (ctx) => {
    const name = decodeURIComponent(ctx.params['environment_name'] ?? '');
    const rules = options.environments?.[name];
    if (rules === undefined) return notFound(getEnvironmentDocs);
    return json(200, {
      id: 1,
      node_id: 'EN_fake',
      name,
      url: `${serverUrl}/api/v3/repos/${owner}/${repo}/environments/${encodeURIComponent(name)}`,
      html_url: `${serverUrl}/${owner}/${repo}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      protection_rules: rules.map((type, index) => ({ id: index + 1, node_id: `GA_fake${index}`, type, ...(type === 'wait_timer' ? { wait_timer: 5 } : {}) })),
      deployment_branch_policy: rules.includes('branch_policy') ? { protected_branches: true, custom_branch_policies: false } : null,
    });
  });

}
