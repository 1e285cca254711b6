import { formatDuration } from './duration.js'
import { ActionError, TokenRequestError, TransientFailureError } from './errors.js'
import { adviceAfterRetries, type SettingName } from './http/advice.js'
import { DEFAULT_RETRY, sendWithRetries, type AttemptReport, type RetryPolicy } from './http/retry.js'
import { proxyFor } from './http/proxy.js'
import type { AttemptOptions, HttpResponse } from './http/transport.js'
import { sealToken, unsealToken } from './seal.js'
import type { MintSettings, Settings, UnsealSettings } from './settings/settings.js'
import { quoteOutsideText } from './outside-text.js'
import { checkLifetime, type IssuedToken } from './token.js'

/** Where the core writes what a person may read; the action and the CLI each supply one. */
export interface Log {
  debug(message: string): void
  warning(message: string): void
  /** Registers a secret before anything can print it: the action masks it, the CLI redacts it. */
  secret(value: string): void
}

export interface MintOptions {
  readonly log: Log
  /** Overrides for tests and the CLI: a CA to trust, a resolver, how the timeout is named, the environment. */
  readonly attempt?: Partial<AttemptOptions>
  readonly retry?: Partial<Omit<RetryPolicy, 'maxAttempts'>>
  readonly now?: () => Date
  /** How the advice after the last attempt names a setting: as the input (the default), or as a flag. */
  readonly setting?: SettingName
}

/** The token this run holds, and, when seal-key was set on a minting run, its envelope for later jobs. */
export interface ObtainedToken {
  readonly token: IssuedToken
  readonly sealedToken?: string
}

/**
 * The one entry into the core: gets the token the settings describe (asked of the provider, or unsealed), masks
 * it and every derived secret through the log before anything else can print them, checks its lifetime, and
 * seals it when asked. Throws an ActionError written for the workflow author.
 */
export async function mintToken(settings: Settings, options: MintOptions): Promise<ObtainedToken> {
  const now = options.now ?? (() => new Date())
  const token =
    settings.mode === 'unseal' ? openSealed(settings, now(), options.log) : await askProvider(settings, options, now)
  const warning = checkLifetime(token, settings.minValiditySeconds)
  if (warning) options.log.warning(warning)
  const sealedToken =
    settings.mode === 'mint' && settings.seal ? sealToken(token, settings.seal.key, settings.seal.binding) : undefined
  return { token, sealedToken }
}

function openSealed(settings: UnsealSettings, now: Date, log: Log): IssuedToken {
  const token = unsealToken(settings.sealedToken, settings.seal.key, settings.seal.binding, now, settings.provider)
  log.secret(token.token)
  return token
}

async function askProvider(settings: MintSettings, options: MintOptions, now: () => Date): Promise<IssuedToken> {
  const { provider, inputs, log } = { ...settings, log: options.log }
  const { request, secrets } = provider.request(inputs)
  // A provider whose input is the whole endpoint URL asks for '': that URL is used as it is, trailing slash included.
  const url = request.path === '' ? settings.apiRoot : new URL(settings.apiRoot.href.replace(/\/+$/, '') + request.path)
  // The proxy is read once up front: an unusable one fails before any request, and its password is masked too.
  const proxy = proxyFor(url, options.attempt?.env ?? process.env)
  for (const secret of [...secrets, ...(proxy?.secrets ?? [])]) log.secret(secret)
  const where = `${provider.title} at ${url.origin}${url.pathname}`
  let response: HttpResponse
  try {
    response = await sendWithRetries(
      { method: request.method, url, headers: request.headers, body: request.body },
      { timeoutMs: settings.timeoutMs, ...options.attempt },
      { ...DEFAULT_RETRY, ...options.retry, maxAttempts: settings.maxAttempts },
      report => logAttempt(log, request.method, url, report)
    )
  } catch (error) {
    if (!(error instanceof ActionError)) throw error
    error.within(`Could not get a token from ${where}`)
    if (error instanceof TransientFailureError) {
      error.message += ` ${adviceAfterRetries(error, settings, options.setting ?? (name => name))}`
    }
    throw error
  }

  // The secret inputs as given, besides the forms the request derived from them.
  const given = Object.entries(provider.inputs).flatMap(([name, input]) => (input.secret ? [inputs[name] ?? ''] : []))
  refuseUnlessOk(response, settings, url, [...given, ...secrets, ...(proxy?.secrets ?? [])])
  const issuedAt = now()
  const body = parseJson(response, provider)
  let minted: ReturnType<typeof provider.parse>
  try {
    minted = provider.parse(body, { now: issuedAt, inputs, secret: value => log.secret(value) })
  } catch (error) {
    // Every failure is a sentence: a body built to break the reader (a stack overflow) is an unusable answer.
    if (error instanceof ActionError) throw error
    throw new TokenRequestError(`${provider.title} answered with a body the action could not read.`, response.status)
  }
  const region = Object.keys(provider.regions).length > 1 ? settings.region : undefined
  return { ...minted, provider, region, issuedAt, origin: 'minted' }
}

/** The settings that say where the request goes, as a message names them. */
function whereSettings(provider: MintSettings['provider']): string {
  return provider.endpointInput ?? 'region and base-url'
}

function refuseUnlessOk(
  { status, headers, body }: HttpResponse,
  { provider, region }: MintSettings,
  url: URL,
  secrets: readonly string[]
) {
  // node:http is loaded by now: an answer came through it.
  const statusText = `HTTP ${status} ${process.getBuiltinModule('node:http').STATUS_CODES[status] ?? ''}`.trimEnd()
  if (status >= 300 && status < 400) {
    throw new TokenRequestError(
      `${provider.title} answered ${statusText}, a redirect to ${redirectHost(headers.location, url)}. ` +
        'The action does not follow redirects, since they would carry your credentials elsewhere: ' +
        `check ${whereSettings(provider)}.`,
      status
    )
  }
  if (status < 200 || status >= 300) {
    const hint = provider.hint(status, { region, answer: withoutSecrets(readJson(body), secrets) })
    throw new TokenRequestError(
      `${provider.title} refused the token request: ${statusText}.${hint ? ` ${hint}` : ''}`,
      status
    )
  }
}

/**
 * A refusal's fields with every secret sent replaced by ***: a server may echo what it was sent, and a provider
 * quotes a field neutralised and cut short, which no later redaction of the message would then recognise.
 */
function withoutSecrets(answer: unknown, secrets: readonly string[]): unknown {
  if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return answer
  const redact = (text: string) =>
    secrets.reduce((kept, secret) => (secret ? kept.split(secret).join('***') : kept), text)
  return Object.fromEntries(
    Object.entries(answer).map(([name, value]) => [name, typeof value === 'string' ? redact(value) : value])
  )
}

/** A refusal's body as JSON, for the provider to read its error code from; undefined when it is not JSON. */
function readJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

function parseJson(response: HttpResponse, provider: MintSettings['provider']): unknown {
  // Never quote the body: an unexpected answer can still hold a token or an echoed credential.
  const text = response.body.trim()
  if (text !== '') {
    try {
      return JSON.parse(text)
    } catch {
      // reported below
    }
  }
  const what = text === '' ? 'an empty body' : text.startsWith('<') ? 'an HTML or XML page' : 'a body that is not JSON'
  const check = provider.endpointInput
    ? `check ${provider.endpointInput}, which must be the token endpoint itself.`
    : 'check region and base-url, which must point at the API root.'
  throw new TokenRequestError(
    `${provider.title} answered HTTP ${response.status} with ${what} instead of the documented JSON token response: ${check}`,
    response.status
  )
}

function redirectHost(location: string | undefined, from: URL): string {
  if (!location) return 'an unnamed location'
  // Only the host, cut short: the rest of a provider's Location is provider text, and could carry anything.
  return URL.canParse(location, from.href) ? quoteOutsideText(new URL(location, from).host) : 'an unreadable location'
}

function logAttempt(log: Log, method: string, url: URL, report: AttemptReport) {
  const outcome = report.status === undefined ? report.reason : `HTTP ${report.status}`
  log.debug(
    `${method} ${url.origin}${url.pathname}: ${outcome} in ${report.elapsedMs} ms (attempt ${report.attempt}/${report.maxAttempts})`
  )
  if (report.retryInMs !== undefined) {
    log.warning(
      `Attempt ${report.attempt} of ${report.maxAttempts} failed: ${report.reason}; retrying in ${formatDuration(report.retryInMs / 1000)}.`
    )
  }
}
