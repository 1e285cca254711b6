import { describe, expect, it } from '@jest/globals'
import { InputError } from '../src/errors.js'
import { parseSettings, type RawInputs } from '../src/settings/settings.js'

// The settings of a provider whose inputs include optional ones and the whole endpoint URL (oauth2).

const oauth2: RawInputs = {
  provider: 'oauth2',
  'token-url': 'https://auth.example.com/oauth2/token/',
  'client-id': 'reporting-job',
  'client-secret': 's3cret'
}
const mint = (raw: RawInputs, env: Record<string, string> = {}) => {
  const { settings, warnings } = parseSettings(raw, env)
  if (settings.mode !== 'mint') throw new Error('expected a minting run')
  return { settings, warnings }
}
const problems = (raw: RawInputs, env: Record<string, string> = {}) => {
  try {
    parseSettings(raw, env)
  } catch (error) {
    return (error as InputError).message
  }
  throw new Error('expected an InputError')
}

describe('parseSettings for oauth2', () => {
  it('fills the optional inputs with their defaults and takes token-url, as it is, for the endpoint', () => {
    const { settings, warnings } = mint(oauth2)

    expect(settings.inputs).toEqual({
      'token-url': 'https://auth.example.com/oauth2/token/',
      'client-id': 'reporting-job',
      'client-secret': 's3cret',
      scope: '',
      audience: '',
      'client-auth': 'basic'
    })
    expect(settings.apiRoot.href).toBe('https://auth.example.com/oauth2/token/')
    expect(warnings).toEqual([])
  })

  it('reads the OAUTH2_* variables when the inputs are empty', () => {
    const env = {
      OAUTH2_TOKEN_URL: 'http://127.0.0.1:8080/token',
      OAUTH2_CLIENT_ID: 'from-env',
      OAUTH2_CLIENT_SECRET: 'env-secret'
    }

    const { settings } = mint({ provider: 'oauth2', 'client-auth': ' POST ' }, env)

    expect(settings.inputs).toMatchObject({
      'client-id': 'from-env',
      'client-secret': 'env-secret',
      'client-auth': 'post'
    })
    expect(settings.apiRoot.href).toBe('http://127.0.0.1:8080/token')
  })

  it('names each missing credential with its variable, and never asks for the optional inputs', () => {
    const message = problems({ provider: 'oauth2' })

    expect(message).toContain(
      "Input 'token-url' is required for oauth2: set it, or the OAUTH2_TOKEN_URL environment variable."
    )
    expect(message).toContain(
      "Input 'client-id' is required for oauth2: set it, or the OAUTH2_CLIENT_ID environment variable."
    )
    expect(message).toContain("Input 'client-secret' is required for oauth2")
    expect(message).not.toMatch(/'scope'|'audience'|'client-auth'/)
  })

  it.each([
    [
      'token-url',
      'http://auth.example.com/token',
      'must be an https:// URL: plain http:// is allowed only to a loopback host'
    ],
    [
      'token-url',
      'https://auth.example.com/token?tenant=x',
      'must not have a query (?) or a fragment (#): give the token endpoint URL only.'
    ],
    ['client-auth', 'jwt', 'must be one of: basic, post.'],
    ['scope', 'a  b', 'must be scope names separated by single spaces'],
    ['audience', 'my api', 'must be printable ASCII without spaces'],
    ['client-id', 'caf\u00e9', 'must be printable ASCII']
  ])('refuses %s %p before any request', (input, value, message) => {
    expect(problems({ ...oauth2, [input]: value })).toContain(`Input '${input}' ${message}`)
  })

  it('warns that base-url and region do not apply, since token-url is the whole URL', () => {
    const { warnings, settings } = mint({ ...oauth2, 'base-url': 'https://gateway.example.com/v1', region: 'us' })

    expect(warnings).toEqual([
      "Input 'region' does not apply to oauth2 and is ignored.",
      "Input 'base-url' does not apply to oauth2, whose token-url gives the whole URL, and is ignored."
    ])
    expect(settings.apiRoot.host).toBe('auth.example.com')
  })

  it('warns that the oauth2 inputs do nothing for another provider, or when unsealing', () => {
    const soda = mint({ provider: 'soda', username: 'u', password: 'p', scope: 'read' })
    const unsealing = parseSettings(
      { 'sealed-token': 'tm1.x', 'seal-key': 'BeRZJivWSezge52dVzAmKKiuoIrLQ3zyZwifSci4jxA=', 'client-id': 'x' },
      { GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1' }
    )

    expect(soda.warnings).toEqual(["Input 'scope' does not apply to soda and is ignored."])
    expect(unsealing.warnings).toEqual([
      "Input 'client-id' is ignored: the token comes from sealed-token, not from the provider."
    ])
  })
})
