import { randomBytes, randomUUID } from 'node:crypto'
import * as http from 'node:http'
import * as https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

/**
 * A local stand-in for both providers, speaking their documented contracts (see shared/seeds):
 *   Sirdata    GET /api/v1/public/auth/partner/:id/token, JSON body {login, password}
 *   Soda Cloud GET /v1/get_token, HTTP Basic, answers expires_in 1800
 *   OAuth 2.0  POST /oauth2/token, RFC 6749's client-credentials grant: a form body, the client authenticated by
 *              HTTP Basic of its form-encoded id and secret or by both in the body (never both ways); the client id
 *              is the username, the secret the password; answers a Bearer token, expires_in 3600 and the scope asked
 *              for, or a section 5.2 error
 * Scripted replies (`script`) are served first, one per request, to inject faults.
 * It also stands in for the APIs the tokens are for: GET /api/v1/check (Sirdata, `Authorization: <token>`) and
 * GET /v1/check (Soda Cloud, `SODA_TOKEN: <token>`) and GET /oauth2/check (`Authorization: Bearer <token>`) answer 200 while the token lives, 401 otherwise.
 */

export interface FakeCredentials {
  readonly partnerId: string
  readonly username: string
  readonly password: string
}

export type FakeReply =
  | {
      readonly status: number
      readonly headers?: Record<string, string>
      readonly body?: string | object
      /** Send the body in chunks with no Content-Length, as a streaming server would. */
      readonly chunked?: boolean
    }
  /** Destroys the connection without answering. */
  | { readonly fault: 'reset' }
  /** Accepts the request and never answers. */
  | { readonly fault: 'hang' }
  /** Sends headers and a 200, then one byte of body per `everyMs`, forever. */
  | { readonly fault: 'drip'; readonly everyMs: number }

export interface RecordedRequest {
  readonly method: string
  readonly path: string
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
  /** When the request arrived (Date.now()). */
  readonly at: number
}

export interface FakeProvider {
  /** The server's origin, e.g. http://127.0.0.1:41234 */
  readonly origin: string
  readonly port: number
  /** API roots to pass as `base-url`. */
  readonly roots: { readonly sirdata: string; readonly soda: string; readonly oauth2: string }
  readonly credentials: FakeCredentials
  readonly requests: RecordedRequest[]
  /** Every token handed out, so tests can look for it where it must not be. */
  readonly tokens: string[]
  /** Every call to the stand-in APIs, in order: which token it carried, and whether it was accepted. */
  readonly apiCalls: ApiCall[]
  /** Queues replies served before the documented behaviour, one per request. */
  script(...replies: FakeReply[]): void
  /** An outage: every token request in the next `forMs` (after the scripted replies) gets `reply`. */
  outage(forMs: number, reply: FakeReply): void
  /** When a token handed out expires (Date.now() time), as the stand-in APIs judge it. */
  expiryOf(token: string): number | undefined
  close(): Promise<void>
}

export interface ApiCall {
  readonly provider: 'sirdata' | 'soda' | 'oauth2'
  readonly token: string | undefined
  readonly accepted: boolean
  readonly at: number
}

export interface FakeProviderOptions {
  readonly credentials?: Partial<FakeCredentials>
  /** Serve HTTPS with this key and certificate. */
  readonly tls?: { readonly key: string; readonly cert: string }
  /** Soda's expires_in; null leaves it out, as the schema allows. */
  readonly sodaExpiresIn?: number | null
  /** How long tokens live, for both providers and the stand-in APIs; 1800 s for Soda, 3600 s for Sirdata by default. */
  readonly tokenLifetimeSeconds?: number
  /** null leaves Sirdata's expiration_time out, as its docs allow. */
  readonly sirdataExpiration?: null
  /** Listen on this port of 127.0.0.1; 0 (the default) takes a free one. */
  readonly port?: number
  /** Refuse every token request with this status (Retry-After: 1 with a 429 or a 503), to rehearse a failure. */
  readonly failWith?: number
  /** Throttle like a busy provider: past `requests` in `windowMs`, answer 429 with Retry-After: 1. */
  readonly rateLimit?: { readonly requests: number; readonly windowMs: number }
}

export const SODA_ORGANIZATION = '8f2c1a9e-4b7d-4e0a-9c3f-1d2e3f4a5b6c'

export async function startFakeProvider(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  const credentials: FakeCredentials = {
    partnerId: '12345',
    username: 'analyst@example.com',
    password: `pw-${randomBytes(9).toString('base64url')}`,
    ...options.credentials
  }
  const requests: RecordedRequest[] = []
  const tokens: string[] = []
  const apiCalls: ApiCall[] = []
  const expiries = new Map<string, number>()
  const queue: FakeReply[] = []
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const recent: number[] = []
  let down: { until: number; reply: FakeReply } | undefined

  const throttled = () => {
    if (!options.rateLimit) return false
    const now = Date.now()
    while (recent.length > 0 && (recent[0] as number) <= now - options.rateLimit.windowMs) recent.shift()
    if (recent.length >= options.rateLimit.requests) return true
    recent.push(now)
    return false
  }

  const issueToken = (provider: string, lifetimeSeconds: number) => {
    const token = `${provider}-${randomBytes(18).toString('base64url')}`
    tokens.push(token)
    expiries.set(token, Date.now() + lifetimeSeconds * 1000)
    return token
  }

  // The stand-in APIs: the header each provider documents for later calls (shared/seeds).
  const apiCall = (path: string, headers: http.IncomingHttpHeaders): ApiCall | undefined => {
    const provider = API_PATHS[path]
    if (!provider) return undefined
    const token =
      provider === 'sirdata'
        ? headers.authorization
        : provider === 'soda'
          ? (headers.soda_token as string | undefined)
          : /^Bearer (\S+)$/.exec(headers.authorization ?? '')?.[1]
    const accepted = token !== undefined && Date.now() < (expiries.get(token) ?? 0)
    return { provider, token, accepted, at: Date.now() }
  }

  const documented = (req: RecordedRequest): FakeReply => {
    if (req.path === '/oauth2/token') {
      const lifetime = options.tokenLifetimeSeconds ?? 3600
      const refusal = clientCredentialsRefusal(req, credentials)
      if (refusal) return refusal
      const scope = new URLSearchParams(req.body).get('scope')
      return {
        status: 200,
        headers: { 'Cache-Control': 'no-store' },
        body: {
          access_token: issueToken('oauth2', lifetime),
          token_type: 'Bearer',
          expires_in: lifetime,
          ...(scope ? { scope } : {})
        }
      }
    }
    if (req.method !== 'GET') return { status: 405 }
    const sirdata = /^\/api\/v1\/public\/auth\/partner\/([^/]+)\/token$/.exec(req.path)
    if (options.failWith && (sirdata || req.path === '/v1/get_token')) {
      const retryable = options.failWith === 429 || options.failWith === 503
      return { status: options.failWith, ...(retryable ? { headers: { 'Retry-After': '1' } } : {}) }
    }
    if (sirdata) {
      let login: unknown
      let password: unknown
      try {
        ;({ login, password } = JSON.parse(req.body) as { login?: unknown; password?: unknown })
      } catch {
        return { status: 400 }
      }
      if (
        !/^application\/json/.test(req.headers['content-type'] ?? '') ||
        typeof login !== 'string' ||
        typeof password !== 'string'
      ) {
        return { status: 400 }
      }
      if (sirdata[1] !== credentials.partnerId || login !== credentials.username || password !== credentials.password) {
        return { status: 401 }
      }
      const lifetime = options.tokenLifetimeSeconds ?? 3600
      return {
        status: 200,
        body: {
          token: issueToken('sirdata', lifetime),
          partner_id: Number(credentials.partnerId),
          ...(options.sirdataExpiration === null
            ? {}
            : { expiration_time: sirdataTime(new Date(Date.now() + lifetime * 1000)) })
        }
      }
    }
    if (req.path === '/v1/get_token') {
      const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
      if (req.headers.authorization !== expected) return { status: 401 }
      const lifetime = options.tokenLifetimeSeconds ?? 1800
      const expiresIn = options.sodaExpiresIn === undefined ? lifetime : options.sodaExpiresIn
      return {
        status: 200,
        body: {
          user: credentials.username,
          token: issueToken('soda', lifetime),
          organization_id: SODA_ORGANIZATION,
          ...(expiresIn === null ? {} : { expires_in: expiresIn })
        }
      }
    }
    return { status: 404 }
  }

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now()
      }
      const call = apiCall(recorded.path, recorded.headers)
      if (call) {
        apiCalls.push(call)
        res.writeHead(call.accepted ? 200 : 401, { 'Content-Length': '0' })
        return void res.end()
      }
      requests.push(recorded)
      const outage = down && Date.now() < down.until ? down.reply : undefined
      const reply =
        queue.shift() ??
        outage ??
        (throttled() ? { status: 429, headers: { 'Retry-After': '1' } } : documented(recorded))
      if ('fault' in reply) {
        if (reply.fault === 'reset') return req.socket.destroy()
        if (reply.fault === 'hang') return
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.write('{')
        const timer = setInterval(() => res.write(' '), reply.everyMs)
        timers.add(timer)
        res.on('close', () => clearInterval(timer))
        return
      }
      const body =
        reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
      res.writeHead(reply.status, {
        ...(typeof reply.body === 'object' ? { 'Content-Type': 'application/json' } : {}),
        // As real servers do for a whole answer; `chunked` replies leave it out and stream.
        ...(reply.chunked ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }),
        ...reply.headers
      })
      if (!reply.chunked) return void res.end(body)
      for (let at = 0; at < body.length; at += 65536) res.write(body.slice(at, at + 65536))
      res.end()
    })
  }

  const server = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handle)
    : http.createServer(handle)
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`

  return {
    origin,
    port,
    roots: { sirdata: `${origin}/api/v1`, soda: `${origin}/v1`, oauth2: `${origin}/oauth2/token` },
    credentials,
    requests,
    tokens,
    apiCalls,
    script: (...replies) => void queue.push(...replies),
    outage: (forMs, reply) => void (down = { until: Date.now() + forMs, reply }),
    expiryOf: token => expiries.get(token),
    close: () =>
      new Promise<void>(resolve => {
        for (const timer of timers) clearInterval(timer)
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

const API_PATHS: Readonly<Record<string, ApiCall['provider']>> = {
  '/api/v1/check': 'sirdata',
  '/v1/check': 'soda',
  '/oauth2/check': 'oauth2'
}

const oauthError = (status: number, error: string, description: string): FakeReply => ({
  status,
  body: { error, error_description: description }
})

/** What an RFC 6749 server answers a client-credentials request it refuses (section 5.2); undefined to accept. */
function clientCredentialsRefusal(req: RecordedRequest, credentials: FakeCredentials): FakeReply | undefined {
  if (req.method !== 'POST') return { status: 405, headers: { Allow: 'POST' } }
  if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') {
    return oauthError(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded.')
  }
  const form = new URLSearchParams(req.body)
  const basic = /^Basic (\S+)$/.exec(req.headers.authorization ?? '')?.[1]
  if (basic && form.has('client_secret')) {
    return oauthError(400, 'invalid_request', 'Use one client authentication method, not two.')
  }
  // Section 2.3.1: the Basic user and password are the form-encoded id and secret.
  const [id, secret] = basic
    ? Buffer.from(basic, 'base64')
        .toString('utf8')
        .split(':')
        .map(part => new URLSearchParams(`v=${part}`).get('v'))
    : [form.get('client_id'), form.get('client_secret')]
  if (id !== credentials.username || secret !== credentials.password) {
    return oauthError(401, 'invalid_client', 'Client authentication failed.')
  }
  if (form.get('grant_type') !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', 'Only client_credentials is supported.')
  }
  return undefined
}

/** Sirdata's expiry format: RFC 3339 with nanoseconds and a +01:00 offset, as its docs show. */
export function sirdataTime(date: Date): string {
  const local = new Date(date.getTime() + 3600_000).toISOString().replace('Z', '')
  return `${local}${randomUUID().replace(/\D/g, '').padEnd(6, '0').slice(0, 6)}+01:00`
}
