// The example inventory pointed at loopback deployments: its production and staging URLs replaced.

/** `exampleText` (credentials.yaml.example's text) with its production and staging deployments at the given URLs. */
export function exampleAtUrls(exampleText: string, urls: { readonly production: string; readonly staging: string }): string {
  return exampleText.replace('url: https://docs.example.com', `url: ${urls.production}`).replace('url: https://staging.docs.example.com', `url: ${urls.staging}`);
}
