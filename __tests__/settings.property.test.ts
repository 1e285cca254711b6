import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { InputError } from '../src/errors.js'
import { providers } from '../src/providers/index.js'
import { LIMITS } from '../src/settings/defaults.js'
import { apiRootProblem } from '../src/settings/fields.js'
import { INPUT_NAMES, parseSettings, type InputName } from '../src/settings/settings.js'

// Per input: values that are valid (for some provider), values that are close but wrong, and then any text.
// Weighted towards valid ones, so that whole valid combinations come up as often as refused ones.
const samples: Record<InputName, { valid: string[]; wrong: string[] }> = {
  provider: { valid: ['sirdata', 'soda', ' SODA ', 'Sirdata'], wrong: ['looker', ''] },
  'partner-id': { valid: ['12345', '0', ''], wrong: ['12a', '1/../2', '١٢٣'] },
  region: { valid: ['eu', 'US', '', ' eu '], wrong: ['asia'] },
  username: { valid: ['a@example.com', 'login'], wrong: ['', ' '] },
  password: { valid: ['pw', 'p:w"\\', ' x '], wrong: [''] },
  'base-url': {
    valid: ['https://x.example/v1', 'http://127.0.0.1:9/v1', 'http://[::1]/v1', ''],
    wrong: ['http://10.0.0.1/v1', 'https://u:p@x.example', 'ftp://x', '::']
  },
  'export-env': { valid: ['true', 'False', ''], wrong: ['yes'] },
  'env-name': { valid: ['TOKEN', '_x', ''], wrong: ['1X', 'GITHUB_PATH', 'a b'] },
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
  'min-validity': { valid: ['60', '0', ''], wrong: ['-1', '1.5', '86401'] }
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
        expect(Object.keys(settings.provider.regions)).toContain(settings.region)
        expect(apiRootProblem(settings.apiRoot)).toBeUndefined()
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
      { numRuns: 3000 }
    )
    // Both outcomes must have been exercised, or the property proved little.
    expect(valid).toBeGreaterThan(100)
    expect(refused).toBeGreaterThan(100)
    expect(unsealed).toBeGreaterThan(50)
  })
})
