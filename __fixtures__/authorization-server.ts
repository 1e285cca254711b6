import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/**
 * A real OAuth 2.0 authorization server, oidc-provider (a certified OpenID Connect implementation), on 127.0.0.1,
 * with the client-credentials grant on and four clients: one per client authentication method, one whose id and
 * secret hold the characters that Appendix B's form-encoding changes, and one not allowed this grant.
 */

export interface Client {
  readonly id: string
  readonly secret: string
}

export interface AuthorizationServer {
  readonly tokenUrl: string
  readonly clients: {
    readonly basic: Client
    readonly post: Client
    readonly odd: Client
    readonly codeOnly: Client
  }
  /** The scopes the basic and post clients may ask for; the odd client may have only the first. */
  readonly scopes: readonly string[]
  /** Each request's method, path and headers, as the server received them. */
  readonly requests: { readonly method?: string; readonly url?: string; readonly headers: http.IncomingHttpHeaders }[]
  close(): Promise<void>
}

const CLIENTS = {
  basic: { id: 'reporting-job', secret: 'basic-secret-6Gm2YqU8xRt4Nw0Lp' },
  post: { id: 'post-job', secret: 'post-secret-9Hk3ZrV7yQs5Mx1Ko' },
  odd: { id: 'odd id:+%&x', secret: 'odd secret:+%& with spaces' },
  codeOnly: { id: 'web-app', secret: 'web-secret-2Jd8WpT4uLe6Bc0Fa' }
} as const
const SCOPES = ['reports:read', 'reports:write'] as const

export async function startAuthorizationServer(): Promise<AuthorizationServer> {
  const server = http.createServer()
  const sockets = new Set<Socket>()
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const machine = { grant_types: ['client_credentials'], response_types: [], redirect_uris: [] }
  // oidc-provider warns, on purpose, about its development defaults (keys, storage) and, on Node 20, the runtime:
  // they are what a test wants, and its warnings are not this suite's.
  /* eslint-disable no-console -- silenced while oidc-provider loads and starts, then put back */
  const warn = console.warn
  const info = console.info
  console.warn = () => {}
  console.info = () => {}
  let provider: import('oidc-provider').default
  try {
    const { default: Provider } = await import('oidc-provider')
    provider = new Provider(issuer, {
      clients: [
        {
          ...machine,
          client_id: CLIENTS.basic.id,
          client_secret: CLIENTS.basic.secret,
          token_endpoint_auth_method: 'client_secret_basic',
          scope: SCOPES.join(' ')
        },
        {
          ...machine,
          client_id: CLIENTS.post.id,
          client_secret: CLIENTS.post.secret,
          token_endpoint_auth_method: 'client_secret_post',
          scope: SCOPES.join(' ')
        },
        {
          ...machine,
          client_id: CLIENTS.odd.id,
          client_secret: CLIENTS.odd.secret,
          token_endpoint_auth_method: 'client_secret_basic',
          scope: SCOPES[0]
        },
        {
          client_id: CLIENTS.codeOnly.id,
          client_secret: CLIENTS.codeOnly.secret,
          grant_types: ['authorization_code'],
          response_types: ['code'],
          redirect_uris: ['https://app.example.com/callback'],
          token_endpoint_auth_method: 'client_secret_post'
        }
      ],
      scopes: [...SCOPES],
      features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
      ttl: { ClientCredentials: 600 }
    })
  } finally {
    console.warn = warn
    console.info = info
  }
  /* eslint-enable no-console */
  const requests: AuthorizationServer['requests'][number][] = []
  const handle = provider.callback()
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    requests.push({ method: req.method, url: req.url, headers: req.headers })
    void handle(req, res)
  })

  return {
    tokenUrl: `${issuer}/token`,
    clients: CLIENTS,
    scopes: SCOPES,
    requests,
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
