import { afterAll, afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { fakeCore, type CoreCall } from '../__fixtures__/actions-core.js'
import { mintSettings } from '../__fixtures__/mint.js'
import { seeded } from '../__fixtures__/property.js'
import {
  ActionError,
  InputError,
  NetworkError,
  SealError,
  TokenLifetimeError,
  TokenRequestError,
  TransientFailureError
} from '../src/errors.js'
import { sirdata } from '../src/providers/sirdata.js'
import { soda } from '../src/providers/soda.js'
import { parseSettings } from '../src/settings/settings.js'
import type { IssuedToken } from '../src/token.js'

// @actions/core is replaced only to see what publishing tells the runner, and in what order.
const core = fakeCore()
jest.unstable_mockModule('@actions/core', () => core.module)
jest.unstable_mockModule('../src/action/runner-files.js', () => core.files)
const { escapeSummary, publishToken, reportFailure } = await import('../src/action/publish.js')

const issuedAt = new Date('2026-11-23T10:00:00.000Z')
const TOKEN = 'soda-token-8f7e6d5c4b3a2910'
const ORGANIZATION = '8f2c1a9e-4b7d-4e0a-9c3f-1d2e3f4a5b6c'
const minted: IssuedToken = {
  provider: soda,
  region: 'eu',
  token: TOKEN,
  expiresAt: new Date(issuedAt.getTime() + 1800_000),
  account: { 'organization-id': ORGANIZATION, user: 'analyst@example.com' },
  issuedAt,
  origin: 'minted'
}
const sodaInputs = { provider: 'soda', username: 'analyst@example.com', password: 'secret' }
const settings = (extra: Record<string, string> = {}) => mintSettings({ ...sodaInputs, ...extra })

const callsOf = <F extends CoreCall['fn']>(fn: F) =>
  core.calls.filter((call): call is CoreCall & { fn: F } => call.fn === fn)
const summary = () => {
  const written = callsOf('summary')
  expect(written).toHaveLength(1)
  return written[0] as CoreCall & { fn: 'summary' }
}
/** The summary table as label -> value. */
const facts = () => {
  const [labels, values] = summary().table as [{ data: string }[], string[]]
  return Object.fromEntries(labels.map((label, i) => [label.data, values[i]]))
}

// The runner's output and env files exist in a job; what is written to them is recorded by the fake.
const runnerDir = mkdtempSync(join(tmpdir(), 'publish-runner-'))
for (const name of ['output', 'env']) writeFileSync(join(runnerDir, name), '')
afterAll(() => rmSync(runnerDir, { recursive: true, force: true }))
beforeEach(() => {
  process.env.GITHUB_OUTPUT = join(runnerDir, 'output')
  process.env.GITHUB_ENV = join(runnerDir, 'env')
})

describe('publishToken', () => {
  beforeEach(() => {
    core.reset()
    process.env.GITHUB_STEP_SUMMARY = '/tmp/summary-for-the-fake'
  })
  afterEach(() => {
    delete process.env.GITHUB_STEP_SUMMARY
  })

  it('sets the token and its facts as outputs, then exports it under the provider’s variable', () => {
    publishToken({ token: minted }, settings())

    expect(callsOf('setOutput')).toEqual([
      { fn: 'setOutput', name: 'token', value: TOKEN },
      { fn: 'setOutput', name: 'expires-at', value: '2026-11-23T10:30:00.000Z' },
      { fn: 'setOutput', name: 'expires-in', value: '1800' },
      { fn: 'setOutput', name: 'organization-id', value: ORGANIZATION },
      { fn: 'setOutput', name: 'user', value: 'analyst@example.com' }
    ])
    expect(callsOf('exportVariable')).toEqual([{ fn: 'exportVariable', name: 'SODA_TOKEN', value: TOKEN }])
    expect(callsOf('info')).toEqual([
      {
        fn: 'info',
        message: `Minted a Soda Cloud token: region eu, organisation ${ORGANIZATION}, user analyst@example.com, expires at 2026-11-23T10:30:00.000Z, lifetime 30 min. Exported as $SODA_TOKEN for the following steps of this job.`
      }
    ])
  })

  it('exports under env-name when it is set', () => {
    publishToken({ token: minted }, settings({ 'env-name': 'DQ_TOKEN' }))

    expect(callsOf('exportVariable')).toEqual([{ fn: 'exportVariable', name: 'DQ_TOKEN', value: TOKEN }])
    expect(callsOf('info')[0]?.message).toContain('Exported as $DQ_TOKEN for the following steps of this job.')
    expect(facts()['Environment variable']).toBe('$DQ&#95;TOKEN')
  })

  it('exports nothing when export-env is false, and says where to read the token', () => {
    publishToken({ token: minted }, settings({ 'export-env': 'false', 'env-name': 'DQ_TOKEN' }))

    expect(callsOf('exportVariable')).toEqual([])
    expect(callsOf('setOutput')[0]).toEqual({ fn: 'setOutput', name: 'token', value: TOKEN })
    expect(callsOf('info')[0]?.message).toContain(
      'Not exported, since export-env is false: read the token output instead.'
    )
    expect(facts()['Environment variable']).toBe('none (export-env is false)')
  })

  it('writes a summary of the token’s facts, never the token', () => {
    publishToken({ token: minted }, settings())

    expect(summary()).toMatchObject({ heading: 'Soda Cloud token minted', level: 3, raw: [] })
    expect(summary().table[0]).toEqual(
      ['Region', 'Organisation', 'User', 'Expires at', 'Lifetime', 'Environment variable'].map(data => ({
        data,
        header: true
      }))
    )
    expect(facts()).toEqual({
      Region: 'eu',
      Organisation: ORGANIZATION,
      User: 'analyst@example.com',
      'Expires at': '2026-11-23T10:30:00.000Z',
      Lifetime: '30 min',
      // Escaped, as everything in the summary: `_` would start emphasis.
      'Environment variable': '$SODA&#95;TOKEN'
    })
    expect(
      JSON.stringify(core.calls.filter(call => call.fn !== 'setOutput' && call.fn !== 'exportVariable'))
    ).not.toContain(TOKEN)
  })

  it('publishes the sealed token for later jobs, and says so', () => {
    publishToken({ token: minted, sealedToken: 'tm1.sealed' }, settings())

    expect(callsOf('setOutput').at(-1)).toEqual({ fn: 'setOutput', name: 'sealed-token', value: 'tm1.sealed' })
    expect(callsOf('info')[0]?.message).toMatch(
      /Exported as \$SODA_TOKEN for the following steps of this job\. Sealed into the sealed-token output for later jobs of this run\.$/
    )
    expect(facts().Sealed).toBe('sealed-token output, for later jobs of this run')
    expect(summary().table[1]).not.toContain('tm1.sealed')
  })

  it('says where an unsealed token came from and how long it has left', () => {
    const unsealed: IssuedToken = { ...minted, region: undefined, account: {}, origin: 'unsealed' }
    const key = randomBytes(32).toString('base64')
    const { settings: unsealing } = parseSettings(
      { 'sealed-token': 'tm1.x', 'seal-key': key },
      { GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1' }
    )

    publishToken({ token: unsealed }, unsealing)

    expect(callsOf('info')[0]?.message).toBe(
      'Unsealed a Soda Cloud token: expires at 2026-11-23T10:30:00.000Z, time left 30 min. Exported as $SODA_TOKEN for the following steps of this job. Unsealed from the sealed-token of an earlier job of this run.'
    )
    expect(summary().heading).toBe('Soda Cloud token unsealed')
    expect(facts()['Time left']).toBe('30 min')
  })

  it('describes a token without facts in one short sentence', () => {
    const bare: IssuedToken = { provider: sirdata, token: TOKEN, account: {}, issuedAt, origin: 'minted' }

    publishToken({ token: bare }, settings({ 'export-env': 'FALSE' }))

    expect(callsOf('info')[0]?.message).toBe(
      'Minted a Sirdata token. Not exported, since export-env is false: read the token output instead.'
    )
    expect(callsOf('setOutput')).toEqual([{ fn: 'setOutput', name: 'token', value: TOKEN }])
  })

  it('lets no account fact stand in for the token or its expiry', () => {
    const forged: IssuedToken = {
      ...minted,
      account: { token: 'forged', 'expires-in': '999999', user: 'u@example.com' }
    }

    publishToken({ token: forged }, settings())

    expect(callsOf('setOutput')).toEqual([
      { fn: 'setOutput', name: 'token', value: TOKEN },
      { fn: 'setOutput', name: 'expires-at', value: '2026-11-23T10:30:00.000Z' },
      { fn: 'setOutput', name: 'expires-in', value: '1800' },
      { fn: 'setOutput', name: 'user', value: 'u@example.com' }
    ])
  })

  it('breaks up ## in the log sentence, so that no fact can become a workflow command', () => {
    const odd: IssuedToken = { ...minted, region: undefined, account: { user: 'x##[error]y' } }

    publishToken({ token: odd }, settings())

    expect(callsOf('info')[0]?.message).toMatch(/^Minted a Soda Cloud token: user x# #\[error\]y, /)
  })

  describe('with the runner’s files', () => {
    let dir: string
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'publish-'))
    })
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true })
      delete process.env.GITHUB_OUTPUT
      delete process.env.GITHUB_ENV
    })
    const present = (name: string) => {
      const path = join(dir, name)
      writeFileSync(path, '')
      return path
    }

    it('publishes when the output and env files are there', () => {
      process.env.GITHUB_OUTPUT = present('output')
      process.env.GITHUB_ENV = present('env')

      publishToken({ token: minted }, settings())

      expect(callsOf('setOutput')).toHaveLength(5)
    })

    it('publishes nothing when the output file is missing', () => {
      process.env.GITHUB_OUTPUT = join(dir, 'gone')
      process.env.GITHUB_ENV = present('env')

      expect(() => publishToken({ token: minted }, settings())).toThrow(
        "The runner's GITHUB_OUTPUT file is missing, so nothing was published."
      )
      expect(core.calls).toEqual([])
    })

    it('publishes nothing when the output file is missing, with export-env false too', () => {
      process.env.GITHUB_OUTPUT = join(dir, 'gone')

      expect(() => publishToken({ token: minted }, settings({ 'export-env': 'false' }))).toThrow(
        "The runner's GITHUB_OUTPUT file is missing, so nothing was published."
      )
      expect(core.calls).toEqual([])
    })

    it('publishes nothing when the env file is missing and the token is to be exported', () => {
      process.env.GITHUB_OUTPUT = present('output')
      process.env.GITHUB_ENV = join(dir, 'gone')

      expect(() => publishToken({ token: minted }, settings())).toThrow(
        "The runner's GITHUB_ENV file is missing, so nothing was published."
      )
      expect(core.calls).toEqual([])
    })

    it('publishes nothing, not even the outputs, when the env file cannot be written', () => {
      process.env.GITHUB_OUTPUT = present('output')
      process.env.GITHUB_ENV = dir

      expect(() => publishToken({ token: minted }, settings())).toThrow(
        "The runner's GITHUB_ENV file cannot be written (EISDIR), so nothing was published."
      )
      expect(core.calls).toEqual([])
    })

    it('in a job, refuses a runner file that is not given at all', () => {
      delete process.env.GITHUB_OUTPUT
      process.env.GITHUB_ENV = present('env')
      process.env.GITHUB_ACTIONS = 'true'
      try {
        expect(() => publishToken({ token: minted }, settings())).toThrow(
          "The runner's GITHUB_OUTPUT file is missing, so nothing was published."
        )
      } finally {
        delete process.env.GITHUB_ACTIONS
      }
      expect(core.calls).toEqual([])
    })

    it('outside a job (GitHub’s emulator), leaves files that are not given to @actions/core', () => {
      delete process.env.GITHUB_OUTPUT
      delete process.env.GITHUB_ENV

      publishToken({ token: minted }, settings())

      expect(callsOf('setOutput')).toHaveLength(5)
      expect(callsOf('exportVariable')).toEqual([{ fn: 'exportVariable', name: 'SODA_TOKEN', value: TOKEN }])
    })

    it('needs no env file when export-env is false', () => {
      process.env.GITHUB_OUTPUT = present('output')
      process.env.GITHUB_ENV = join(dir, 'gone')

      publishToken({ token: minted }, settings({ 'export-env': 'false' }))

      expect(callsOf('setOutput')).toHaveLength(5)
    })
  })

  it('writes no summary outside a runner', () => {
    delete process.env.GITHUB_STEP_SUMMARY

    publishToken({ token: minted }, settings())

    expect(callsOf('summary')).toEqual([])
    expect(callsOf('setOutput')).toHaveLength(5)
  })

  it('warns, and still succeeds, when the summary cannot be written', () => {
    core.failSummary = true

    publishToken({ token: minted }, settings())

    expect(callsOf('warning')).toEqual([
      { fn: 'warning', message: 'Could not write the job summary: EACCES: permission denied, open summary' }
    ])
  })
})

describe('reportFailure', () => {
  beforeEach(() => {
    core.reset()
    process.env.GITHUB_STEP_SUMMARY = '/tmp/summary-for-the-fake'
  })
  afterEach(() => {
    delete process.env.GITHUB_STEP_SUMMARY
  })

  class UnforeseenError extends ActionError {
    override readonly name = 'UnforeseenError'
    readonly remedy = 'fix-input'
  }

  it.each<[string, unknown]>([
    ['Invalid inputs, found before any request', new InputError([{ input: 'timeout', message: 'is wrong.' }])],
    ['Opening the sealed-token', new SealError('is broken.')],
    ['The token’s lifetime check', new TokenLifetimeError('too short')],
    ['The provider refused the token request', new TokenRequestError('refused', 401)],
    ['No usable answer, after every attempt', new TransientFailureError('failed after 3 attempts')],
    ['The connection to the provider (network, proxy or TLS)', new NetworkError('untrusted')],
    ['UnforeseenError', new UnforeseenError('odd')],
    ['An unexpected error', new Error('boom')],
    ['An unexpected error', 'a string was thrown']
  ])('says "%s" failed', (what, error) => {
    reportFailure(error, undefined)

    expect(facts()['What failed']).toBe(what)
  })

  it('names the provider and the host of a minting run, and repeats the error', () => {
    reportFailure(
      new TokenRequestError('Soda Cloud refused the token request: HTTP 401 Unauthorized.', 401),
      settings({ 'base-url': 'https://gateway.example.com:8443/soda/v1' })
    )

    expect(summary()).toMatchObject({
      heading: 'Soda Cloud token not obtained',
      level: 3,
      raw: ['<p>Soda Cloud refused the token request: HTTP 401 Unauthorized.</p>\n']
    })
    expect(facts()).toEqual({
      'What failed': 'The provider refused the token request',
      Provider: 'Soda Cloud',
      Host: 'gateway.example.com:8443'
    })
  })

  it('names no host for an unsealing run, and no provider when none was chosen', () => {
    const key = randomBytes(32).toString('base64')
    const env = { GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1' }
    const withProvider = parseSettings({ provider: 'sirdata', 'sealed-token': 'tm1.x', 'seal-key': key }, env)
    const without = parseSettings({ 'sealed-token': 'tm1.x', 'seal-key': key }, env)

    reportFailure(new SealError('is broken.'), withProvider.settings)
    const named = facts()
    core.reset()
    reportFailure(new SealError('is broken.'), without.settings)

    expect(named).toEqual({ 'What failed': 'Opening the sealed-token', Provider: 'Sirdata' })
    expect(facts()).toEqual({ 'What failed': 'Opening the sealed-token' })
    expect(summary().heading).toBe('Token not obtained')
  })

  it('escapes what the error says', () => {
    reportFailure(new InputError([{ input: 'env-name', message: "must not be '<b>PATH</b>'." }]), undefined)

    expect(summary().raw).toEqual([
      '<p>Input &#39;env-name&#39; must not be &#39;&#60;b&#62;PATH&#60;/b&#62;&#39;.</p>\n'
    ])
  })

  it('writes no summary outside a runner', () => {
    delete process.env.GITHUB_STEP_SUMMARY

    reportFailure(new Error('boom'), undefined)

    expect(core.calls).toEqual([])
  })
})

describe('escapeSummary', () => {
  it('turns every character Markdown or HTML would read into an entity', () => {
    expect(escapeSummary('a&b<c>d"e\'f|g`h*i_j[k]l\\m')).toBe(
      'a&#38;b&#60;c&#62;d&#34;e&#39;f&#124;g&#96;h&#42;i&#95;j&#91;k&#93;l&#92;m'
    )
  })

  it('folds line breaks into one space, so no row or paragraph can be added', () => {
    expect(escapeSummary('one\r\ntwo\n\nthree\rfour')).toBe('one two three four')
  })

  it('leaves plain text alone', () => {
    expect(escapeSummary('Soda Cloud token minted: 30 min, region eu.')).toBe(
      'Soda Cloud token minted: 30 min, region eu.'
    )
  })

  it('lets no markup through, and loses no text, whatever the text', () => {
    const decode = (html: string) => html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), text => {
        const escaped = escapeSummary(text)

        expect(escaped).not.toMatch(/[<>"'|`*_[\]\\\r\n]|&(?!#\d+;)/)
        expect(decode(escaped)).toBe(text.replace(/[\r\n]+/g, ' '))
      }),
      seeded(500)
    )
  })
})
