import * as z from 'zod/mini'
import { quoteOutsideText } from '../outside-text.js'
import { describeValue, issuedToken, optional, printableText, readAnswer } from './answer.js'
import type { Provider, UnreadableExpiry } from './provider.js'

// Any authorization server's client-credentials grant, as RFC 6749 writes it: section 4.4 for the request, 5.1 for
// the answer, 5.2 for a refusal, 2.3.1 and Appendix B for the client's credentials.

// Client ids and secrets are VSCHAR (Appendix A.1 and A.2): printable ASCII, spaces included.
const VSCHAR = /^[\x20-\x7e]+$/
// scope = scope-token *( SP scope-token ), scope-token = 1*( %x21 / %x23-5B / %x5D-7E ) (section 3.3).
const SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]+(?: [\x21\x23-\x5b\x5d-\x7e]+)*$/
// An error code is NQSCHAR, printable ASCII without " and \ (Appendix A.7).
const ERROR_CODE = /^[\x20\x21\x23-\x5b\x5d-\x7e]{1,100}$/

const CLIENT_AUTH = ['basic', 'post'] as const
const TEN_YEARS_SECONDS = 10 * 366 * 86_400

const clientId = z
  .string()
  .check(
    z.maxLength(1024, { error: 'is longer than 1024 characters.' }),
    z.regex(VSCHAR, { error: 'must be printable ASCII (RFC 6749, Appendix A.1).' })
  )
const scope = z.string().check(
  z.maxLength(4096, { error: 'is longer than 4096 characters.' }),
  z.regex(SCOPE, {
    error: 'must be scope names separated by single spaces, each printable ASCII without " or \\ (RFC 6749, 3.3).'
  })
)
const audience = z
  .string()
  .check(
    z.maxLength(2048, { error: 'is longer than 2048 characters.' }),
    z.regex(/^[\x21-\x7e]+$/, { error: 'must be printable ASCII without spaces, such as https://api.example.com.' })
  )
const clientAuth = z.pipe(
  z.string().check(z.toLowerCase()),
  z.enum(CLIENT_AUTH, { error: `must be one of: ${CLIENT_AUTH.join(', ')}.` })
)
const grantedScope = printableText(4096)

// token_type is case-insensitive (section 5.1); only a bearer token can be sent back as it is.
const TokenAnswer = z.object({
  access_token: issuedToken,
  token_type: z.string().check(
    z.refine(type => type.toLowerCase() === 'bearer', {
      error: 'is not Bearer, the only token type the action can hand on'
    })
  ),
  expires_in: optional(z.unknown()),
  scope: optional(grantedScope)
})

const Refusal = z.object({ error: z.string(), error_description: optional(z.string()) })

/** The application/x-www-form-urlencoded form of one value (RFC 6749, Appendix B): spaces become +, the rest %XX. */
export function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1)
}

// expires_in is a number of seconds; some servers send it as a string of digits.
function readExpiry(value: unknown, now: Date): { expiresAt?: Date; unreadableExpiry?: UnreadableExpiry } {
  if (value === undefined || value === null) return {}
  const seconds = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value
  if (typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= 0 && seconds <= TEN_YEARS_SECONDS) {
    return { expiresAt: new Date(now.getTime() + seconds * 1000) }
  }
  return { unreadableExpiry: { field: 'expires_in', text: typeof value === 'string' ? value : describeValue(value) } }
}

// The next step for each error code of section 5.2, and unsupported_grant_type's neighbours.
const NEXT_STEPS: Readonly<Record<string, string>> = {
  invalid_client:
    'Check client-id, client-secret and client-auth: a client registered for client_secret_post fails with basic, and the other way round.',
  invalid_scope: 'Check scope: ask only for scopes this client is granted, separated by spaces.',
  unauthorized_client:
    'This client may not use the client-credentials grant: allow it for the client on the server (a machine-to-machine or service-account client).',
  invalid_request:
    'Check token-url (the token endpoint itself), client-auth, and that the client is allowed the client-credentials grant.',
  invalid_grant: 'Check that the client is enabled and allowed the client-credentials grant.',
  unsupported_grant_type:
    'The server does not offer the client-credentials grant at this URL: check token-url, and that the grant is enabled.'
}

const BY_STATUS: Readonly<Record<number, string>> = {
  400: 'The server found the request invalid: check token-url, client-auth, scope and audience.',
  401: NEXT_STEPS.invalid_client as string,
  403: 'This client may not get a token here: check its grants and scopes on the server.',
  404: 'Check token-url: it must be the token endpoint itself, such as https://auth.example.com/oauth2/token.',
  405: 'Check token-url: it must be the token endpoint itself, which takes a POST.'
}

/** The server's own words (section 5.2), checked and neutralised, then what to do about them. */
function refusalHint(status: number, answer: unknown): string | undefined {
  const refusal = Refusal.safeParse(answer)
  const code = refusal.success && ERROR_CODE.test(refusal.data.error) ? refusal.data.error : undefined
  const fallback = BY_STATUS[status]
  if (!refusal.success || code === undefined) return fallback
  const description = refusal.data.error_description
  const said = `The server said ${quoteOutsideText(code, 100)}${description ? ` (${quoteOutsideText(description, 200)})` : ''}.`
  const next = Object.hasOwn(NEXT_STEPS, code) ? NEXT_STEPS[code] : fallback
  return next ? `${said} ${next}` : said
}

export const oauth2: Provider<'token-url' | 'client-id' | 'client-secret' | 'scope' | 'audience' | 'client-auth'> = {
  name: 'oauth2',
  title: 'OAuth 2.0',
  inputs: {
    'token-url': {
      env: 'OAUTH2_TOKEN_URL',
      example: 'https://auth.example.com/oauth2/token',
      flag: { value: 'URL', about: 'OAuth 2.0 token endpoint (https://, http:// to loopback)' }
    },
    'client-id': {
      env: 'OAUTH2_CLIENT_ID',
      schema: clientId,
      example: 'reporting-job',
      flag: { value: 'ID', about: 'OAuth 2.0 client id' }
    },
    'client-secret': { env: 'OAUTH2_CLIENT_SECRET', secret: true, schema: clientId },
    scope: { default: '', schema: scope, flag: { value: 'SCOPES', about: 'OAuth 2.0 scopes, space-separated' } },
    audience: { default: '', schema: audience, flag: { value: 'URI', about: 'OAuth 2.0 audience parameter' } },
    'client-auth': {
      default: 'basic',
      schema: clientAuth,
      flag: { value: 'METHOD', about: 'OAuth 2.0 client auth: basic (default) or post' }
    }
  },
  regions: {},
  defaultRegion: '',
  endpointInput: 'token-url',
  envName: 'OAUTH2_TOKEN',
  tokenHeader: 'Authorization',
  tokenScheme: 'Bearer',
  account: [{ output: 'scope', label: 'Scope', schema: grantedScope }],

  request(inputs) {
    const form = new URLSearchParams({ grant_type: 'client_credentials' })
    if (inputs.scope) form.set('scope', inputs.scope)
    if (inputs.audience) form.set('audience', inputs.audience)
    const id = formEncode(inputs['client-id'])
    const secret = formEncode(inputs['client-secret'])
    const headers: Record<string, string> = {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json'
    }
    // The encoded secret differs from the secret when it holds a space or a symbol: mask that form too.
    const secrets = secret === inputs['client-secret'] ? [] : [secret]
    if (inputs['client-auth'] === 'post') {
      form.set('client_id', inputs['client-id'])
      form.set('client_secret', inputs['client-secret'])
      secrets.push(`client_secret=${secret}`)
    } else {
      // Section 2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
      const basic = Buffer.from(`${id}:${secret}`, 'utf8').toString('base64')
      headers.Authorization = `Basic ${basic}`
      secrets.push(basic)
    }
    return { request: { method: 'POST', path: '', headers, body: form.toString() }, secrets }
  },

  parse(body, { now, inputs, secret }) {
    const answer = readAnswer(TokenAnswer, body, 'OAuth 2.0', secret, 'access_token')
    // Section 5.1: a server leaves scope out when it granted what was asked.
    const granted = answer.scope ?? (inputs.scope || undefined)
    const account: Record<string, string> = granted ? { scope: granted } : {}
    return { token: answer.access_token, ...readExpiry(answer.expires_in, now), account }
  },

  hint: (status, { answer }) => refusalHint(status, answer)
}
