import * as z from 'zod/mini'

// Schemas for single inputs, as raw text in. Every message completes "Input 'name' ..." and quotes the value back
// only for inputs that cannot hold a secret, cut short.

export const quote = (value: unknown) => `'${String(value).slice(0, 40)}'`

const trimmed = z.string().check(z.trim())
const lowerCased = z.string().check(z.trim(), z.toLowerCase())

export const oneOf = (values: readonly string[]) =>
  z.pipe(
    lowerCased,
    z.enum(values as [string, ...string[]], {
      error: issue => `must be one of: ${values.join(', ')} (got ${quote(issue.input)}).`
    })
  )

// The runner's YAML 1.2 booleans, as @actions/core's getBooleanInput accepts them.
export const booleanText = z.pipe(
  trimmed,
  z.pipe(
    z.enum(['true', 'True', 'TRUE', 'false', 'False', 'FALSE'], {
      error: issue => `must be true or false (got ${quote(issue.input)}).`
    }),
    z.transform(text => text.toLowerCase() === 'true')
  )
)

export const numberText = (description: string, check: (n: number) => boolean) =>
  z.pipe(
    trimmed,
    z.transform((text: string, ctx) => {
      const number = Number(text)
      if (text !== '' && check(number)) return number
      ctx.issues.push({ code: 'custom', input: text, message: `must be ${description} (got ${quote(text)}).` })
      return z.NEVER
    })
  )

export const wholeNumber = (from: number, to: number, unit = '') =>
  numberText(`a whole number${unit} from ${from} to ${to}`, n => Number.isInteger(n) && n >= from && n <= to)

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i

/** Why a base-url cannot be used, rule by rule; undefined when it can. Credentials in a URL would leak into logs. */
export function apiRootProblem(url: URL, what = 'the API root'): string | undefined {
  if (url.username || url.password) return 'must not hold credentials (user:password@): pass them as inputs.'
  if (url.search || url.hash) return `must not have a query (?) or a fragment (#): give ${what} only.`
  if (url.protocol === 'https:') return undefined
  if (url.protocol !== 'http:') return `must be an https:// URL (got a ${url.protocol.slice(0, 20)} URL).`
  if (LOOPBACK_HOST.test(url.hostname)) return undefined
  return 'must be an https:// URL: plain http:// is allowed only to a loopback host (127.0.0.1, ::1, localhost).'
}

const urlOf = (what: string, example: string) =>
  z.pipe(
    trimmed,
    z.transform((text: string, ctx) => {
      const url = URL.canParse(text) ? new URL(text) : undefined
      const problem = url ? apiRootProblem(url, what) : `must be an https:// URL, such as ${example}.`
      if (url && !problem) return url
      ctx.issues.push({ code: 'custom', input: text, message: problem ?? '' })
      return z.NEVER
    })
  )

export const apiRoot = urlOf('the API root', 'https://gateway.example.com/v1')

/** The whole URL of a token endpoint, held to the rules of an API root. */
export const endpointUrl = urlOf('the token endpoint URL', 'https://auth.example.com/token')

// The token's variable must be named like a token: *_TOKEN. A list of names to refuse always misses some (66 of the
// families below passed one: JDK_JAVA_OPTIONS, GLIBC_TUNABLES, DOTNET_STARTUP_HOOKS, npm_config_registry...), and a
// token exported under a name some program reads at start-up changes how every later step runs. No loader, shell
// or runtime reads a *_TOKEN variable that way; the prefixes below do have _TOKEN names of their own.
const RESERVED_PREFIXES = [
  // The runner's and the toolkit's own: GITHUB_TOKEN, ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN...
  'GITHUB_',
  'RUNNER_',
  'ACTIONS_',
  'INPUT_',
  'STATE_',
  // Read as configuration: NODE_AUTH_TOKEN is npm's registry credential, npm_config_* are npm's settings.
  'NODE_',
  'NPM_CONFIG_'
]

/** Why a variable name cannot carry the token; undefined when it can. Case-insensitive, as Windows is. */
export function envNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    return 'must be a valid environment variable name: letters, digits and _, not starting with a digit.'
  }
  const upper = name.toUpperCase()
  if (!/^[A-Z0-9_]*[A-Z0-9]_TOKEN$/.test(upper)) {
    return 'must end in _TOKEN, such as REPORTING_TOKEN or DQ_TOKEN: a variable of another name may be one that a loader, a shell or a runtime reads at start-up, and the token would change how later steps run.'
  }
  const prefix = RESERVED_PREFIXES.find(reserved => upper.startsWith(reserved))
  if (prefix) {
    return `must not start with ${prefix}: the runner, the toolkit or npm read such _TOKEN variables themselves. Choose a name of your own, such as REPORTING_TOKEN.`
  }
  return undefined
}

export const envName = z.pipe(
  trimmed,
  z.transform((name: string, ctx) => {
    const problem = envNameProblem(name)
    if (!problem) return name
    ctx.issues.push({ code: 'custom', input: name, message: problem })
    return z.NEVER
  })
)
