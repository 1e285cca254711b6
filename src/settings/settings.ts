import * as z from 'zod/mini'
import { InputError, type InputProblem } from '../errors.js'
import { providers } from '../providers/index.js'
import type { Provider } from '../providers/provider.js'
import { readSealKey, type SealBinding, type SealKey } from '../seal.js'
import { DEFAULTS, LIMITS } from './defaults.js'
import { apiRoot, booleanText, endpointUrl, envName, numberText, oneOf, wholeNumber } from './fields.js'

/** Every input the action reads, as declared in action.yml. */
export const INPUT_NAMES = [
  'provider',
  'partner-id',
  'region',
  'username',
  'password',
  'base-url',
  'token-url',
  'client-id',
  'client-secret',
  'scope',
  'audience',
  'client-auth',
  'export-env',
  'env-name',
  'timeout',
  'max-attempts',
  'seal-key',
  'sealed-token',
  'min-validity',
  'cli-on-path'
] as const
export type InputName = (typeof INPUT_NAMES)[number]

/** Raw input values as the runner hands them over; '' and absent both mean unset. */
export type RawInputs = Readonly<Partial<Record<InputName, string>>>
type Env = Readonly<Record<string, string | undefined>>

interface CommonSettings {
  readonly exportEnv: boolean
  /** Undefined means the provider's default name. */
  readonly envName?: string
  /** A token with less lifetime left than this fails the run. */
  readonly minValiditySeconds: number
  /** Set when `seal-key` is: the key, and the workflow run a sealed token is bound to. */
  readonly seal?: Seal
  /** Put the bundled CLI on the job's PATH for the following steps. */
  readonly cliOnPath: boolean
}

export interface Seal {
  readonly key: SealKey
  readonly binding: SealBinding
}

/** A run that asks the provider for a token (and seals it when `seal-key` is set). */
export interface MintSettings extends CommonSettings {
  readonly mode: 'mint'
  readonly provider: Provider
  /** The provider's own inputs (credentials, partner id), validated, by input name. */
  readonly inputs: Readonly<Record<string, string>>
  /** The region asked for, or the provider's default. */
  readonly region: string
  /** The provider's API root for the region, or `base-url`. */
  readonly apiRoot: URL
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

export interface ParsedSettings {
  readonly settings: Settings
  /** Inputs that were set but do nothing in this run. */
  readonly warnings: string[]
}

const PROVIDER_NAMES = Object.keys(providers)
// Inputs only some providers read; the others warn that they ignore them.
const PROVIDER_INPUTS = new Set(['region', ...Object.values(providers).flatMap(p => Object.keys(p.inputs))])

const sealKey = z.pipe(
  z.string(),
  z.transform((text: string, ctx) => {
    const read = readSealKey(text)
    if ('key' in read) return read.key
    // Never quote the value: it is a secret, even when it is a bad one.
    ctx.issues.push({ code: 'custom', input: '', message: read.problem })
    return z.NEVER
  })
)

// Inputs every run reads, minting or unsealing.
const commonShape = {
  'export-env': z.optional(booleanText),
  'env-name': z.optional(envName),
  'min-validity': z.optional(wholeNumber(0, LIMITS.minValiditySeconds, ' of seconds')),
  'seal-key': z.optional(sealKey),
  'cli-on-path': z.optional(booleanText)
}

const mintShape = {
  ...commonShape,
  'base-url': z.optional(apiRoot),
  timeout: z.optional(
    numberText(
      `a number of seconds above 0 and at most ${LIMITS.timeoutSeconds}`,
      n => n > 0 && n <= LIMITS.timeoutSeconds
    )
  ),
  'max-attempts': z.optional(wholeNumber(1, LIMITS.maxAttempts))
}

/**
 * Validates raw inputs (with the providers' environment fallbacks) into Settings, in one pass per mode.
 * Throws one InputError listing every problem; returns warnings for inputs that do nothing in this run.
 */
export function parseSettings(raw: RawInputs, env: Env): ParsedSettings {
  const value = (name: InputName) => raw[name]?.trim() || undefined
  const unsealing = value('sealed-token') !== undefined
  const problems: InputProblem[] = []
  const provider = readProvider(value('provider'), unsealing, problems, value('seal-key') !== undefined)
  return unsealing ? parseUnseal(value, env, provider, problems) : parseMint(value, env, provider, problems)
}

// What an unsealing job sees when the minting job forgot its outputs: block or a name is misspelled on the way.
const EMPTY_SEALED_TOKEN: InputProblem = {
  input: 'sealed-token',
  message:
    'is empty. If this job unseals a token, pass ${{ needs.<job>.outputs.<name> }}, and check that the minting job declares it under outputs: with that exact name. To mint here instead, set provider and the credentials.'
}

function readProvider(
  name: string | undefined,
  unsealing: boolean,
  problems: InputProblem[],
  withSealKey: boolean
): Provider | undefined {
  if (!name) {
    if (unsealing) return undefined
    // seal-key without provider means this job meant to unseal: an empty sealed-token is the real problem.
    problems.push(
      withSealKey
        ? EMPTY_SEALED_TOKEN
        : { input: 'provider', message: `is required: one of ${PROVIDER_NAMES.join(', ')}.` }
    )
    return undefined
  }
  const chosen = oneOf(PROVIDER_NAMES).safeParse(name)
  if (chosen.success) return providers[chosen.data]
  problems.push(...problemsOf(chosen.error, 'provider'))
  return undefined
}

type Read = (name: InputName) => string | undefined

function parseMint(value: Read, env: Env, provider: Provider | undefined, problems: InputProblem[]): ParsedSettings {
  const readsRegion = provider !== undefined && Object.keys(provider.regions).length > 1
  const shape = {
    ...mintShape,
    ...(readsRegion ? { region: z.optional(oneOf(Object.keys(provider.regions))) } : {}),
    ...(provider ? providerShape(provider) : {})
  }
  const values: Record<string, string | undefined> = {}
  for (const name of Object.keys(mintShape) as InputName[]) values[name] = value(name)
  if (readsRegion) values.region = value('region')
  for (const [name, input] of Object.entries(provider?.inputs ?? {})) {
    values[name] = value(name as InputName) ?? ((input.env && env[input.env]?.trim()) || undefined)
  }

  const parsed = z.object(shape).safeParse(values)
  if (!parsed.success) problems.push(...problemsOf(parsed.error))
  // seal-key with missing credentials is more likely an unsealing job whose sealed-token came through empty.
  const missing = Object.entries(provider?.inputs ?? {})
    .filter(([name, input]) => values[name] === undefined && input.default === undefined)
    .map(([name]) => name)
  if (provider && missing.length > 0 && value('seal-key')) problems.push(EMPTY_SEALED_TOKEN)
  else explainMissing(problems, missing)
  const seal = parsed.success ? bindSeal(parsed.data['seal-key'], env, problems) : undefined
  if (!provider || !parsed.success || problems.length > 0) throw new InputError(problems)

  const fields = parsed.data as typeof parsed.data & { region?: string } & Record<string, unknown>
  const region = fields.region ?? provider.defaultRegion
  const inputs = Object.fromEntries(
    Object.entries(provider.inputs).map(([name, input]) => [name, readInput(fields[name]) ?? input.default ?? ''])
  )
  return {
    settings: {
      mode: 'mint',
      ...commonSettings(fields, seal),
      provider,
      inputs,
      region,
      apiRoot: apiRootOf(provider, fields['base-url'], region, inputs),
      timeoutMs: Math.round((fields.timeout ?? DEFAULTS.timeoutSeconds) * 1000),
      maxAttempts: fields['max-attempts'] ?? DEFAULTS.maxAttempts
    },
    warnings: ignoredInputs(value, provider)
  }
}

// A credential comes from ${{ secrets.X }} or ${{ vars.X }}, and GitHub gives one it cannot supply as an empty string.
const WHY_EMPTY =
  'A secret or variable arrives empty when it is not defined for this repository or the environment of the job, ' +
  'when its name is misspelt in ${{ secrets.NAME }} or ${{ vars.NAME }}, and in runs from a fork or from ' +
  'Dependabot, which get no secrets or only Dependabot secrets.'

/** Says once, after the last missing credential, why a credential the workflow passes can arrive empty. */
function explainMissing(problems: InputProblem[], missing: readonly string[]): void {
  const last = problems.findLastIndex(problem => missing.includes(problem.input))
  const problem = problems[last]
  if (problem) problems[last] = { input: problem.input, message: `${problem.message} ${WHY_EMPTY}` }
}

/** The chosen provider's inputs: required unless they have a default, with the environment variable named. */
function providerShape(provider: Provider): Record<string, z.ZodMiniType<unknown>> {
  return Object.fromEntries(
    Object.entries(provider.inputs).map(([name, input]) => {
      const fallback = input.env ? `, or the ${input.env} environment variable` : ''
      const required = z.string({ error: `is required for ${provider.name}: set it${fallback}.` })
      const schema = name === provider.endpointInput ? endpointUrl : input.schema
      const checked = schema ? z.pipe(required, schema) : required
      return [name, input.default === undefined ? checked : z.optional(checked)]
    })
  )
}

/** An input's validated value as text: the endpoint input is read as a URL. */
function readInput(value: unknown): string | undefined {
  return value instanceof URL ? value.href : (value as string | undefined)
}

/** Where the request goes: the endpoint input of a provider that has one, else base-url or the region's root. */
function apiRootOf(provider: Provider, baseUrl: URL | undefined, region: string, inputs: Record<string, string>): URL {
  if (provider.endpointInput) return new URL(inputs[provider.endpointInput] as string)
  return baseUrl ?? new URL(provider.regions[region] as string)
}

function parseUnseal(value: Read, env: Env, provider: Provider | undefined, problems: InputProblem[]): ParsedSettings {
  const shape = z.object({
    ...commonShape,
    'seal-key': z.pipe(
      z.string({ error: 'is required with sealed-token: pass the same secret as the job that sealed it.' }),
      sealKey
    )
  })
  const result = shape.safeParse({
    'export-env': value('export-env'),
    'env-name': value('env-name'),
    'min-validity': value('min-validity'),
    'seal-key': value('seal-key'),
    'cli-on-path': value('cli-on-path')
  })
  if (!result.success) problems.push(...problemsOf(result.error))
  const seal = result.success ? bindSeal(result.data['seal-key'], env, problems) : undefined
  if (!seal || !result.success || problems.length > 0) throw new InputError(problems)
  // Inputs that only a minting run reads are only set on purpose: say that they do nothing here.
  const warnings = INPUT_NAMES.filter(name => (PROVIDER_INPUTS.has(name) || name === 'base-url') && value(name)).map(
    name => `Input '${name}' is ignored: the token comes from sealed-token, not from the provider.`
  )
  return {
    settings: {
      mode: 'unseal',
      ...commonSettings(result.data, seal),
      seal,
      sealedToken: value('sealed-token') as string,
      provider
    },
    warnings
  }
}

/** A sealed token is bound to the repository and run that sealed it, as the runner names them. */
function bindSeal(key: SealKey | undefined, env: Env, problems: InputProblem[]): Seal | undefined {
  if (!key) return undefined
  const binding = { repository: env.GITHUB_REPOSITORY?.trim() ?? '', runId: env.GITHUB_RUN_ID?.trim() ?? '' }
  if (binding.repository && /^\d{1,19}$/.test(binding.runId)) return { key, binding }
  problems.push({
    input: 'seal-key',
    message:
      'needs GITHUB_REPOSITORY and GITHUB_RUN_ID, which the runner sets: sealed tokens work only inside a GitHub Actions workflow run.'
  })
  return undefined
}

function commonSettings(
  fields: { 'export-env'?: boolean; 'env-name'?: string; 'min-validity'?: number; 'cli-on-path'?: boolean },
  seal: Seal | undefined
): CommonSettings {
  return {
    exportEnv: fields['export-env'] ?? DEFAULTS.exportEnv,
    envName: fields['env-name'],
    minValiditySeconds: fields['min-validity'] ?? DEFAULTS.minValiditySeconds,
    seal,
    cliOnPath: fields['cli-on-path'] ?? DEFAULTS.cliOnPath
  }
}

/** Provider-specific inputs the chosen provider does not read: set on purpose, so say they do nothing. */
function ignoredInputs(value: Read, provider: Provider): string[] {
  const reads = new Set([
    ...Object.keys(provider.inputs),
    ...(Object.keys(provider.regions).length > 1 ? ['region'] : [])
  ])
  const ignored = [...PROVIDER_INPUTS]
    .filter(name => !reads.has(name) && value(name as InputName))
    .map(name => `Input '${name}' does not apply to ${provider.name} and is ignored.`)
  if (provider.endpointInput && value('base-url')) {
    ignored.push(
      `Input 'base-url' does not apply to ${provider.name}, whose ${provider.endpointInput} gives the whole URL, and is ignored.`
    )
  }
  return ignored
}

function problemsOf(error: z.core.$ZodError, input?: InputName): InputProblem[] {
  return error.issues.map(issue => ({ input: input ?? String(issue.path[0]), message: issue.message }))
}
