import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { randomBytes } from 'node:crypto'
import { SealError } from '../src/errors.js'
import { sirdata } from '../src/providers/sirdata.js'
import { soda } from '../src/providers/soda.js'
import { readSealKey, sealToken, unsealToken, type SealKey } from '../src/seal.js'
import type { IssuedToken } from '../src/token.js'

/** The key a text stands for, or undefined when readSealKey refuses it. */
const parseSealKey = (text: string): SealKey | undefined => {
  const read = readSealKey(text)
  return 'key' in read ? read.key : undefined
}

const now = new Date('2026-11-23T10:00:00.000Z')
const binding = { repository: 'data-team/pipelines', runId: '9876543210' }
const key = parseSealKey(randomBytes(32).toString('base64')) as SealKey
const issued: IssuedToken = {
  provider: soda,
  region: 'us',
  token: 'soda-token-8f7e6d5c4b3a2910',
  expiresAt: new Date(now.getTime() + 1800_000),
  account: { 'organization-id': '8f2c1a9e-4b7d-4e0a-9c3f-1d2e3f4a5b6c', user: 'analyst@example.com' },
  issuedAt: now,
  origin: 'minted'
}

const refusal = (open: () => unknown): string => {
  try {
    open()
  } catch (error) {
    expect(error).toBeInstanceOf(SealError)
    return (error as Error).message
  }
  throw new Error('expected the envelope to be refused')
}

describe('parseSealKey', () => {
  it.each([
    ['base64', randomBytes(32).toString('base64')],
    ['base64url', randomBytes(33).toString('base64url')],
    ['hex', randomBytes(32).toString('hex')],
    ['base64 with spaces around', ` ${randomBytes(48).toString('base64')}\n`]
  ])('accepts 32 or more bytes as %s', (_encoding, text) => {
    expect(parseSealKey(text)).toBeDefined()
  })

  it.each([
    ['31 bytes', randomBytes(31).toString('base64')],
    ['a passphrase', 'correct horse battery staple, really'],
    ['hex that is too short', 'ab'.repeat(31)],
    ['nothing', '']
  ])('refuses %s', (_case, text) => {
    expect(parseSealKey(text)).toBeUndefined()
  })

  it('derives the same keys from the same secret in any encoding', () => {
    const secret = randomBytes(32)

    const fromBase64 = parseSealKey(secret.toString('base64'))
    const fromHex = parseSealKey(secret.toString('hex'))

    expect(fromHex).toEqual(fromBase64)
  })
})

describe('sealToken and unsealToken', () => {
  it('round-trip the token, its expiry, provider, region and account', () => {
    const later = new Date(now.getTime() + 60_000)

    const opened = unsealToken(sealToken(issued, key, binding), key, binding, later)

    expect(opened).toEqual({ ...issued, issuedAt: later, origin: 'unsealed' })
  })

  it('round-trip a token with no expiry', () => {
    const noExpiry = {
      ...issued,
      provider: sirdata,
      region: undefined,
      expiresAt: undefined,
      account: { 'partner-id': '12345' }
    }

    expect(unsealToken(sealToken(noExpiry, key, binding), key, binding, now)).toEqual({
      ...noExpiry,
      origin: 'unsealed'
    })
  })

  it('write a compact, URL-safe, versioned envelope', () => {
    const envelope = sealToken(issued, key, binding)

    expect(envelope).toMatch(/^tm1\.[A-Za-z0-9_-]+$/)
    expect(envelope.length).toBeLessThan(400)
  })

  it('use a fresh nonce for every seal', () => {
    const first = sealToken(issued, key, binding)
    const second = sealToken(issued, key, binding)

    expect(first).not.toBe(second)
    const nonce = (envelope: string) => Buffer.from(envelope.slice(4), 'base64url').subarray(24, 36).toString('hex')
    expect(nonce(first)).not.toBe(nonce(second))
  })

  it('reveal neither the token nor the account, in any encoding', () => {
    const envelope = sealToken(issued, key, binding)
    const decoded = Buffer.from(envelope.slice(4), 'base64url')

    for (const secret of [issued.token, ...Object.values(issued.account)]) {
      for (const encoding of ['utf8', 'base64', 'base64url', 'hex'] as const) {
        const form = Buffer.from(secret).toString(encoding)
        expect(envelope).not.toContain(form)
        expect(decoded.toString('latin1')).not.toContain(form)
      }
    }
  })
})

describe('unsealToken refuses', () => {
  const envelope = sealToken(issued, key, binding)

  it('another seal-key', () => {
    const other = parseSealKey(randomBytes(32).toString('base64')) as SealKey

    expect(refusal(() => unsealToken(envelope, other, binding, now))).toBe(
      'The sealed-token was sealed with another seal-key: use the same secret in the job that seals and the jobs that unseal.'
    )
  })

  it('another repository, even with the right key', () => {
    expect(refusal(() => unsealToken(envelope, key, { ...binding, repository: 'someone/else' }, now))).toContain(
      'was sealed in another repository'
    )
  })

  it('another workflow run, even with the right key', () => {
    expect(refusal(() => unsealToken(envelope, key, { ...binding, runId: '9876543211' }, now))).toBe(
      'The sealed-token was sealed by workflow run 9876543210, not this one (9876543211): it opens only in the run that sealed it.'
    )
  })

  it('an altered envelope', () => {
    const bytes = Buffer.from(envelope.slice(4), 'base64url')
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] as number) ^ 1

    expect(refusal(() => unsealToken(`tm1.${bytes.toString('base64url')}`, key, binding, now))).toBe(
      'The sealed-token has been altered or truncated: it failed authentication.'
    )
  })

  it('a truncated envelope', () => {
    expect(refusal(() => unsealToken(envelope.slice(0, -8), key, binding, now))).toMatch(
      /altered or truncated|malformed or truncated/
    )
    expect(refusal(() => unsealToken(envelope.slice(0, 40), key, binding, now))).toContain('malformed or truncated')
  })

  it('an unknown format version', () => {
    expect(refusal(() => unsealToken(envelope.replace(/^tm1\./, 'tm2.'), key, binding, now))).toBe(
      'The sealed-token has format version 2, and this version of the action reads version 1: seal and unseal with the same version of the action.'
    )
  })

  it('something that is not an envelope', () => {
    expect(refusal(() => unsealToken('${{ needs.mint.outputs.sealed }}', key, binding, now))).toContain(
      'is not a sealed token from this action'
    )
  })

  it('a token for another provider than the one asked for', () => {
    expect(refusal(() => unsealToken(envelope, key, binding, now, sirdata))).toBe(
      'The sealed-token holds a Soda Cloud token, but provider is sirdata.'
    )
    expect(unsealToken(envelope, key, binding, now, soda).token).toBe(issued.token)
  })

  it('an expired token', () => {
    const afterExpiry = new Date(now.getTime() + 1800_000)

    expect(refusal(() => unsealToken(envelope, key, binding, afterExpiry))).toBe(
      'The sealed-token holds a Soda Cloud token that expired at 2026-11-23T10:30:00.000Z: mint the token in this job instead.'
    )
  })

  it('every mutation of an envelope, cleanly', () => {
    // Three token lengths, so that some envelopes end in a character with unused bits, which a lax decoder ignores.
    const envelopes = [0, 1, 2].map(extra =>
      sealToken({ ...issued, token: issued.token + 'x'.repeat(extra) }, key, binding)
    )
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('replace' as const),
        at: fc.nat(),
        char: fc.constantFrom(...alphabet, '=', '.', ' ', '+', '/')
      }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: fc.constantFrom(...alphabet, '=', '\n') }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('last' as const), char: fc.constantFrom(...alphabet) }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() })
    )
    fc.assert(
      fc.property(
        fc.constantFrom(...envelopes),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (original, mutations) => {
          let text = original
          for (const m of mutations) {
            const at = 'at' in m ? m.at % (text.length + 1) : 0
            if (m.kind === 'replace') text = text.slice(0, at) + m.char + text.slice(at + 1)
            if (m.kind === 'insert') text = text.slice(0, at) + m.char + text.slice(at)
            if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + 1)
            if (m.kind === 'truncate') text = text.slice(0, at)
            if (m.kind === 'last') text = text.slice(0, -1) + m.char
            if (m.kind === 'swap') {
              const other = m.other % text.length
              const chars = [...text]
              ;[chars[at % text.length], chars[other]] = [chars[other] as string, chars[at % text.length] as string]
              text = chars.join('')
            }
          }
          // A mutation that changes nothing, or only the surrounding white space that is trimmed, is no mutation.
          fc.pre(text.trim() !== original)
          expect(() => unsealToken(text, key, binding, now)).toThrow(SealError)
        }
      ),
      { numRuns: 2000 }
    )
  })
})
