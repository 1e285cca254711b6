import { describe, expect, it } from '@jest/globals'
import { TokenRequestError } from '../src/errors.js'
import { providers } from '../src/providers/index.js'
import { parseRfc3339, sirdata } from '../src/providers/sirdata.js'
import { soda } from '../src/providers/soda.js'

const now = new Date('2026-11-23T10:00:00.000Z')
const ORGANIZATION = '8f2c1a9e-4b7d-4e0a-9c3f-1d2e3f4a5b6c'
const TOKEN = 'tok-8f7e6d5c4b3a2910'
/** What a provider reads an answer with: a fixed clock, the inputs, and a list of what it masked. */
const answerContext = (partnerId = '12345') => {
  const inputs = { 'partner-id': partnerId, username: 'me@example.com', password: 'pw' }
  const masked: string[] = []
  return { now, inputs, secret: (value: string) => void masked.push(value), masked }
}

describe('the provider registry', () => {
  it('knows each provider by its input value, with a default region among its regions', () => {
    expect(Object.keys(providers)).toEqual(['sirdata', 'soda'])
    for (const provider of Object.values(providers)) expect(provider.regions).toHaveProperty(provider.defaultRegion)
    expect(soda.defaultRegion).toBe('eu')
  })
})

describe('sirdata', () => {
  it('asks for a token with a GET carrying the JSON credentials', () => {
    const built = sirdata.request({ 'partner-id': '12345', username: 'me@example.com', password: 'pw' })

    expect(built).toEqual({
      request: {
        method: 'GET',
        path: '/public/auth/partner/12345/token',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: '{"login":"me@example.com","password":"pw"}'
      },
      secrets: []
    })
  })

  it('lists the escaped password for masking when JSON changes it', () => {
    const built = sirdata.request({ 'partner-id': '1', username: 'u', password: 'a"b\\c' })

    expect(built.secrets).toEqual(['a\\"b\\\\c'])
  })

  it('reads the documented answer, normalising the nanosecond expiry to UTC', () => {
    const token = sirdata.parse(
      {
        token: '-njtsdfsjookdbyekkcuzoldsrl',
        partner_id: 12345,
        expiration_time: '2019-12-11T17:52:30.821624721+01:00'
      },
      answerContext()
    )

    expect(token).toEqual({
      token: '-njtsdfsjookdbyekkcuzoldsrl',
      expiresAt: new Date('2019-12-11T16:52:30.821Z'),
      account: { 'partner-id': '12345' }
    })
  })

  it.each([
    ['2019-12-11T17:52:30Z', '2019-12-11T17:52:30.000Z'],
    ['2019-12-11T17:52:30.5-02:30', '2019-12-11T20:22:30.500Z'],
    ['2019-12-11t17:52:30.123456789z', '2019-12-11T17:52:30.123Z']
  ])('reads the expiry %s as %s', (text, iso) => {
    expect(parseRfc3339(text)?.toISOString()).toBe(iso)
  })

  it.each(['tomorrow', '2019-12-11 17:52:30', '2019-13-45T99:00:00Z', ''])('does not guess an expiry from %p', text => {
    expect(parseRfc3339(text)).toBeUndefined()
  })

  it('refuses an answer without a token, naming the field and not the values', () => {
    const read = () => sirdata.parse({ tokn: 'secret-looking-value', partner_id: 1 }, answerContext())

    expect(read).toThrow(TokenRequestError)
    expect(read).toThrow("Sirdata answered 200 but not with the documented token response: 'token' is missing.")
  })

  it('hints at the agreements on a 401', () => {
    expect(sirdata.hint(401)).toContain('legal and sales agreements')
    expect(sirdata.hint(418)).toBeUndefined()
  })
})

describe('soda', () => {
  it('asks for a token with HTTP Basic, and lists the Basic string for masking', () => {
    const built = soda.request({ username: 'me@example.com', password: 'pw' })
    const basic = Buffer.from('me@example.com:pw').toString('base64')

    expect(built).toEqual({
      request: {
        method: 'GET',
        path: '/get_token',
        headers: { Authorization: `Basic ${basic}`, Accept: 'application/json' }
      },
      secrets: [basic]
    })
  })

  it('reads the documented answer; the expiry counts from the moment of receipt', () => {
    const token = soda.parse(
      { user: 'me@example.com', token: TOKEN, organization_id: ORGANIZATION, expires_in: 1800 },
      answerContext()
    )

    expect(token).toEqual({
      token: TOKEN,
      expiresAt: new Date('2026-11-23T10:30:00.000Z'),
      account: { 'organization-id': ORGANIZATION, user: 'me@example.com' }
    })
  })

  it('accepts an answer that omits the optional fields', () => {
    expect(soda.parse({ token: TOKEN }, answerContext())).toEqual({ token: TOKEN, account: {} })
    expect(soda.parse({ token: TOKEN, user: null, organization_id: null, expires_in: null }, answerContext())).toEqual({
      token: TOKEN,
      account: {}
    })
  })

  it.each([
    [{ user: 'x' }, "'token' is missing"],
    [{ token: '' }, 'the token is 0 characters long, shorter than any real token (at least 8)'],
    [['t'], 'the body is not an object']
  ])('refuses %p', (body, problem) => {
    expect(() => soda.parse(body, answerContext())).toThrow(problem)
  })

  it('hints at Single Sign-On on a 401', () => {
    expect(soda.hint(401)).toContain('Single Sign-On')
  })
})
