import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TestPki {
  /** PEM of the throwaway CA, for the client's `ca` option. */
  readonly ca: string
  /** The CA's PEM file, for NODE_EXTRA_CA_CERTS in process-level runs. */
  readonly caFile: string
  /** The server's key and certificate, signed by the CA. */
  readonly key: string
  readonly cert: string
  /** The names the certificate is valid for. */
  readonly hosts: readonly string[]
  remove(): void
}

export const TEST_HOSTS = ['sirdata.test', 'soda.test', 'localhost'] as const

/** A certificate for 127.0.0.1 signed by its own key, as a server that no CA vouches for presents. */
export function createSelfSignedCert(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'self-signed-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:soda.test,DNS:sirdata.test',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem')
      ],
      { stdio: 'pipe' }
    )
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Makes a throwaway CA and a server certificate for 127.0.0.1 and TEST_HOSTS, with the system's openssl. */
export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'test-pki-'))
  const file = (name: string) => join(dir, name)
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' })
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=token-mint-action test CA',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem')
  )
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr')
  )
  const altNames = ['IP:127.0.0.1', ...TEST_HOSTS.map(host => `DNS:${host}`)].join(',')
  writeFileSync(file('server.ext'), `subjectAltName=${altNames}\nextendedKeyUsage=serverAuth\n`)
  openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    file('server.ext'),
    '-out',
    file('server.pem')
  )
  return {
    ca: readFileSync(file('ca.pem'), 'utf8'),
    caFile: file('ca.pem'),
    key: readFileSync(file('server.key'), 'utf8'),
    cert: readFileSync(file('server.pem'), 'utf8'),
    hosts: TEST_HOSTS,
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}
