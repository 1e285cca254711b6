import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { seeded } from '../__fixtures__/property.js'
import { NetworkError } from '../src/errors.js'
import { parseProxy, proxyFor } from '../src/http/proxy.js'

/** The refusal parseProxy throws for `text`, checked to be a NetworkError. */
function refusal(text: string, variable = 'https_proxy'): string {
  try {
    parseProxy(text, variable)
  } catch (error) {
    expect(error).toBeInstanceOf(NetworkError)
    return (error as Error).message
  }
  throw new Error(`expected ${text} to be refused`)
}

const basic = (credentials: string) => `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`

describe('parseProxy', () => {
  it('reads a proxy URL with its scheme, host and port, and no credentials', () => {
    const route = parseProxy('https://proxy.corp.example:3129', 'HTTPS_PROXY')

    expect(route).toEqual({ url: new URL('https://proxy.corp.example:3129'), variable: 'HTTPS_PROXY', secrets: [] })
    expect(route).not.toHaveProperty('authorization')
  })

  it('reads a value without a scheme as http://, as curl does', () => {
    expect(parseProxy('proxy.corp.example:3128', 'http_proxy').url.href).toBe('http://proxy.corp.example:3128/')
    expect(parseProxy('10.0.0.1:8080', 'http_proxy').url.href).toBe('http://10.0.0.1:8080/')
    expect(parseProxy('proxy.corp.example:3128/pac?next=http://x', 'http_proxy').url.host).toBe(
      'proxy.corp.example:3128'
    )
  })

  it('decodes percent-encoded credentials exactly once', () => {
    const route = parseProxy('http://us%40er:p%25ss@proxy:3128', 'https_proxy')

    expect(route.authorization).toBe(basic('us@er:p%ss'))
  })

  it('lists the password in every form it could be printed in, to be masked', () => {
    const route = parseProxy('http://us%40er:p%25ss@proxy:3128', 'https_proxy')

    expect(route.secrets).toEqual(['p%25ss', 'p%ss', Buffer.from('us@er:p%ss').toString('base64')])
    expect(parseProxy('http://corp@proxy:3128', 'https_proxy').secrets).toEqual([
      Buffer.from('corp:').toString('base64')
    ])
  })

  it.each(['http://user:123/secret@proxy.corp:3128', 'http://user:12#secret@proxy.corp:3128'])(
    'refuses %s, whose password holds an unencoded / or #, without reading part of it as the host',
    text => {
      const message = refusal(text)

      expect(message).toBe(
        'The proxy in https_proxy cannot be used: its user name or password holds a / ? or # that is not percent-encoded (write them as %2F %3F %23).'
      )
      expect(message).not.toContain('secret')
    }
  )

  it('refuses a password given without a user name, rather than going on without it unmasked', () => {
    const message = refusal('http://:secret@proxy.corp:3128')

    expect(message).toMatch(/^The proxy in https_proxy cannot be used: /)
    expect(message).not.toContain('secret')
  })

  it('accepts an @ in the path of a proxy URL whose credentials are in place', () => {
    expect(parseProxy('http://corp:pw@proxy:3128/a@b', 'https_proxy').authorization).toBe(basic('corp:pw'))
  })

  it('sends a user name without a password as "user:"', () => {
    expect(parseProxy('http://corp@proxy:3128', 'https_proxy').authorization).toBe(basic('corp:'))
  })

  it('encodes the credentials as UTF-8', () => {
    expect(parseProxy('http://j%C3%BCrgen:%E2%82%AC@proxy', 'https_proxy').authorization).toBe(basic('jürgen:€'))
  })

  it.each(['socks5://proxy:1080', 'socks5h://user:secret@proxy:1080', 'ftp://proxy'])(
    'refuses %s, naming the scheme and the variable',
    text => {
      const scheme = text.slice(0, text.indexOf(':'))

      expect(refusal(text)).toBe(
        `The proxy in https_proxy cannot be used: ${scheme}:// proxies are not supported; use an http:// or https:// proxy.`
      )
    }
  )

  it('cuts a long scheme short in its message', () => {
    expect(refusal(`${'x'.repeat(30)}://proxy`)).toBe(
      `The proxy in https_proxy cannot be used: ${'x'.repeat(20)}:// proxies are not supported; use an http:// or https:// proxy.`
    )
  })

  it.each(['http://', 'http://:3128', 'http://user:secret@:3128', 'http://[::1'])(
    'refuses %s, which names no host or is not a URL, without quoting it',
    text => {
      const message = refusal(text, 'HTTP_PROXY')

      expect(message).toMatch(/^The proxy in HTTP_PROXY cannot be used: (it names no host|it is not a URL .*)\.$/)
      expect(message).not.toContain('secret')
    }
  )

  it('says why an unparseable value is not shown', () => {
    expect(refusal('http://user:secret@proxy:99999')).toBe(
      'The proxy in https_proxy cannot be used: it is not a URL (the value is not shown, since it may hold a password).'
    )
  })

  it('refuses credentials that are not valid percent-encoding, without quoting them', () => {
    const message = refusal('http://user:secret%zz%E2@proxy:3128')

    expect(message).toBe(
      'The proxy in https_proxy cannot be used: its user name or password is not valid percent-encoding (write % as %25).'
    )
    expect(refusal('http://us%E2er:pw@proxy')).toBe(message)
  })

  it('decodes any user name and password the way they were encoded, once', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (user, password) => {
        const text = `http://${encodeURIComponent(user)}:${encodeURIComponent(password)}@proxy.example:3128`

        const route = parseProxy(text, 'https_proxy')

        expect(route.authorization).toBe(basic(`${user}:${password}`))
        expect(route.url.host).toBe('proxy.example:3128')
      }),
      seeded(500)
    )
  })

  it('never quotes a password in a refusal', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('socks5', 'socks4', 'ftp', 'file'),
        fc.stringMatching(/^[A-Za-z0-9]{8,20}$/),
        (scheme, password) => {
          const message = refusal(`${scheme}://user:${password}@proxy:1080`)

          expect(message).not.toContain(password)
        }
      ),
      seeded(100)
    )
  })
})

describe('proxyFor', () => {
  const target = new URL('https://partner-api.sddan.com/api/v1')
  const proxy = 'http://proxy.corp.example:3128'

  it('uses https_proxy, then HTTPS_PROXY, for an https:// target', () => {
    expect(proxyFor(target, { https_proxy: proxy, HTTPS_PROXY: 'http://other:1' })?.variable).toBe('https_proxy')
    expect(proxyFor(target, { HTTPS_PROXY: proxy })?.variable).toBe('HTTPS_PROXY')
    expect(proxyFor(target, { https_proxy: '  ', HTTPS_PROXY: proxy })?.variable).toBe('HTTPS_PROXY')
    expect(proxyFor(target, { https_proxy: ` ${proxy} ` })?.url.href).toBe(`${proxy}/`)
  })

  it('uses http_proxy, then HTTP_PROXY, for an http:// target, and never the https ones', () => {
    const plain = new URL('http://gateway.example/v1')

    expect(proxyFor(plain, { http_proxy: proxy })?.variable).toBe('http_proxy')
    expect(proxyFor(plain, { HTTP_PROXY: proxy })?.variable).toBe('HTTP_PROXY')
    expect(proxyFor(plain, { https_proxy: proxy, HTTPS_PROXY: proxy })).toBeUndefined()
    expect(proxyFor(target, { http_proxy: proxy, HTTP_PROXY: proxy })).toBeUndefined()
  })

  it('connects directly when no proxy is set', () => {
    expect(proxyFor(target, {})).toBeUndefined()
    expect(proxyFor(target, { https_proxy: '' })).toBeUndefined()
  })

  it('fails on a proxy it cannot use rather than going around it', () => {
    expect(() => proxyFor(target, { https_proxy: 'socks5://proxy:1080' })).toThrow(NetworkError)
  })

  it.each([
    'https://localhost:8443/v1',
    'https://LOCALHOST/v1',
    'https://127.0.0.1/v1',
    'https://127.12.0.1:9/v1',
    'https://127.0.10.1/v1',
    'https://127.0.0.10/v1',
    'https://[::1]:8443/v1',
    'https://[0:0:0:0:0:0:0:1]/v1'
  ])('never sends loopback traffic (%s) through the proxy', url => {
    expect(proxyFor(new URL(url), { https_proxy: proxy, HTTPS_PROXY: proxy })).toBeUndefined()
  })

  it.each<[string, string, boolean]>([
    ['*', 'https://anything.example/v1', true],
    ['partner-api.sddan.com', 'https://partner-api.sddan.com/api/v1', true],
    ['sddan.com', 'https://partner-api.sddan.com/api/v1', true],
    ['.sddan.com', 'https://partner-api.sddan.com/api/v1', true],
    ['SDDAN.COM', 'https://partner-api.sddan.com/api/v1', true],
    ['sddan.com', 'https://sddan.com/api/v1', true],
    ['other.example, sddan.com', 'https://partner-api.sddan.com/api/v1', true],
    ['other.example,,sddan.com ', 'https://partner-api.sddan.com/api/v1', true],
    ['partner-api.sddan.com:443', 'https://partner-api.sddan.com/api/v1', true],
    ['gateway.example:80', 'http://gateway.example/v1', true],
    ['gateway.example:8080', 'http://gateway.example:8080/v1', true],
    ['partner-api.sddan.com:8443', 'https://partner-api.sddan.com/api/v1', false],
    ['gateway.example:443', 'http://gateway.example/v1', false],
    ['dan.com', 'https://partner-api.sddan.com/api/v1', false],
    ['.partner-api.sddan.com', 'https://partner-api.sddan.com/api/v1', false],
    ['sddan.com.evil', 'https://partner-api.sddan.com/api/v1', false],
    ['other.example', 'https://partner-api.sddan.com/api/v1', false],
    [' , ', 'https://partner-api.sddan.com/api/v1', false]
  ])('reads no_proxy %p for %s: bypass %p', (noProxy, url, bypass) => {
    const route = proxyFor(new URL(url), { no_proxy: noProxy, https_proxy: proxy, http_proxy: proxy })

    expect(route === undefined).toBe(bypass)
  })

  it.each(['https://127.0.0.1.example/v1', 'https://127.example.com/v1'])(
    'sends %s, a name that only starts like a loopback address, through the proxy',
    url => {
      expect(proxyFor(new URL(url), { https_proxy: proxy })?.variable).toBe('https_proxy')
    }
  )

  it('matches nothing with an empty no_proxy entry, not even a host name ending in a dot', () => {
    expect(
      proxyFor(new URL('https://partner-api.sddan.com./v1'), { no_proxy: 'x.example,, ', https_proxy: proxy })
    ).toBeDefined()
  })

  it('reads NO_PROXY when no_proxy is unset or blank', () => {
    expect(proxyFor(target, { NO_PROXY: 'sddan.com', https_proxy: proxy })).toBeUndefined()
    expect(proxyFor(target, { no_proxy: ' ', NO_PROXY: 'sddan.com', https_proxy: proxy })).toBeUndefined()
    expect(proxyFor(target, { no_proxy: 'other.example', NO_PROXY: 'sddan.com', https_proxy: proxy })).toBeDefined()
  })

  it('bypasses the proxy for every subdomain of a no_proxy domain, and for no other host', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/)
    fc.assert(
      fc.property(fc.array(label, { minLength: 0, maxLength: 3 }), label, label, (sub, name, other) => {
        fc.pre(name !== other)
        const domain = `${name}.example`
        const inside = new URL(`https://${[...sub, domain].join('.')}/v1`)
        const outside = new URL(`https://${[...sub, `${other}.example`].join('.')}/v1`)
        const env = { no_proxy: domain, https_proxy: proxy }

        expect(proxyFor(inside, env)).toBeUndefined()
        expect(proxyFor(outside, env)?.variable).toBe('https_proxy')
      }),
      seeded(300)
    )
  })
})
