import * as http from 'node:http'
import * as https from 'node:https'
import { isIP } from 'node:net'
import * as tls from 'node:tls'
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { USER_AGENT } from '../version.js'

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
  readonly maxBodyBytes?: number
  /** Extra trusted CA certificates, for tests. Runs rely on the system store plus NODE_EXTRA_CA_CERTS. */
  readonly ca?: string
  /** Name resolution for direct connections, for tests. */
  readonly lookup?: http.RequestOptions['lookup']
}

const MAX_BODY_BYTES = 1024 * 1024

/** Why one attempt got no usable answer; `transient` says whether another attempt may fare better. */
export class AttemptError extends Error {
  override readonly name = 'AttemptError'
  constructor(
    message: string,
    readonly transient: boolean
  ) {
    super(message)
  }
}

/**
 * Sends one request and reads the whole answer, or fails within the deadline.
 * Never follows redirects: a 3xx comes back as a response for the caller to refuse,
 * since following it would carry credentials (the Sirdata password is in the body) to another host.
 */
export function sendOnce(request: HttpRequest, options: AttemptOptions): Promise<HttpResponse> {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES
  return new Promise((resolve, reject) => {
    const open: { destroy(): void }[] = []
    let settled = false
    const settle = (error: Error | undefined, response?: HttpResponse) => {
      if (settled) return
      settled = true
      clearTimeout(deadline)
      for (const stream of open) stream.destroy()
      if (error) reject(error)
      else resolve(response as HttpResponse)
    }
    // A socket timeout only notices silence; this one also cuts a server that drips its answer.
    const deadline = setTimeout(
      () => settle(new AttemptError(`no complete answer within ${formatSeconds(options.timeoutMs)}`, true)),
      options.timeoutMs
    )

    const send = (tunnel?: tls.TLSSocket) => {
      const transport = request.url.protocol === 'https:' ? https : http
      const req = transport.request(
        request.url,
        {
          method: request.method,
          headers: {
            'User-Agent': USER_AGENT,
            ...request.headers,
            ...(request.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(request.body)) })
          },
          ca: options.ca,
          lookup: options.lookup,
          // A fresh connection per attempt: no keep-alive socket holds the process open afterwards.
          ...(tunnel ? { createConnection: () => tunnel } : { agent: false })
        },
        res => {
          open.push(res)
          const declared = Number(res.headers['content-length'])
          if (declared > maxBodyBytes) return settle(tooLarge(maxBodyBytes))
          const chunks: Buffer[] = []
          let size = 0
          res.on('data', (chunk: Buffer) => {
            size += chunk.length
            if (size > maxBodyBytes) settle(tooLarge(maxBodyBytes))
            else chunks.push(chunk)
          })
          res.on('end', () =>
            settle(undefined, {
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8')
            })
          )
          res.on('error', error => settle(connectionError(error)))
          res.on('aborted', () => settle(new AttemptError('the connection closed mid-answer', true)))
        }
      )
      open.push(req)
      req.on('error', error => settle(connectionError(error)))
      req.end(request.body)
    }

    const proxy = request.url.protocol === 'https:' ? getProxyUrl(request.url) : undefined
    if (!proxy) return send()
    openTunnel(proxy, request.url, options, open).then(
      // A tunnel that opens after the deadline has nothing left to carry.
      tunnel => (settled ? tunnel.destroy() : send(tunnel)),
      error => settle(error)
    )
  })
}

/** An HTTP CONNECT tunnel through the runner's proxy, then TLS to the target inside it, verified as usual. */
function openTunnel(
  proxy: URL,
  target: URL,
  options: AttemptOptions,
  open: { destroy(): void }[]
): Promise<tls.TLSSocket> {
  const authority = `${target.hostname}:${target.port || 443}`
  const credentials = proxy.username
    ? `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`
    : undefined
  return new Promise((resolve, reject) => {
    const connect = (proxy.protocol === 'https:' ? https : http).request({
      host: proxy.hostname,
      port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: authority,
      headers: { Host: authority, ...(credentials ? { 'Proxy-Authorization': credentials } : {}) },
      agent: false,
      ca: options.ca
    })
    open.push(connect)
    connect.on('connect', (res, socket) => {
      open.push(socket)
      if (res.statusCode !== 200) {
        // 407 means the proxy wants other credentials: retrying cannot help.
        return reject(
          new AttemptError(
            `the proxy ${proxy.host} answered ${res.statusCode} to CONNECT ${authority}`,
            res.statusCode !== 407
          )
        )
      }
      const secured = tls.connect({
        socket,
        host: target.hostname,
        servername: isIP(target.hostname) ? undefined : target.hostname,
        ca: options.ca
      })
      open.push(secured)
      resolve(secured)
    })
    connect.on('error', error => reject(connectionError(error, `the proxy ${proxy.host}`)))
    connect.end()
  })
}

const CONNECTION_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ETIMEDOUT: 'connection timed out',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed for now',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable'
}

function connectionError(error: NodeJS.ErrnoException, peer?: string): AttemptError {
  const code = error.code ?? ''
  // Certificate problems are configuration, not luck: say how to trust a corporate CA, and do not retry.
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) {
    return new AttemptError(
      `TLS certificate not trusted (${code}); if a proxy or gateway presents a corporate CA, ` +
        'point NODE_EXTRA_CA_CERTS at its certificate',
      false
    )
  }
  const reason = CONNECTION_ERRORS[code] ?? (error.message || 'connection failed')
  return new AttemptError(
    `${peer ? `${peer}: ` : ''}${reason}${code && CONNECTION_ERRORS[code] ? ` (${code})` : ''}`,
    true
  )
}

function tooLarge(limit: number): AttemptError {
  return new AttemptError(
    `the answer is larger than ${Math.round(limit / 1024)} KiB, far more than a token response`,
    false
  )
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`
}
