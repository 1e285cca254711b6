import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { seeded } from '../__fixtures__/property.js'
import { TokenRequestError } from '../src/errors.js'
import { formEncode, oauth2 } from '../src/providers/oauth2.js'

const now = new Date('2026-11-23T10:00:00.000Z')
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl'

type Inputs = Parameters<typeof oauth2.request>[0]
const inputs = (more: Partial<Inputs> = {}): Inputs => ({
  'token-url': 'https://auth.example.com/oauth2/token',
  'client-id': 'reporting-job',
  'client-secret': 's3cret-value',
  scope: '',
  audience: '',
  'client-auth': 'basic',
  ...more
})
const answerContext = (more: Partial<Inputs> = {}) => {
  const masked: string[] = []
  return { now, inputs: inputs(more), secret: (value: string) => void masked.push(value), masked }
}
const form = (body: string | undefined) => Object.fromEntries(new URLSearchParams(body))

describe('oauth2: the token request (RFC 6749, 4.4.2)', () => {
  it('POSTs grant_type=client_credentials as a form, to the token URL itself, with HTTP Basic by default', () => {
    const built = oauth2.request(inputs())

    expect(built).toEqual({
      request: {
        method: 'POST',
        path: '',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
          Authorization: `Basic ${Buffer.from('reporting-job:s3cret-value').toString('base64')}`
        },
        body: 'grant_type=client_credentials'
      },
      secrets: [Buffer.from('reporting-job:s3cret-value').toString('base64')]
    })
  })

  it('form-encodes id and secret before Basic (Appendix B), and masks the encoded secret and the Basic value', () => {
    const built = oauth2.request(inputs({ 'client-id': 'id:+% &x', 'client-secret': 'se:cr+et% &y' }))
    const basic = Buffer.from('id%3A%2B%25+%26x:se%3Acr%2Bet%25+%26y').toString('base64')

    expect(built.request.headers.Authorization).toBe(`Basic ${basic}`)
    expect(built.secrets).toEqual(['se%3Acr%2Bet%25+%26y', basic])
  })

  it('sends id and secret in the body with client-auth post, and masks the body part that holds the secret', () => {
    const built = oauth2.request(inputs({ 'client-auth': 'post', 'client-secret': 'a b&c', scope: 'r w' }))

    expect(built.request.headers).not.toHaveProperty('Authorization')
    expect(built.request.body).toBe(
      'grant_type=client_credentials&scope=r+w&client_id=reporting-job&client_secret=a+b%26c'
    )
    expect(built.secrets).toEqual(['a+b%26c', 'client_secret=a+b%26c'])
  })

  it('sends scope and audience only when they are set', () => {
    const built = oauth2.request(inputs({ scope: 'reports:read reports:write', audience: 'https://api.example.com' }))

    expect(form(built.request.body)).toEqual({
      grant_type: 'client_credentials',
      scope: 'reports:read reports:write',
      audience: 'https://api.example.com'
    })
  })

  it('encodes any value so that the form reads it back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), value => {
        expect(new URLSearchParams(`v=${formEncode(value)}`).get('v')).toBe(value)
        expect(formEncode(value)).not.toMatch(/[ :&=%](?![0-9A-F]{2})/)
      }),
      seeded(300)
    )
  })
})

describe('oauth2: the answer (RFC 6749, 5.1)', () => {
  it('reads access_token, expires_in and the granted scope, masking the token first', () => {
    const context = answerContext({ scope: 'reports:read' })

    const token = oauth2.parse(
      { access_token: TOKEN, token_type: 'Bearer', expires_in: 3600, scope: 'reports:read' },
      context
    )

    expect(token).toEqual({
      token: TOKEN,
      expiresAt: new Date(now.getTime() + 3600 * 1000),
      account: { scope: 'reports:read' }
    })
    expect(context.masked).toEqual([TOKEN])
  })

  it('takes the requested scope when the answer leaves it out, and no scope when neither says', () => {
    const answer = { access_token: TOKEN, token_type: 'bearer', expires_in: '599' }

    expect(oauth2.parse(answer, answerContext({ scope: 'a b' })).account).toEqual({ scope: 'a b' })
    expect(oauth2.parse(answer, answerContext()).account).toEqual({})
    expect(oauth2.parse(answer, answerContext()).expiresAt).toEqual(new Date(now.getTime() + 599_000))
  })

  it.each<[unknown, string]>([
    [-1, '-1'],
    [1.5, '1.5'],
    ['soon', 'soon'],
    [10 * 366 * 86_400 + 1, '316224001'],
    [[60], 'an array']
  ])('keeps an expires_in it cannot read (%p) for the lifetime check', (value, text) => {
    const token = oauth2.parse({ access_token: TOKEN, token_type: 'Bearer', expires_in: value }, answerContext())

    expect(token.unreadableExpiry).toEqual({ field: 'expires_in', text })
    expect(token.expiresAt).toBeUndefined()
  })

  it.each<[object, string]>([
    [{ token_type: 'Bearer' }, "'access_token' is missing"],
    [{ access_token: TOKEN }, "'token_type' is missing"],
    [
      { access_token: TOKEN, token_type: 'mac' },
      "'token_type' is not Bearer, the only token type the action can hand on"
    ],
    [{ access_token: 'short', token_type: 'Bearer' }, 'the token is 5 characters long'],
    [
      { access_token: TOKEN, token_type: 'Bearer', scope: 'a##[warning]b' },
      "'scope' holds a legacy workflow command marker"
    ],
    [{ access_token: TOKEN, token_type: 'Bearer', scope: 'a\nb' }, "'scope' holds control or invisible characters"]
  ])('refuses %p, naming the field and not the value', (body, problem) => {
    expect(() => oauth2.parse(body, answerContext())).toThrow(TokenRequestError)
    expect(() => oauth2.parse(body, answerContext())).toThrow(
      `OAuth 2.0 answered 200 but not with the documented token response: ${problem}`
    )
  })

  it('masks a usable access_token even when another field is refused', () => {
    const context = answerContext()

    expect(() => oauth2.parse({ access_token: TOKEN, token_type: 'mac' }, context)).toThrow(TokenRequestError)
    expect(context.masked).toEqual([TOKEN])
  })
})

describe('oauth2: a refusal (RFC 6749, 5.2)', () => {
  it.each([
    ['invalid_client', 'Check client-id, client-secret and client-auth'],
    ['invalid_scope', 'Check scope'],
    ['unauthorized_client', 'This client may not use the client-credentials grant'],
    ['invalid_request', 'Check token-url'],
    ['invalid_grant', 'Check that the client is enabled'],
    ['unsupported_grant_type', 'The server does not offer the client-credentials grant']
  ])('quotes %s with its description and says what to check', (error, next) => {
    const hint = oauth2.hint(400, {
      region: oauth2.defaultRegion,
      answer: { error, error_description: 'said the server' }
    })

    expect(hint?.startsWith(`The server said ${error} (said the server). ${next}`)).toBe(true)
  })

  it('neutralises the server text: no workflow command, no line break, cut short', () => {
    const hint = oauth2.hint(401, {
      region: oauth2.defaultRegion,
      answer: {
        error: 'invalid_client',
        error_description: `::error::x\n##[set-output name=a]${'y'.repeat(300)}`
      }
    }) as string

    expect(hint).not.toMatch(/##\[|\n|^::/)
    expect(hint.startsWith('The server said invalid_client (: :error::x# #[set-output name=a]yyy')).toBe(true)
    expect(hint.length).toBeLessThan(450)
  })

  it('falls back on the status when the body holds no usable error code', () => {
    expect(oauth2.hint(401, { region: oauth2.defaultRegion, answer: undefined })).toMatch(
      /^Check client-id, client-secret and client-auth/
    )
    expect(oauth2.hint(401, { region: oauth2.defaultRegion, answer: { error: 'bad"code' } })).toMatch(
      /^Check client-id/
    )
    expect(oauth2.hint(404, { region: oauth2.defaultRegion, answer: { message: 'not found' } })).toMatch(
      /^Check token-url/
    )
    expect(oauth2.hint(429, { region: oauth2.defaultRegion, answer: undefined })).toBeUndefined()
  })

  it('quotes an unknown code without a next step of its own, with the status hint when there is one', () => {
    expect(oauth2.hint(400, { region: oauth2.defaultRegion, answer: { error: 'slow_down' } })).toBe(
      'The server said slow_down. The server found the request invalid: check token-url, client-auth, scope and audience.'
    )
    expect(oauth2.hint(418, { region: oauth2.defaultRegion, answer: { error: 'teapot' } })).toBe(
      'The server said teapot.'
    )
  })
})

describe('oauth2: its declaration', () => {
  it('reads the whole token URL from token-url, and sends the token as Authorization: Bearer', () => {
    expect(oauth2).toMatchObject({
      name: 'oauth2',
      regions: {},
      endpointInput: 'token-url',
      envName: 'OAUTH2_TOKEN',
      tokenHeader: 'Authorization',
      tokenScheme: 'Bearer',
      account: [{ output: 'scope', label: 'Scope' }]
    })
    expect(Object.keys(oauth2.inputs)).toEqual([
      'token-url',
      'client-id',
      'client-secret',
      'scope',
      'audience',
      'client-auth'
    ])
    expect(oauth2.inputs['client-secret']).toMatchObject({ env: 'OAUTH2_CLIENT_SECRET', secret: true })
    expect(oauth2.inputs['client-auth'].default).toBe('basic')
  })
})
