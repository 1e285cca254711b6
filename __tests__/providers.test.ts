import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { seeded } from '../__fixtures__/property.js'
import { TokenRequestError } from '../src/errors.js'
import { tokenProblem } from '../src/providers/answer.js'
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
  it('knows each provider by its input value, with a default region among its regions or an endpoint input', () => {
    expect(Object.keys(providers)).toEqual(['sirdata', 'soda', 'oauth2'])
    for (const provider of Object.values(providers)) {
      if (provider.endpointInput) expect(provider.inputs).toHaveProperty(provider.endpointInput)
      else expect(provider.regions).toHaveProperty(provider.defaultRegion)
    }
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

  it.each([
    'tomorrow',
    '2019-12-11 17:52:30',
    '2019-13-45T99:00:00Z',
    '',
    '2019-12-11T17:52:30',
    '2019-12-11T17:52:30.Z',
    '2019-12-11T17:52:30.1234567890Z',
    '2019-12-11T17:52:30+0100',
    '2019-12-11T17:52:30+1:00',
    ' 2019-12-11T17:52:30Z',
    '2019-12-11T17:52:30Z ',
    '2019-12-11T17:52:30ZZ',
    '12019-12-11T17:52:30Z',
    '2019-2-11T17:52:30Z',
    '2019-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2020-02-30T00:00:00Z',
    '2019-04-31T00:00:00Z'
  ])('does not guess an expiry from %p', text => {
    expect(parseRfc3339(text)).toBeUndefined()
  })

  it.each(['2020-02-29', '2000-02-29', '2019-12-31'])('reads the calendar day %s', day => {
    expect(parseRfc3339(`${day}T00:00:00Z`)?.toISOString()).toBe(`${day}T00:00:00.000Z`)
  })

  it('reads a leap second as the instant after the 59th', () => {
    expect(parseRfc3339('2016-12-31T23:59:60Z')?.toISOString()).toBe('2017-01-01T00:00:00.000Z')
    expect(parseRfc3339('2016-12-31T23:59:60.5+00:00')?.toISOString()).toBe('2017-01-01T00:00:00.500Z')
  })

  it('reads any valid RFC 3339 date-time to the millisecond, as an independent calendar computes it', () => {
    fc.assert(
      fc.property(dateTime, ({ text, parts }) => {
        expect(parseRfc3339(text)?.getTime()).toBe(instant(parts))
      }),
      seeded(2000)
    )
  })

  it('refuses a date-time with any field out of its range', () => {
    fc.assert(
      fc.property(dateTime, outOfRange, ({ parts }, [field, value]) => {
        const text = format({ ...parts, [field]: value })

        expect(parseRfc3339(text)).toBeUndefined()
      }),
      seeded(1000)
    )
  })

  it('refuses the years 0000 to 0099, which a JavaScript date cannot tell from 19xx', () => {
    expect(parseRfc3339('0099-12-31T23:59:59Z')).toBeUndefined()
    expect(parseRfc3339('0100-01-01T00:00:00Z')?.toISOString()).toBe('0100-01-01T00:00:00.000Z')
  })

  it('reads an answer without expiration_time as a token whose expiry is not known', () => {
    const token = sirdata.parse({ token: TOKEN, partner_id: '12345' }, answerContext())

    expect(token).toStrictEqual({ token: TOKEN, account: { 'partner-id': '12345' } })
    expect(sirdata.parse({ token: TOKEN, expiration_time: null }, answerContext())).toStrictEqual({
      token: TOKEN,
      account: { 'partner-id': '12345' }
    })
  })

  it.each<[unknown, string]>([
    ['tomorrow', 'tomorrow'],
    ['2019-12-11T17:52:30', '2019-12-11T17:52:30'],
    [1_700_000_000, '1700000000'],
    [{ at: 'noon' }, 'an object'],
    [true, 'true']
  ])('keeps an expiration_time it cannot read (%p), for the lifetime check to judge', (value, text) => {
    const token = sirdata.parse({ token: TOKEN, expiration_time: value }, answerContext())

    expect(token).toStrictEqual({
      token: TOKEN,
      unreadableExpiry: { field: 'expiration_time', text },
      account: { 'partner-id': '12345' }
    })
  })

  it('prefers the partner id of the answer, read as digits from a number or a string', () => {
    expect(sirdata.parse({ token: TOKEN, partner_id: 678 }, answerContext()).account).toEqual({ 'partner-id': '678' })
    expect(sirdata.parse({ token: TOKEN, partner_id: '0042' }, answerContext()).account).toEqual({
      'partner-id': '0042'
    })
    expect(sirdata.parse({ token: TOKEN, partner_id: 0 }, answerContext()).account).toEqual({ 'partner-id': '0' })
  })

  it.each([-1, 1.5, 2 ** 53, '12a', '', '1'.repeat(21), ' 12'])(
    'refuses a partner_id of %p, without quoting it',
    partnerId => {
      expect(() => sirdata.parse({ token: TOKEN, partner_id: partnerId }, answerContext())).toThrow(
        "Sirdata answered 200 but not with the documented token response: 'partner_id' is not digits."
      )
    }
  )

  it.each<[unknown, string]>([
    [{ token: TOKEN, partner_id: true }, "'partner_id' is not valid"],
    [{ token: TOKEN, partner_id: [1] }, "'partner_id' is not valid"],
    [null, 'the body is not an object'],
    ['a token as text', 'the body is not an object']
  ])('refuses the answer %p: %s', (body, problem) => {
    expect(() => sirdata.parse(body, answerContext())).toThrow(
      `Sirdata answered 200 but not with the documented token response: ${problem}.`
    )
  })

  it('accepts a partner_id of twenty digits', () => {
    expect(sirdata.parse({ token: TOKEN, partner_id: '9'.repeat(20) }, answerContext()).account).toEqual({
      'partner-id': '9'.repeat(20)
    })
  })

  it('refuses an answer without a token, naming the field and not the values', () => {
    const read = () => sirdata.parse({ tokn: 'secret-looking-value', partner_id: 1 }, answerContext())

    expect(read).toThrow(TokenRequestError)
    expect(read).toThrow("Sirdata answered 200 but not with the documented token response: 'token' is missing.")
  })

  it('hints at what to check for each refusal', () => {
    expect([400, 401, 403, 404].map(status => sirdata.hint(status, { region: sirdata.defaultRegion }))).toEqual([
      'Sirdata found the request invalid: check partner-id and that username and password are set.',
      'Check the login (username), password and partner-id, and that the legal and sales agreements with Sirdata are signed: until they are, no token is issued.',
      'This account may not use the partner API: ask your Sirdata technical account manager for API access.',
      'Check partner-id and, if set, base-url (it replaces https://partner-api.sddan.com/api/v1).'
    ])
    expect(sirdata.hint(418, { region: sirdata.defaultRegion })).toBeUndefined()
    expect(sirdata.hint(500, { region: sirdata.defaultRegion })).toBeUndefined()
  })

  it('describes itself: one region, its inputs with their fallbacks, its output', () => {
    expect(sirdata).toMatchObject({
      name: 'sirdata',
      title: 'Sirdata',
      regions: { global: 'https://partner-api.sddan.com/api/v1' },
      defaultRegion: 'global',
      envName: 'SIRDATA_TOKEN',
      tokenHeader: 'Authorization',
      account: [{ output: 'partner-id', label: 'Partner id' }]
    })
    expect(sirdata.inputs.username).toEqual({ env: 'SIRDATA_LOGIN' })
    expect(sirdata.inputs.password).toEqual({ env: 'SIRDATA_PASSWORD', secret: true })
    expect(sirdata.inputs['partner-id'].env).toBe('SIRDATA_PARTNER_ID')
  })

  it('accepts a partner id of digits only, as the URL path needs', () => {
    const schema = sirdata.inputs['partner-id'].schema

    expect(schema?.safeParse('12345').success).toBe(true)
    expect(schema?.safeParse('1'.repeat(20)).success).toBe(true)
    expect(schema?.safeParse('1'.repeat(21)).success).toBe(false)
    expect(schema?.safeParse('12 345').success).toBe(false)
    expect(schema?.safeParse('x12345').success).toBe(false)
    expect(schema?.safeParse('12345x').success).toBe(false)
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

  it('hints at what to check for each refusal', () => {
    expect([400, 401, 403, 404].map(status => soda.hint(status, { region: 'eu' }))).toEqual([
      'Soda Cloud found the request invalid: check username and password.',
      'Check username (the e-mail you signed up with) and password, and the region: this asked eu; an account of us answers 401 there (set region: us). get_token does not serve accounts that sign in with Single Sign-On: Soda recommends API keys for them.',
      'This user may not use the Reporting API: check its role in Soda Cloud.',
      'Check region and, if set, base-url (the API root ends in /v1).'
    ])
    expect(soda.hint(429, { region: 'eu' })).toBeUndefined()
  })

  it('names the region asked and the other one on a 401, since an account of one region is refused by the other', () => {
    expect(soda.hint(401, { region: 'us' })).toContain(
      'this asked us; an account of eu answers 401 there (set region: eu).'
    )
    expect(soda.hint(401, { region: 'eu' })).toContain(
      'this asked eu; an account of us answers 401 there (set region: us).'
    )
  })

  it('describes itself: two regions, eu by default, its inputs with their fallbacks, its outputs', () => {
    expect(soda).toMatchObject({
      name: 'soda',
      title: 'Soda Cloud',
      regions: { eu: 'https://reporting.cloud.soda.io/v1', us: 'https://reporting.cloud.us.soda.io/v1' },
      defaultRegion: 'eu',
      envName: 'SODA_TOKEN',
      tokenHeader: 'SODA_TOKEN',
      account: [
        { output: 'organization-id', label: 'Organisation' },
        { output: 'user', label: 'User' }
      ]
    })
    expect(soda.inputs).toEqual({
      username: { env: 'SODA_USERNAME', example: 'me@example.com' },
      password: { env: 'SODA_PASSWORD', secret: true }
    })
  })

  it.each([0, 1, 3600, 10 * 366 * 86_400])('reads an expires_in of %i seconds', seconds => {
    const token = soda.parse({ token: TOKEN, expires_in: seconds }, answerContext())

    expect(token.expiresAt?.getTime()).toBe(now.getTime() + seconds * 1000)
    expect(token).not.toHaveProperty('unreadableExpiry')
  })

  it.each<[unknown, string]>([
    [-1, '-1'],
    [1.5, '1.5'],
    [10 * 366 * 86_400 + 1, '316224001'],
    ['1800', '"1800"'],
    [[1800], 'an array'],
    [JSON.parse('1e400') as number, 'a number out of range'],
    [-Infinity, 'a number out of range']
  ])('keeps an expires_in it cannot read (%p), for the lifetime check to judge', (value, text) => {
    const token = soda.parse({ token: TOKEN, expires_in: value }, answerContext())

    expect(token).toStrictEqual({ token: TOKEN, unreadableExpiry: { field: 'expires_in', text }, account: {} })
  })

  it.each<[object, string]>([
    [{ token: TOKEN, user: 'u'.repeat(321) }, "'user' is longer than 320 characters"],
    [{ token: TOKEN, user: 'me\u2028@example.com' }, "'user' holds control or invisible characters"],
    [{ token: TOKEN, user: 'me\u0007@example.com' }, "'user' holds control or invisible characters"],
    [{ token: TOKEN, user: 42 }, "'user' is not a string"],
    [
      { token: TOKEN, user: 'me##[warning]@example.com' },
      "'user' holds a legacy workflow command marker (two # and a [)"
    ],
    [
      { token: TOKEN, user: 'me##vso[task.setvariable]' },
      "'user' holds a legacy workflow command marker (two # and a [)"
    ],
    [{ token: TOKEN, user: '##VSO[task.complete]' }, "'user' holds a legacy workflow command marker (two # and a [)"],
    [{ token: TOKEN, organization_id: 'acme' }, "'organization_id' is not a UUID"],
    [{ token: TOKEN, organization_id: `${ORGANIZATION}0` }, "'organization_id' is not a UUID"],
    [{ token: TOKEN, organization_id: `x${ORGANIZATION}` }, "'organization_id' is not a UUID"],
    [{ token: 12345678 }, "'token' is not a string"],
    [{ token: TOKEN, organization_id: 5 }, "'organization_id' is not a string"],
    [
      { token: TOKEN, user: 'u'.repeat(321), organization_id: 'acme' },
      "'organization_id' is not a UUID; 'user' is longer than 320 characters"
    ]
  ])('refuses %p, naming the field and not the value', (body, problem) => {
    expect(() => soda.parse(body, answerContext())).toThrow(
      `Soda Cloud answered 200 but not with the documented token response: ${problem}.`
    )
  })

  it('accepts a user with a # or a [ that is not a command marker', () => {
    expect(soda.parse({ token: TOKEN, user: 'team#1[eu]@example.com' }, answerContext()).account).toEqual({
      user: 'team#1[eu]@example.com'
    })
  })

  it('accepts a user of 320 printable characters and an upper-case UUID', () => {
    const token = soda.parse(
      { token: TOKEN, user: 'u'.repeat(320), organization_id: ORGANIZATION.toUpperCase() },
      answerContext()
    )

    expect(token.account).toEqual({ 'organization-id': ORGANIZATION.toUpperCase(), user: 'u'.repeat(320) })
  })

  it('masks a usable token before any other field can fail, and only a usable one', () => {
    const context = answerContext()

    expect(() => soda.parse({ token: TOKEN, organization_id: 'acme' }, context)).toThrow(TokenRequestError)
    expect(() => soda.parse({ token: 'short' }, context)).toThrow(TokenRequestError)
    expect(() => soda.parse({ token: ['x'.repeat(20)] }, context)).toThrow(TokenRequestError)
    soda.parse({ token: `${TOKEN}-2` }, context)

    expect(context.masked).toEqual([TOKEN, `${TOKEN}-2`])
  })
})

describe('tokenProblem', () => {
  it.each<[string, string | undefined]>([
    ['x'.repeat(8), undefined],
    ['x'.repeat(8192), undefined],
    ['!~azAZ09-._', undefined],
    ['x'.repeat(7), 'is 7 characters long, shorter than any real token (at least 8)'],
    ['x'.repeat(8193), 'is 8193 characters long, longer than the 8 KiB a header can carry'],
    ['token-with\nbreak', 'holds a line break'],
    ['token-with\rbreak', 'holds a line break'],
    ['token with space', 'holds whitespace'],
    ['token\twith-tab', 'holds whitespace'],
    ['token\u00a0nbsp', 'holds whitespace'],
    ['token\u0000-nul', 'holds a control character'],
    ['token\u200b-zwsp', 'holds a control character'],
    ['token-\u00e9t\u00e9', 'holds a character outside printable ASCII'],
    ['token-\u{1f600}', 'holds a character outside printable ASCII']
  ])('judges %p: %p', (token, problem) => {
    expect(tokenProblem(token)).toBe(problem)
  })

  it('accepts every token of visible ASCII between 8 and 8192 characters', () => {
    const visible = fc.integer({ min: 0x21, max: 0x7e }).map(code => String.fromCharCode(code))
    fc.assert(
      fc.property(fc.string({ unit: visible, minLength: 8, maxLength: 300 }), token => {
        expect(tokenProblem(token)).toBeUndefined()
      }),
      seeded(300)
    )
  })

  it('refuses the token in an answer, saying why without quoting it', () => {
    expect(() => soda.parse({ token: 'tok en-1234' }, answerContext())).toThrow(
      'Soda Cloud answered 200 but not with the documented token response: the token holds whitespace; it is not quoted here.'
    )
  })
})

// An RFC 3339 date-time, generated from its parts, and the instant those parts name by a calendar computed here
// (days from the civil date, after Howard Hinnant's algorithm), independently of Date.UTC.
interface Parts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  fraction: string
  offset: string
  separator: string
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
const daysIn = (year: number, month: number) =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
const pad = (value: number, width = 2) => String(value).padStart(width, '0')

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

function instant(parts: Parts): number {
  const { year, month, day, hour, minute, second, fraction, offset } = parts
  const nanoseconds = Number(fraction.padEnd(9, '0'))
  const offsetMinutes =
    offset.toUpperCase() === 'Z'
      ? 0
      : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)))
  const local = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000
  return local + Math.floor(nanoseconds / 1e6) - offsetMinutes * 60_000
}

function format(parts: Parts): string {
  const { year, month, day, hour, minute, second, fraction, offset, separator } = parts
  const time = `${pad(hour)}:${pad(minute)}:${pad(second)}${fraction ? `.${fraction}` : ''}`
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}${separator}${time}${offset}`
}

const dateTime = fc
  .record({
    year: fc.integer({ min: 100, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayIndex: fc.nat(),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 60 }),
    fraction: fc.stringMatching(/^\d{0,9}$/),
    offset: fc.oneof(
      fc.constantFrom('Z', 'z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([sign, hours, minutes]) => `${sign}${pad(hours)}:${pad(minutes)}`)
    ),
    separator: fc.constantFrom('T', 't')
  })
  .map(({ dayIndex, ...rest }) => {
    const parts: Parts = { ...rest, day: (dayIndex % daysIn(rest.year, rest.month)) + 1 }
    return { parts, text: format(parts) }
  })

/** A field and a value outside its range, valid in shape (two digits, four for a year). */
const outOfRange = fc.oneof(
  fc.tuple(fc.constant('year' as const), fc.integer({ min: 0, max: 99 })),
  fc.tuple(fc.constant('month' as const), fc.constantFrom(0, 13, 20, 99)),
  fc.tuple(fc.constant('day' as const), fc.constantFrom(0, 32, 99)),
  fc.tuple(fc.constant('hour' as const), fc.integer({ min: 24, max: 99 })),
  fc.tuple(fc.constant('minute' as const), fc.integer({ min: 60, max: 99 })),
  fc.tuple(fc.constant('second' as const), fc.integer({ min: 61, max: 99 })),
  fc.tuple(fc.constant('offset' as const), fc.constantFrom('+24:00', '-99:00', '+00:60', '-12:99'))
)
