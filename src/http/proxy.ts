import { NetworkError } from '../errors.js'

/** The proxy a request goes through, read from the runner's environment as curl and the runner read it. */
export interface ProxyRoute {
  /** http: or https:, with a host and a port. */
  readonly url: URL
  /** The environment variable it came from, for messages. */
  readonly variable: string
  /** `Basic ...` from the URL's credentials, percent-decoded once. */
  readonly authorization?: string
  /** The password in every form it could be printed in (as written, decoded, the Basic string): to be masked. */
  readonly secrets: readonly string[]
}

type Env = Readonly<Record<string, string | undefined>>

/**
 * The proxy for `target`, or undefined for a direct connection (no proxy set, a loopback host, or no_proxy).
 * A proxy setting that cannot be used fails here, naming the variable: falling back to a direct connection would
 * send the request where the runner's owner said it must not go.
 */
export function proxyFor(target: URL, env: Env): ProxyRoute | undefined {
  if (bypassesProxy(target, env)) return undefined
  const names = target.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY']
  const variable = names.find(name => env[name]?.trim())
  if (!variable) return undefined
  return parseProxy((env[variable] as string).trim(), variable)
}

/** Reads a proxy URL; a value without a scheme (proxy.corp:3128) means http://, as curl reads it. */
export function parseProxy(text: string, variable: string): ProxyRoute {
  const refuse = (why: string) => new NetworkError(`The proxy in ${variable} cannot be used: ${why}.`)
  const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`
  // The value is never quoted: it may hold a password.
  if (!URL.canParse(withScheme)) throw refuse('it is not a URL (the value is not shown, since it may hold a password)')
  const url = new URL(withScheme)
  // An unencoded / ? or # in a password ends the host early, and part of the password would be read as the host
  // (and printed as such): any @ must be in the credentials URL parsing found.
  const afterScheme = withScheme.slice(withScheme.indexOf('://') + 3)
  const authority = afterScheme.split(/[/?#]/)[0] ?? ''
  if (afterScheme.includes('@') && (!url.username || !authority.includes('@'))) {
    throw refuse('its user name or password holds a / ? or # that is not percent-encoded (write them as %2F %3F %23)')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refuse(
      `${url.protocol.slice(0, -1).slice(0, 20)}:// proxies are not supported; use an http:// or https:// proxy`
    )
  }
  if (!url.hostname) throw refuse('it names no host')
  if (!url.username) return { url, variable, secrets: [] }
  let credentials: string
  try {
    credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
  } catch {
    throw refuse('its user name or password is not valid percent-encoding (write % as %25)')
  }
  const basic = Buffer.from(credentials, 'utf8').toString('base64')
  const secrets = [url.password, decodeURIComponent(url.password), basic].filter(secret => secret.length > 0)
  return { url, variable, authorization: `Basic ${basic}`, secrets }
}

/** The runner's rules: loopback hosts never use the proxy; no_proxy lists hosts, domains (.example.com), or *. */
function bypassesProxy(target: URL, env: Env): boolean {
  const host = target.hostname.toLowerCase()
  if (host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]' || host === '[0:0:0:0:0:0:0:1]')
    return true
  const noProxy = env.no_proxy?.trim() || env.NO_PROXY?.trim() || ''
  const port = target.port || (target.protocol === 'https:' ? '443' : '80')
  const candidates = [host, `${host}:${port}`]
  return noProxy
    .split(',')
    .map(entry => entry.trim().toLowerCase())
    .filter(Boolean)
    .some(
      entry =>
        entry === '*' ||
        candidates.some(
          candidate => candidate === entry || candidate.endsWith(entry.startsWith('.') ? entry : `.${entry}`)
        )
    )
}
