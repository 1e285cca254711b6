import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { seeded } from '../__fixtures__/property.js'
import { InputError } from '../src/errors.js'
import { providers } from '../src/providers/index.js'
import { LIMITS } from '../src/settings/defaults.js'
import { INPUT_NAMES, parseSettings, type InputName } from '../src/settings/settings.js'

// Per input: values that are valid (for some provider), values that are close but wrong, and then any text.
// Weighted towards valid ones, so that whole valid combinations come up as often as refused ones.
const samples: Record<InputName, { valid: string[]; wrong: string[] }> = {
  provider: { valid: ['sirdata', 'soda', ' SODA ', 'Sirdata', 'oauth2'], wrong: ['looker', ''] },
  'partner-id': { valid: ['12345', '0', ''], wrong: ['12a', '1/../2', '١٢٣'] },
  region: { valid: ['eu', 'US', '', ' eu '], wrong: ['asia'] },
  username: { valid: ['a@example.com', 'login'], wrong: ['', ' '] },
  password: { valid: ['pw', 'p:w"\\', ' x '], wrong: [''] },
  'base-url': {
    valid: ['https://x.example/v1', 'http://127.0.0.1:9/v1', 'http://[::1]/v1', ''],
    wrong: ['http://10.0.0.1/v1', 'https://u:p@x.example', 'ftp://x', '::']
  },
  'token-url': {
    valid: ['https://auth.example/oauth2/token', 'http://127.0.0.1:9/token'],
    wrong: ['http://10.0.0.1/token', 'https://u:p@x.example/token', 'https://x.example/token#f', '']
  },
  'client-id': { valid: ['job', 'id:+% &'], wrong: ['', 'é'] },
  'client-secret': { valid: ['s3cret', 'p:w+%& x'], wrong: ['', '\u0000'] },
  scope: { valid: ['', 'read', 'a:b c'], wrong: ['a  b', 'x"y'] },
  audience: { valid: ['', 'https://api.example'], wrong: ['a b'] },
  'client-auth': { valid: ['', 'basic', 'POST'], wrong: ['jwt'] },
  'export-env': { valid: ['true', 'False', ''], wrong: ['yes'] },
  'env-name': { valid: ['DQ_TOKEN', '_x_TOKEN', ''], wrong: ['1X', 'GITHUB_TOKEN', 'a b', 'TOKEN'] },
  timeout: { valid: ['30', '0.5', '1e2', ''], wrong: ['0', '-1', 'NaN', 'Infinity', '601'] },
  'max-attempts': { valid: ['1', '10', ' 3 ', ''], wrong: ['11', '2.5', '0x10'] },
  'seal-key': {
    valid: [
      '',
      'BeRZJivWSezge52dVzAmKKiuoIrLQ3zyZwifSci4jxA=',
      '8b26d8a3de0bd2e811452b6eb6417d3939b4de4153ab8ee25edb5a3bd8560fb6'
    ],
    wrong: ['short', 'a'.repeat(64), 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=', '!!']
  },
  'sealed-token': { valid: ['', 'tm1.AAAA'], wrong: [] },
  'min-validity': { valid: ['60', '0', ''], wrong: ['-1', '1.5', '86401'] },
  'cli-on-path': { valid: ['true', 'FALSE', ''], wrong: ['1', 'on'] }
}

const inputs = fc.record(
  Object.fromEntries(
    INPUT_NAMES.map(name => [
      name,
      fc.option(
        fc.oneof(
          { weight: 30, arbitrary: fc.constantFrom(...samples[name].valid) },
          ...(samples[name].wrong.length ? [{ weight: 2, arbitrary: fc.constantFrom(...samples[name].wrong) }] : []),
          { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) }
        ),
        { nil: undefined, freq: 6 }
      )
    ])
  ) as Record<InputName, fc.Arbitrary<string | undefined>>
)
const env = fc.record({
  SIRDATA_PARTNER_ID: fc.option(fc.constantFrom('42', 'x', ''), { nil: undefined }),
  SIRDATA_LOGIN: fc.option(fc.constantFrom('login', ''), { nil: undefined }),
  SIRDATA_PASSWORD: fc.option(fc.string(), { nil: undefined }),
  SODA_USERNAME: fc.option(fc.string(), { nil: undefined }),
  SODA_PASSWORD: fc.option(fc.string(), { nil: undefined }),
  GITHUB_REPOSITORY: fc.option(fc.constantFrom('octo/repo', 'octo/repo', ''), { nil: undefined, freq: 8 }),
  GITHUB_RUN_ID: fc.option(fc.constantFrom('1234567890', '1234567890', 'x'), { nil: undefined, freq: 8 })
})

/**
 * The base-url rules, written out independently of src/settings/fields.ts: https, or http to a loopback host only;
 * no credentials, query or fragment.
 */
function usableApiRoot(url: URL): boolean {
  if (url.username || url.password || url.search || url.hash) return false
  if (url.protocol === 'https:') return true
  const host = url.hostname
  const loopbackV4 =
    host.split('.').length === 4 &&
    host.split('.')[0] === '127' &&
    host.split('.').every(octet => /^\d+$/.test(octet) && Number(octet) <= 255)
  return url.protocol === 'http:' && (host === 'localhost' || host === '[::1]' || loopbackV4)
}

describe('parseSettings, over any inputs', () => {
  it('returns valid settings or an InputError naming only real inputs, and never throws anything else', () => {
    let valid = 0
    let unsealed = 0
    let refused = 0
    fc.assert(
      fc.property(inputs, env, (raw, environment) => {
        let result: ReturnType<typeof parseSettings>
        try {
          result = parseSettings(raw, environment)
        } catch (error) {
          expect(error).toBeInstanceOf(InputError)
          const problems = (error as InputError).problems
          expect(problems.length).toBeGreaterThan(0)
          for (const problem of problems) expect(INPUT_NAMES).toContain(problem.input)
          refused++
          return
        }
        const { settings } = result
        expect(settings.minValiditySeconds).toBeGreaterThanOrEqual(0)
        if (settings.envName !== undefined) expect(settings.envName).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/)
        if (settings.seal) expect(settings.seal.binding.runId).toMatch(/^\d+$/)
        if (settings.mode === 'unseal') {
          expect(settings.sealedToken).not.toBe('')
          unsealed++
          return
        }
        expect(Object.values(providers)).toContain(settings.provider)
        if (settings.provider.endpointInput) expect(settings.apiRoot.href).toBe(settings.inputs['token-url'])
        else expect(Object.keys(settings.provider.regions)).toContain(settings.region)
        expect(usableApiRoot(settings.apiRoot)).toBe(true)
        expect(settings.inputs.username).not.toBe('')
        expect(settings.inputs.password).not.toBe('')
        expect(settings.timeoutMs).toBeGreaterThan(0)
        expect(settings.timeoutMs).toBeLessThanOrEqual(LIMITS.timeoutSeconds * 1000)
        expect(
          Number.isInteger(settings.maxAttempts) &&
            settings.maxAttempts >= 1 &&
            settings.maxAttempts <= LIMITS.maxAttempts
        ).toBe(true)
        if (settings.provider.name === 'sirdata') expect(settings.inputs['partner-id']).toMatch(/^\d+$/)
        valid++
      }),
      seeded(3000)
    )
    // Both outcomes must have been exercised, or the property proved little.
    expect(valid).toBeGreaterThan(100)
    expect(refused).toBeGreaterThan(100)
    expect(unsealed).toBeGreaterThan(50)
  })
})

// Inputs that are valid by construction, with the settings they must give: the parser must accept every one of
// them and return exactly those values, not merely something valid.
const spaced = (text: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom('', ' ', '  ', '\t'), text, fc.constantFrom('', ' ', '\n')).map(([a, t, b]) => a + t + b)
const anyCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map(upper => [...text].map((char, i) => (upper[i] ? char.toUpperCase() : char)).join(''))
/** Text without surrounding white space: what a credential can be. */
const credential = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
  .map(text => text.trim())
  .filter(text => text !== '')
const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/)
const apiRootText = fc.oneof(
  fc
    .tuple(
      fc.array(label, { minLength: 1, maxLength: 3 }),
      fc.option(fc.integer({ min: 1, max: 65_535 })),
      fc.array(label, { maxLength: 3 })
    )
    .map(([labels, port, path]) => `https://${labels.join('.')}.example${port ? `:${port}` : ''}/${path.join('/')}`),
  fc
    .tuple(
      fc.constantFrom('localhost', '[::1]', '127.0.0.1', '127.1.2.3', '127.255.255.254'),
      fc.integer({ min: 1, max: 65_535 })
    )
    .map(([host, port]) => `http://${host}:${port}/v1`)
)
const envName = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9]{0,10}$/), fc.constantFrom('_TOKEN', '_token', '_x_Token'))
  .map(([middle, end]) => `tok${middle}${end}`)
const sealKeys = [
  randomBytes(32).toString('base64'),
  randomBytes(32).toString('hex'),
  randomBytes(48).toString('base64url')
]

const validMint = fc
  .record({
    provider: fc.constantFrom('sirdata', 'soda'),
    region: fc.option(fc.constantFrom('eu', 'us'), { nil: undefined }),
    partnerId: fc.stringMatching(/^\d{1,20}$/),
    username: credential,
    password: credential,
    fromEnv: fc.record({ username: fc.boolean(), password: fc.boolean(), partnerId: fc.boolean() }),
    baseUrl: fc.option(apiRootText, { nil: undefined }),
    exportEnv: fc.option(fc.constantFrom('true', 'True', 'TRUE', 'false', 'False', 'FALSE'), { nil: undefined }),
    envName: fc.option(envName, { nil: undefined }),
    timeoutMs: fc.option(fc.integer({ min: 1, max: LIMITS.timeoutSeconds * 1000 }), { nil: undefined }),
    maxAttempts: fc.option(fc.integer({ min: 1, max: LIMITS.maxAttempts }), { nil: undefined }),
    minValidity: fc.option(fc.integer({ min: 0, max: LIMITS.minValiditySeconds }), { nil: undefined }),
    sealKey: fc.option(fc.constantFrom(...sealKeys), { nil: undefined }),
    runId: fc.bigInt({ min: 0n, max: 10n ** 19n - 1n }).map(String)
  })
  .chain(choice =>
    fc
      .record({
        provider: spaced(anyCase(choice.provider)),
        region: choice.region ? spaced(anyCase(choice.region)) : fc.constant(undefined),
        other: spaced(fc.constant(''))
      })
      .map(written => ({ choice, written }))
  )

describe('parseSettings, over valid inputs', () => {
  it('accepts every valid minting run and returns exactly the values it was given', () => {
    fc.assert(
      fc.property(validMint, ({ choice, written }) => {
        const sirdata = choice.provider === 'sirdata'
        const raw: Partial<Record<InputName, string>> = { provider: written.provider }
        const env: Record<string, string> = { GITHUB_REPOSITORY: 'octo/repo', GITHUB_RUN_ID: choice.runId }
        const set = (input: InputName, variable: string, value: string, fromEnv: boolean) => {
          if (fromEnv) env[variable] = ` ${value} `
          else raw[input] = ` ${value}`
        }
        set('username', sirdata ? 'SIRDATA_LOGIN' : 'SODA_USERNAME', choice.username, choice.fromEnv.username)
        set('password', sirdata ? 'SIRDATA_PASSWORD' : 'SODA_PASSWORD', choice.password, choice.fromEnv.password)
        if (sirdata) set('partner-id', 'SIRDATA_PARTNER_ID', choice.partnerId, choice.fromEnv.partnerId)
        else if (written.region !== undefined) raw.region = written.region
        if (choice.baseUrl) raw['base-url'] = choice.baseUrl
        if (choice.exportEnv) raw['export-env'] = choice.exportEnv
        if (choice.envName) raw['env-name'] = choice.envName
        if (choice.timeoutMs !== undefined) raw.timeout = String(choice.timeoutMs / 1000)
        if (choice.maxAttempts !== undefined) raw['max-attempts'] = ` ${choice.maxAttempts}`
        if (choice.minValidity !== undefined) raw['min-validity'] = `${choice.minValidity} `
        if (choice.sealKey) raw['seal-key'] = choice.sealKey
        raw['sealed-token'] = written.other

        const { settings, warnings } = parseSettings(raw, env)

        const region = sirdata ? 'global' : (choice.region ?? 'eu')
        expect(warnings).toEqual([])
        expect(settings).toMatchObject({
          mode: 'mint',
          provider: providers[choice.provider],
          inputs: {
            username: choice.username,
            password: choice.password,
            ...(sirdata ? { 'partner-id': choice.partnerId } : {})
          },
          region,
          exportEnv: choice.exportEnv === undefined || choice.exportEnv.toLowerCase() === 'true',
          envName: choice.envName,
          timeoutMs: choice.timeoutMs ?? 30_000,
          maxAttempts: choice.maxAttempts ?? 3,
          minValiditySeconds: choice.minValidity ?? 60
        })
        if (settings.mode !== 'mint') return
        expect(Object.keys(settings.inputs).sort()).toEqual(
          sirdata ? ['partner-id', 'password', 'username'] : ['password', 'username']
        )
        expect(settings.apiRoot.href).toBe(
          new URL(choice.baseUrl ?? (providers[choice.provider]?.regions[region] as string)).href
        )
        expect(settings.seal?.binding).toEqual(
          choice.sealKey ? { repository: 'octo/repo', runId: choice.runId } : undefined
        )
      }),
      seeded(1500)
    )
  })

  it('accepts every valid unsealing run and returns exactly the values it was given', () => {
    fc.assert(
      fc.property(
        fc.record({
          sealedToken: fc.stringMatching(/^tm[1-9]\.[A-Za-z0-9_-]{0,40}$/),
          sealKey: fc.constantFrom(...sealKeys),
          provider: fc.option(fc.constantFrom('sirdata', 'soda'), { nil: undefined }),
          exportEnv: fc.option(fc.constantFrom('true', 'FALSE'), { nil: undefined }),
          envName: fc.option(envName, { nil: undefined }),
          minValidity: fc.option(fc.integer({ min: 0, max: LIMITS.minValiditySeconds }), { nil: undefined }),
          runId: fc.bigInt({ min: 0n, max: 10n ** 19n - 1n }).map(String)
        }),
        choice => {
          const raw: Partial<Record<InputName, string>> = {
            'sealed-token': ` ${choice.sealedToken} `,
            'seal-key': choice.sealKey,
            provider: choice.provider,
            'export-env': choice.exportEnv,
            'env-name': choice.envName,
            'min-validity': choice.minValidity === undefined ? undefined : String(choice.minValidity)
          }

          const { settings, warnings } = parseSettings(raw, {
            GITHUB_REPOSITORY: 'octo/repo',
            GITHUB_RUN_ID: choice.runId
          })

          expect(warnings).toEqual([])
          expect(settings).toMatchObject({
            mode: 'unseal',
            sealedToken: choice.sealedToken,
            provider: choice.provider ? providers[choice.provider] : undefined,
            exportEnv: choice.exportEnv !== 'FALSE',
            envName: choice.envName,
            minValiditySeconds: choice.minValidity ?? 60,
            seal: { binding: { repository: 'octo/repo', runId: choice.runId } }
          })
        }
      ),
      seeded(500)
    )
  })
})
