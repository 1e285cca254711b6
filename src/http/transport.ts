import { once } from 'node:events'
import type * as http from 'node:http'
import type * as https from 'node:https'
import type * as tls from 'node:tls'
import { formatDuration } from '../duration.js'
import { NetworkError, TokenRequestError, TransientFailureError, type ActionError } from '../errors.js'
import { USER_AGENT } from '../version.js'
import { proxyFor, type ProxyRoute } from './proxy.js'
import { lookupWithin } from './resolve.js'

export interface HttpRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
}

export interface HttpResponse {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
}

export interface AttemptOptions {
  /** The whole attempt, from connect to the last byte of the body. */
  readonly timeoutMs: number
  /** How messages name the timeout setting: "input 'timeout'" in the action, "--timeout" on the command line. */
  readonly timeoutSetting?: string
  readonly maxBodyBytes?: number
  /** Extra trusted CA certificates, for tests. Runs rely on the system store plus NODE_EXTRA_CA_CERTS. */
  readonly ca?: string
  /** Name resolution (of the host, or of the proxy's), for tests; lookupWithin the deadline otherwise. */
  readonly lookup?: http.RequestOptions['lookup']
  /** Where the proxy variables are read; the process environment by default. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Ends the attempt at once when it aborts: the CLI stops a refresh that its command no longer needs. */
  readonly cancel?: AbortSignal
}

const MAX_BODY_BYTES = 1024 * 1024

/**
 * Sends one request and reads the whole answer, or fails within the deadline with an ActionError whose class says
 * whether another attempt may fare better. One deadline signal covers the proxy tunnel, the request and the body,
 * so a server that drips its answer is cut off too (a socket timeout only notices silence).
 * Never follows redirects: a 3xx comes back as a response for the caller to refuse, since following it would carry
 * credentials (a password in the body, a Basic header) to another host.
 */
export async function sendOnce(request: HttpRequest, options: AttemptOptions): Promise<HttpResponse> {
  // A timer that holds the event loop (AbortSignal.timeout's does not): should a socket vanish without an event,
  // the deadline still ends the attempt with its error instead of the process exiting in silence.
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), options.timeoutMs)
  const deadline = controller.signal
  const cancel = () => controller.abort()
  if (options.cancel?.aborted) cancel()
  options.cancel?.addEventListener('abort', cancel)
  const proxy = proxyFor(request.url, options.env ?? process.env)
  let tunnel: tls.TLSSocket | undefined
  try {
    if (proxy) tunnel = await openTunnel(proxy, request.url, options, deadline)
    return await exchange(request, options, deadline, tunnel)
  } catch (error) {
    if (deadline.aborted) {
      const setting = options.timeoutSetting ?? "input 'timeout'"
      throw new TransientFailureError(
        `timed out after ${formatDuration(options.timeoutMs / 1000)} waiting for a complete answer (${setting})`,
        1,
        { cause: error, timedOut: true }
      )
    }
    throw classify(error, proxy && !tunnel ? `the proxy ${proxy.url.host}` : undefined)
  } finally {
    clearTimeout(timer)
    options.cancel?.removeEventListener('abort', cancel)
    tunnel?.destroy()
  }
}

/** The request and its whole answer, over a fresh connection (no keep-alive socket holds the process open). */
async function exchange(
  request: HttpRequest,
  options: AttemptOptions,
  signal: AbortSignal,
  tunnel: tls.TLSSocket | undefined
): Promise<HttpResponse> {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES
  const transport = await httpFor(request.url)
  const req = transport.request(request.url, {
    method: request.method,
    headers: {
      'User-Agent': USER_AGENT,
      ...request.headers,
      ...(request.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(request.body)) })
    },
    ca: options.ca,
    // Explicit, so that NODE_TLS_REJECT_UNAUTHORIZED=0 (which any earlier step can set for the job) cannot turn
    // verification off: it only changes the default. NODE_EXTRA_CA_CERTS still adds to the trusted CAs.
    rejectUnauthorized: true,
    lookup: options.lookup ?? lookupWithin(signal),
    signal,
    ...(tunnel ? { createConnection: () => tunnel } : { agent: false })
  })
  // Errors after the answer started reach the body's reader; this keeps them from crashing the process.
  req.on('error', () => {})
  req.end(request.body)
  try {
    const res = await firstAnswer(req, signal)
    if (Number(res.headers['content-length']) > maxBodyBytes) throw tooLarge(maxBodyBytes)
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of res as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > maxBodyBytes) throw tooLarge(maxBodyBytes)
      chunks.push(chunk)
    }
    if (!res.complete) throw new TransientFailureError('the connection closed mid-answer')
    return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }
  } finally {
    req.destroy()
  }
}

/**
 * The response, or an error for every other way a request can end: an `upgrade` (a 101 answer, which Node hands
 * over without a `response` or an `error`), or a connection closed before any answer.
 */
async function firstAnswer(req: http.ClientRequest, deadline: AbortSignal): Promise<http.IncomingMessage> {
  const settled = new AbortController()
  const signal = AbortSignal.any([deadline, settled.signal])
  try {
    return await Promise.race([
      once(req, 'response', { signal }).then(([res]) => res as http.IncomingMessage),
      once(req, 'upgrade', { signal }).then(([, socket]) => {
        ;(socket as import('node:net').Socket).destroy()
        throw new TokenRequestError('the server answered 101 Switching Protocols instead of a token response')
      }),
      once(req, 'close', { signal }).then(() => {
        throw new TransientFailureError('the connection closed before any answer')
      })
    ])
  } finally {
    settled.abort()
  }
}

/** An HTTP CONNECT tunnel through the proxy, then TLS to the target inside it, verified as usual. */
async function openTunnel(
  proxy: ProxyRoute,
  target: URL,
  options: AttemptOptions,
  signal: AbortSignal
): Promise<tls.TLSSocket> {
  const authority = `${target.hostname}:${target.port || 443}`
  const connect = (await httpFor(proxy.url)).request({
    // URL keeps an IPv6 host in brackets ([::1]); the resolver wants the address alone.
    host: proxy.url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: proxy.url.port || (proxy.url.protocol === 'https:' ? 443 : 80),
    method: 'CONNECT',
    path: authority,
    headers: { Host: authority, ...(proxy.authorization ? { 'Proxy-Authorization': proxy.authorization } : {}) },
    agent: false,
    ca: options.ca,
    rejectUnauthorized: true,
    // The proxy's own name resolves within the deadline too; the target's is the proxy's business.
    lookup: options.lookup ?? lookupWithin(signal),
    signal
  })
  connect.on('error', () => {})
  connect.end()
  const [res, socket] = (await once(connect, 'connect', { signal })) as [
    http.IncomingMessage,
    import('node:net').Socket
  ]
  if (res.statusCode !== 200) {
    socket.destroy()
    const answer = `the proxy ${proxy.url.host} (from ${proxy.variable}) answered ${res.statusCode} to CONNECT ${authority}`
    // 407 means the proxy wants other credentials: retrying cannot help.
    if (res.statusCode === 407)
      throw new NetworkError(`${answer}: check the user name and password in ${proxy.variable}`)
    throw new TransientFailureError(answer)
  }
  const { connect: connectTls } = await import('node:tls')
  return connectTls({
    socket,
    host: target.hostname,
    servername: process.getBuiltinModule('node:net').isIP(target.hostname) ? undefined : target.hostname,
    ca: options.ca,
    rejectUnauthorized: true
  })
}

/**
 * node:https for an https: URL, node:http otherwise, loaded on the first request: with node:tls, https costs a run
 * more start-up than the rest of the action together (OpenSSL's set-up), http and its streams about a fifth, and a
 * run that stops at its inputs or unseals needs neither.
 */
async function httpFor(url: URL): Promise<typeof http | typeof https> {
  return url.protocol === 'https:' ? await import('node:https') : await import('node:http')
}

const CONNECTION_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ETIMEDOUT: 'connection timed out',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed for now',
  ETIMEOUT: 'no DNS server answered',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ERR_TLS_HANDSHAKE_TIMEOUT: 'TLS handshake timed out'
}

// Certificate problems are configuration, not luck: never retried, each with the advice that fits it.
const UNTRUSTED_CA = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_CHAIN_TOO_LONG'
])
const CERT_DATES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])
const WRONG_HOST = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH'])
const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'EPROTO'])

/** Turns what node:http threw into an ActionError whose class decides retrying; ActionErrors pass through. */
function classify(error: unknown, peer?: string): ActionError {
  if (error instanceof TokenRequestError || error instanceof TransientFailureError || error instanceof NetworkError)
    return error
  const code = (error as NodeJS.ErrnoException).code ?? ''
  const options = { cause: error }
  if (UNTRUSTED_CA.has(code)) {
    return new NetworkError(
      `TLS certificate not trusted (${code}); if a proxy or gateway presents a corporate CA, ` +
        'point NODE_EXTRA_CA_CERTS at its certificate',
      options
    )
  }
  if (CERT_DATES.has(code)) {
    return new NetworkError(
      `the server's TLS certificate has expired or is not valid yet (${code}); check the runner's clock`,
      options
    )
  }
  if (WRONG_HOST.has(code)) {
    return new NetworkError(
      `the server's TLS certificate is for another host name (${code}); check region and base-url, ` +
        'or a proxy that intercepts TLS: a CA in NODE_EXTRA_CA_CERTS cannot fix a wrong name',
      options
    )
  }
  if (NOT_TLS.has(code)) {
    return new NetworkError(
      `the TLS handshake failed (${code}): the server does not seem to speak TLS on that port; check base-url`,
      options
    )
  }
  const known = CONNECTION_ERRORS[code]
  const reason = known ? `${known} (${code})` : (error as Error).message || 'connection failed'
  return new TransientFailureError(`${peer ? `${peer}: ` : ''}${reason}`, 1, options)
}

function tooLarge(limit: number): TokenRequestError {
  return new TokenRequestError(
    `the answer is larger than ${Math.round(limit / 1024)} KiB, far more than a token response`
  )
}
