// What a deployment URL may show of itself, and the secrets it should never have held (a user name and password).

/**
 * A deployment URL as reports and messages show it: without a user name or password, should the inventory hold one
 * (validate refuses that, and apply and audit refuse to use such a URL, but they still name the deployment).
 */
export function displayDeploymentUrl(url: string): string {
  return url.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#]*@/, '$1[redacted]@');
}

/** The user name and password a deployment URL carries (percent-decoded too), for the run's redaction; none usually. */
export function credentialsInUrl(url: string): string[] {
  const userinfo = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)@/.exec(url)?.[1];
  if (userinfo === undefined) return [];
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const [user = '', ...rest] = userinfo.split(':');
  const password = rest.join(':');
  return [userinfo, password, decode(password), decode(userinfo)].filter((part) => part !== '' && part !== user);
}
