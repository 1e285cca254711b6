import * as z from 'zod/mini'
import { InputError, type InputProblem } from './errors.js'
import { providers } from './providers/index.js'
import type { Provider, ProviderInput } from './providers/provider.js'
import { parseSealKey, SEAL_KEY_ADVICE, type SealBinding, type SealKey } from './seal.js'

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
  'max-attempts',
  'seal-key',
  'sealed-token',
  'min-validity'
] as const
export type InputName = (typeof INPUT_NAMES)[number]

/** Raw input values as the runner hands them over; '' and absent both mean unset. */
export type RawInputs = Readonly<Partial<Record<InputName, string>>>

interface CommonSettings {
  readonly exportEnv: boolean
  /** Undefined means the provider's default name. */
  readonly envName?: string
  /** A token with less lifetime left than this fails the run. */
  readonly minValiditySeconds: number
  /** Set when `seal-key` is: the key, and the workflow run a sealed token is bound to. */
  readonly seal?: Seal
}

export interface Seal {
  readonly key: SealKey
  readonly binding: SealBinding
}

/** A run that asks the provider for a token (and seals it when `seal-key` is set). */
export interface MintSettings extends CommonSettings {
  readonly mode: 'mint'
  readonly provider: Provider
  readonly region: string
  /** The provider's API root for the region, or `base-url`. */
  readonly apiRoot: URL
  readonly partnerId?: string
  readonly username: string
  readonly password: string
  readonly timeoutMs: number
  readonly maxAttempts: number
}

/** A run that opens a token sealed by an earlier job of the same workflow run; no network. */
export interface UnsealSettings extends CommonSettings {
  readonly mode: 'unseal'
  readonly sealedToken: string
  readonly seal: Seal
  /** When set, the sealed token must be for this provider. */
  readonly provider?: Provider
}

/** Everything a run needs, validated. */
export type Settings = MintSettings | UnsealSettings

export const LIMITS = { timeoutSeconds: 600, maxAttempts: 10, minValiditySeconds: 86_400 } as const

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

const sealKey = z.pipe(
  z.string(),
  z.transform((text: string, ctx) => {
    const key = parseSealKey(text)
    if (key) return key
    // Never quote the value: it is a secret, even when it is a bad one.
    ctx.issues.push({
      code: 'custom',
      input: '',
      message: `must be at least 32 random bytes, written as base64 or hex: ${SEAL_KEY_ADVICE}.`
    })
    return z.NEVER
  })
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
  const warnings: string[] = []
  const problems: InputProblem[] = []
  const unsealing = value('sealed-token') !== undefined

  const providerName = value('provider')
  let provider: Provider | undefined
  if (providerName) {
    const chosen = oneOf(PROVIDER_NAMES).safeParse(providerName)
    if (chosen.success) provider = providers[chosen.data]
    else problems.push(...problemsOf(chosen.error, 'provider'))
  } else if (!unsealing) {
    problems.push({ input: 'provider', message: `is required: one of ${PROVIDER_NAMES.join(', ')}.` })
  }
  // Without a known provider, nothing else can be checked against it.
  if (!unsealing && !provider) throw new InputError(problems)

  const common = z
    .object({
      'export-env': z.optional(booleanText),
      'env-name': z.optional(envName),
      'min-validity': z.optional(
        numberText(
          `a whole number of seconds from 0 to ${LIMITS.minValiditySeconds}`,
          n => Number.isInteger(n) && n >= 0 && n <= LIMITS.minValiditySeconds
        )
      ),
      'seal-key': z.optional(sealKey)
    })
    .safeParse({
      'export-env': value('export-env'),
      'env-name': value('env-name'),
      'min-validity': value('min-validity'),
      'seal-key': value('seal-key')
    })
  if (!common.success) problems.push(...problemsOf(common.error))
  // A sealed token is bound to the repository and run that sealed it, as the runner names them.
  const binding = { repository: env.GITHUB_REPOSITORY?.trim() ?? '', runId: env.GITHUB_RUN_ID?.trim() ?? '' }
  const key = common.success ? common.data['seal-key'] : undefined
  if (key && (!binding.repository || !/^\d{1,19}$/.test(binding.runId))) {
    problems.push({
      input: 'seal-key',
      message:
        'needs GITHUB_REPOSITORY and GITHUB_RUN_ID, which the runner sets: sealed tokens work only inside a GitHub Actions workflow run.'
    })
  }
  const shared = common.success
    ? {
        exportEnv: (common.data['export-env'] ?? 'true').toLowerCase() === 'true',
        envName: common.data['env-name'],
        minValiditySeconds: common.data['min-validity'] ?? 60,
        seal: key ? { key, binding } : undefined
      }
    : undefined

  if (unsealing) {
    if (!value('seal-key')) {
      problems.push({
        input: 'seal-key',
        message: 'is required with sealed-token: pass the same secret as the job that sealed it.'
      })
    }
    // Inputs with no default in action.yml are only set on purpose: say that they do nothing here.
    for (const input of ['partner-id', 'region', 'username', 'password', 'base-url'] as const) {
      if (value(input))
        warnings.push(`Input '${input}' is ignored: the token comes from sealed-token, not from the provider.`)
    }
    if (problems.length > 0 || !shared?.seal) throw new InputError(problems)
    return {
      settings: {
        mode: 'unseal',
        ...shared,
        seal: shared.seal,
        sealedToken: value('sealed-token') as string,
        provider
      },
      warnings
    }
  }

  const chosen = provider as Provider
  const uses = (input: ProviderInput) => chosen.inputs.includes(input)
  for (const input of ['partner-id', 'region'] as const) {
    if (!uses(input) && value(input)) {
      warnings.push(`Input '${input}' does not apply to ${chosen.name} and is ignored.`)
    }
  }

  // An empty input falls back to the provider's environment variable, then to "missing".
  const withFallback = (input: 'partner-id' | 'username' | 'password') => {
    const variable = chosen.envFallbacks[input]
    const found = value(input) ?? (variable ? env[variable]?.trim() || undefined : undefined)
    if (found === undefined) {
      const fallback = variable ? `, or the ${variable} environment variable` : ''
      problems.push({ input, message: `is required for ${chosen.name}: set it${fallback}.` })
    }
    return found
  }

  const regions = Object.keys(chosen.regions)
  const schema = z.object({
    region: z.optional(oneOf(regions)),
    'base-url': z.optional(apiRoot),
    'partner-id': z.optional(partnerId),
    timeout: z.optional(
      numberText(
        `a number of seconds above 0 and at most ${LIMITS.timeoutSeconds}`,
        n => n > 0 && n <= LIMITS.timeoutSeconds
      )
    ),
    'max-attempts': z.optional(
      numberText(
        `a whole number from 1 to ${LIMITS.maxAttempts}`,
        n => Number.isInteger(n) && n >= 1 && n <= LIMITS.maxAttempts
      )
    )
  })

  const username = withFallback('username')
  const password = withFallback('password')
  const partner = uses('partner-id') ? withFallback('partner-id') : undefined
  const parsed = schema.safeParse({
    region: uses('region') ? value('region') : undefined,
    'base-url': value('base-url'),
    'partner-id': partner,
    timeout: value('timeout'),
    'max-attempts': value('max-attempts')
  })
  if (!parsed.success) problems.push(...problemsOf(parsed.error))
  if (problems.length > 0 || !parsed.success || !shared) throw new InputError(problems)

  const fields = parsed.data
  const region = fields.region ?? (regions[0] as string)
  return {
    settings: {
      mode: 'mint',
      ...shared,
      provider: chosen,
      region,
      apiRoot: fields['base-url'] ?? new URL(chosen.regions[region] as string),
      partnerId: fields['partner-id'],
      username: username as string,
      password: password as string,
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
