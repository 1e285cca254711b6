import * as z from 'zod/mini'
import { InputError, type InputProblem } from './errors.js'
import { providers } from './providers/index.js'
import type { Provider, ProviderInput } from './providers/provider.js'

/** Every input the action reads, as declared in action.yml. */
export const INPUT_NAMES = [
  'provider',
  'partner-id',
  'region',
  'username',
  'password',
  'base-url',
  'export-env',
  'env-name',
  'timeout',
  'max-attempts'
] as const
export type InputName = (typeof INPUT_NAMES)[number]

/** Raw input values as the runner hands them over; '' and absent both mean unset. */
export type RawInputs = Readonly<Partial<Record<InputName, string>>>

/** Everything a run needs, validated. */
export interface Settings {
  readonly provider: Provider
  readonly region: string
  /** The provider's API root for the region, or `base-url`. */
  readonly apiRoot: URL
  readonly partnerId?: string
  readonly username: string
  readonly password: string
  readonly exportEnv: boolean
  readonly envName: string
  readonly timeoutMs: number
  readonly maxAttempts: number
}

export const LIMITS = { timeoutSeconds: 600, maxAttempts: 10 } as const

const PROVIDER_NAMES = Object.keys(providers)

// Values are quoted back only for inputs that cannot hold a secret, and cut short.
const quote = (value: unknown) => `'${String(value).slice(0, 40)}'`

const trimmed = z.string().check(z.trim())
const lowerCased = z.string().check(z.trim(), z.toLowerCase())

const oneOf = (values: readonly string[]) =>
  z.pipe(
    lowerCased,
    z.enum(values as [string, ...string[]], {
      error: issue => `must be one of: ${values.join(', ')} (got ${quote(issue.input)}).`
    })
  )

// The runner's YAML 1.2 booleans, as @actions/core's getBooleanInput accepts them.
const booleanText = z.pipe(
  trimmed,
  z.enum(['true', 'True', 'TRUE', 'false', 'False', 'FALSE'], {
    error: issue => `must be true or false (got ${quote(issue.input)}).`
  })
)

const numberText = (description: string, check: (n: number) => boolean) =>
  z.pipe(
    trimmed,
    z.transform((text: string, ctx) => {
      const number = Number(text)
      if (text !== '' && check(number)) return number
      ctx.issues.push({ code: 'custom', input: text, message: `must be ${description} (got ${quote(text)}).` })
      return z.NEVER
    })
  )

const apiRoot = z.pipe(
  trimmed,
  z.transform((text: string, ctx) => {
    const url = URL.canParse(text) ? new URL(text) : undefined
    if (url && isAllowedApiRoot(url)) return url
    ctx.issues.push({
      code: 'custom',
      input: text,
      message:
        'must be an https:// URL, or http:// to a loopback host (127.0.0.1, ::1, localhost), ' +
        'with no credentials, query or fragment.'
    })
    return z.NEVER
  })
)

const envName = z.pipe(
  trimmed,
  z.string().check(
    z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
      error: 'must be a valid environment variable name: letters, digits and _, not starting with a digit.'
    }),
    // The runner refuses to let a step overwrite these through GITHUB_ENV.
    z.refine(name => !/^(GITHUB_|RUNNER_)/i.test(name) && name.toUpperCase() !== 'NODE_OPTIONS', {
      error: 'must not be a GITHUB_* or RUNNER_* variable or NODE_OPTIONS: the runner does not let a step set those.'
    })
  )
)

const partnerId = z.pipe(
  trimmed,
  z.string().check(z.regex(/^\d{1,20}$/, { error: 'must be digits only: your Sirdata partner id.' }))
)

/**
 * Validates raw inputs (with environment fallbacks) into Settings.
 * Throws one InputError listing every problem; returns warnings for inputs that do not apply.
 */
export function parseSettings(
  raw: RawInputs,
  env: Readonly<Record<string, string | undefined>>
): { settings: Settings; warnings: string[] } {
  const value = (name: InputName) => raw[name]?.trim() || undefined

  const providerName = value('provider')
  if (!providerName) {
    throw new InputError([{ input: 'provider', message: `is required: one of ${PROVIDER_NAMES.join(', ')}.` }])
  }
  const chosen = oneOf(PROVIDER_NAMES).safeParse(providerName)
  if (!chosen.success) throw new InputError(problemsOf(chosen.error, 'provider'))
  const provider = providers[chosen.data] as Provider

  const warnings: string[] = []
  const problems: InputProblem[] = []
  const uses = (input: ProviderInput) => provider.inputs.includes(input)
  for (const input of ['partner-id', 'region'] as const) {
    if (!uses(input) && value(input)) {
      warnings.push(`Input '${input}' does not apply to ${provider.name} and is ignored.`)
    }
  }

  // An empty input falls back to the provider's environment variable, then to "missing".
  const withFallback = (input: 'partner-id' | 'username' | 'password') => {
    const variable = provider.envFallbacks[input]
    const found = value(input) ?? (variable ? env[variable]?.trim() || undefined : undefined)
    if (found === undefined) {
      const fallback = variable ? `, or the ${variable} environment variable` : ''
      problems.push({ input, message: `is required for ${provider.name}: set it${fallback}.` })
    }
    return found
  }

  const regions = Object.keys(provider.regions)
  const schema = z.object({
    region: z.optional(oneOf(regions)),
    'base-url': z.optional(apiRoot),
    'partner-id': z.optional(partnerId),
    'export-env': z.optional(booleanText),
    'env-name': z.optional(envName),
    timeout: z.optional(
      numberText(`a number of seconds above 0 and at most ${LIMITS.timeoutSeconds}`, n => n > 0 && n <= LIMITS.timeoutSeconds)
    ),
    'max-attempts': z.optional(
      numberText(`a whole number from 1 to ${LIMITS.maxAttempts}`, n => Number.isInteger(n) && n >= 1 && n <= LIMITS.maxAttempts)
    )
  })

  const username = withFallback('username')
  const password = withFallback('password')
  const partner = uses('partner-id') ? withFallback('partner-id') : undefined
  const parsed = schema.safeParse({
    region: uses('region') ? value('region') : undefined,
    'base-url': value('base-url'),
    'partner-id': partner,
    'export-env': value('export-env'),
    'env-name': value('env-name'),
    timeout: value('timeout'),
    'max-attempts': value('max-attempts')
  })
  if (!parsed.success) problems.push(...problemsOf(parsed.error))
  if (problems.length > 0 || !parsed.success) throw new InputError(problems)

  const fields = parsed.data
  const region = fields.region ?? (regions[0] as string)
  return {
    settings: {
      provider,
      region,
      apiRoot: fields['base-url'] ?? new URL(provider.regions[region] as string),
      partnerId: fields['partner-id'],
      username: username as string,
      password: password as string,
      exportEnv: (fields['export-env'] ?? 'true').toLowerCase() === 'true',
      envName: fields['env-name'] ?? provider.envName,
      timeoutMs: Math.round((fields.timeout ?? 30) * 1000),
      maxAttempts: fields['max-attempts'] ?? 3
    },
    warnings
  }
}

function problemsOf(error: z.core.$ZodError, input?: InputName): InputProblem[] {
  return error.issues.map(issue => ({ input: input ?? String(issue.path[0]), message: issue.message }))
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i

/** https anywhere; plain http only where it cannot leave the machine. Credentials in a URL would leak into logs. */
export function isAllowedApiRoot(url: URL): boolean {
  if (url.username || url.password || url.search || url.hash) return false
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && LOOPBACK.test(url.hostname)
}
