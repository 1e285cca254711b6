import { beforeEach, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { SealError } from '../src/errors.js'
import { soda } from '../src/providers/soda.js'
import { readSealKey, sealToken, unsealToken, type SealKey } from '../src/seal.js'
import type { IssuedToken } from '../src/token.js'

// An envelope that authenticates was still written by whoever holds the key, or by an older release that checked
// less: what it holds gets the checks a provider's answer gets before the action masks, prints or publishes it.
describe('unsealToken, on an authentic envelope with contents the action would never publish', () => {
  const now = new Date('2026-11-23T10:00:00.000Z')
  const binding = { repository: 'data-team/pipelines', runId: '42' }
  const keyText = randomBytes(32).toString('base64')
  // Read in each test (scrypt runs once: readSealKey keeps what it stretched), not while the file loads, where
  // StrykerJS would count it as reached by no test and run every related test file for each mutant it reaches.
  let key: SealKey
  beforeEach(() => {
    key = (readSealKey(keyText) as { key: SealKey }).key
  })
  const issued: IssuedToken = {
    provider: soda,
    region: 'eu',
    token: 'soda-token-8f7e6d5c4b3a2910',
    account: { user: 'analyst@example.com' },
    issuedAt: now,
    origin: 'minted'
  }

  it('opens a well-formed one', () => {
    expect(unsealToken(sealToken(issued, key, binding), key, binding, now).token).toBe(issued.token)
  })

  it.each<[string, Partial<IssuedToken>]>([
    ['a two-line token', { token: 'soda-token\n::error::injected' }],
    ['a token with a space', { token: 'soda token 1234' }],
    ['a region the provider does not have', { region: 'eu\n::warning::x' }],
    ['an account output the provider does not report', { account: { token: 'overridden' } }],
    ['an account value with a line break', { account: { user: 'me\n::error title=pwn::x' } }],
    ['an account value with a ##[ command', { account: { user: 'me ##[error]x' } }]
  ])('refuses %s', (_case, change) => {
    const envelope = sealToken({ ...issued, ...change }, key, binding)

    const open = () => unsealToken(envelope, key, binding, now)

    expect(open).toThrow(SealError)
    expect(open).toThrow('holds values this version of the action refuses to publish')
  })
})
