import * as http from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface Tunnel {
  /** host:port the client asked for. */
  readonly authority: string
  readonly proxyAuthorization?: string
}

export interface ConnectProxy {
  /** e.g. http://127.0.0.1:40000, for https_proxy. */
  readonly url: string
  readonly tunnels: Tunnel[]
  close(): Promise<void>
}

/**
 * A real HTTP CONNECT proxy on 127.0.0.1 that records each tunnel. It resolves every host to 127.0.0.1,
 * so a test can reach its own servers by name (sirdata.test) only through the proxy.
 * With `credentials`, it answers 407 to a CONNECT without that Proxy-Authorization.
 */
export async function startConnectProxy(
  options: { credentials?: string; /** Where it listens: 127.0.0.1, or ::1 for an IPv6 proxy. */ host?: string } = {}
): Promise<ConnectProxy> {
  const tunnels: Tunnel[] = []
  const sockets = new Set<Socket>()
  const server = http.createServer((_req, res) => res.writeHead(405).end())
  server.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client)
    const authority = req.url ?? ''
    const proxyAuthorization = req.headers['proxy-authorization']
    tunnels.push({ authority, proxyAuthorization })
    const expected = options.credentials && `Basic ${Buffer.from(options.credentials).toString('base64')}`
    if (expected && proxyAuthorization !== expected) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n')
      return
    }
    const port = Number(authority.split(':').pop())
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    const close = () => {
      upstream.destroy()
      client.destroy()
    }
    upstream.on('error', close)
    client.on('error', close)
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>(resolve => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    tunnels,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

export interface RefusingTlsProxy {
  readonly port: number
  /** The Proxy-Authorization of each CONNECT that reached it: none, when the client refused its certificate. */
  readonly connects: unknown[]
  readonly close: () => Promise<void>
}

/**
 * An https:// proxy on 127.0.0.1 with the given certificate, which records each CONNECT's credentials and answers
 * 502: for tests that a client refuses an untrusted proxy before it sends the CONNECT.
 */
export async function startRefusingTlsProxy(identity: { key: string; cert: string }): Promise<RefusingTlsProxy> {
  // Only the key and certificate: no chain is sent, so the client must trust the certificate itself.
  const server = createTlsServer({ key: identity.key, cert: identity.cert })
  const connects: unknown[] = []
  server.on('connect', (req: http.IncomingMessage, socket: Socket) => {
    connects.push(req.headers['proxy-authorization'])
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { port, connects, close: () => new Promise<void>(resolve => server.close(() => resolve())) }
}
