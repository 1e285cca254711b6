import { beforeEach, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { createCipheriv, createHash, randomBytes } from 'node:crypto'
import { seeded } from '../__fixtures__/property.js'
import { SealError } from '../src/errors.js'
import { sirdata } from '../src/providers/sirdata.js'
import { soda } from '../src/providers/soda.js'
import { readSealKey, sealToken, unsealToken, type SealBinding, type SealKey } from '../src/seal.js'
import type { IssuedToken } from '../src/token.js'

/** The key a text stands for, or undefined when readSealKey refuses it. */
const parseSealKey = (text: string): SealKey | undefined => {
  const read = readSealKey(text)
  return 'key' in read ? read.key : undefined
}

const now = new Date('2026-11-23T10:00:00.000Z')
const binding = { repository: 'data-team/pipelines', runId: '9876543210' }
const keyText = randomBytes(32).toString('base64')
// Keys and envelopes are made in each test (scrypt runs once per key text: readSealKey keeps what it stretched),
// never while the file loads: StrykerJS runs every related test file for a mutant that code at load time reaches.
let key: SealKey
beforeEach(() => {
  key = parseSealKey(keyText) as SealKey
})
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

describe('the sealed envelope format', () => {
  // Sealed once, with the key, binding and tokens below, by version 2 of the format (the key stretched by scrypt),
  // and kept: a later change to the stretching, the salt, the labels, the header or the associated data cannot open
  // these, and fails here. VERSION_1 was sealed by version 1 (HKDF alone), which a guess at the key cost nothing.
  let vectorKey: SealKey
  beforeEach(() => {
    vectorKey = parseSealKey('ZpOs3uRBHcPpOvA2l6CwAWzGRcllOQp9QMErRX/aL6I=') as SealKey
  })
  const vectorBinding = { repository: 'octo-org/pipelines', runId: '12345678901' }
  const WITHOUT_EXPIRY =
    'tm2.dZX1Yy0ZBIgAAAAC39wcNVyzMOsNAnmFk08C1PxLaEgbHF-tlCxZ_2ttVsRzE4T3Hytg6eDYBjNRbN4KGiIc2V1LkHoAPm-LnaTbELrsAjW5PE_5xmk2bEexv1E1yVYUBEqxczLD0Na_0LDq--oOYV9WmL1Ijn_zlOW0yAo2SfFILcFGivc'
  const WITH_EXPIRY =
    'tm2.dZX1Yy0ZBIgAAAAC39wcNVyzMOsNAnmFK3Sb0XbA-QqqhUC0t4Dk_IvaocjOs2JrX4KhCwLKixRUHQsPTwbGPHVLXpuCrbWQFeSb3xz_5TudLZwbxeGS3qVw8tfctAjnqliLa2_RqWg07zaUVW36VYLhP8oCN3GHljQFAfVw-R0fR5FEEGuKTkItqvcGRPzjkbiE6Cj2eEBX0JXgkDT2JRGLkMtqiOFgP45mhtOCDu-wGRt_WVxQjv16pUEoX4NDlaxN7jKg66_mrWi6-_rGtVQdPA'
  const VERSION_1 =
    'tm1.5uaaenl_HOgAAAAC39wcNVyzMOsNAnmFr2-f7omxYK3dFlPn3a3zkUVjLA3ufpPWvmeBv_zmXnb4vVMspnKAhQpm2i3Hoq11ZkYyOSj3Ff-GdYUVfZKiLRi9ORPpEC8L3p613SlgMEYi1vJSqZtzRYgz4cn9_kx9fSJm4a8DeJkYxl82Dk4'

  it('opens an envelope sealed earlier by this format, with no expiry', () => {
    expect(unsealToken(WITHOUT_EXPIRY, vectorKey, vectorBinding, now)).toEqual({
      provider: sirdata,
      region: undefined,
      token: 'sirdata-0123456789abcdef',
      expiresAt: undefined,
      account: { 'partner-id': '12345' },
      issuedAt: now,
      origin: 'unsealed'
    })
  })

  it('opens an envelope sealed earlier by this format, with its region, expiry and account', () => {
    expect(unsealToken(WITH_EXPIRY, vectorKey, vectorBinding, now)).toEqual({
      provider: soda,
      region: 'us',
      token: 'soda-fedcba9876543210',
      expiresAt: new Date('2099-12-31T23:59:59.000Z'),
      account: { 'organization-id': '8f2c1a9e-4b7d-4e0a-9c3f-1d2e3f4a5b6c', user: 'analyst@example.com' },
      issuedAt: now,
      origin: 'unsealed'
    })
  })

  it('refuses an envelope of format version 1, whose key was not stretched, saying to seal and unseal alike', () => {
    expect(refusal(() => unsealToken(VERSION_1, vectorKey, vectorBinding, now))).toBe(
      'The sealed-token has format version 1, and this version of the action reads version 2: seal and unseal with the same version of the action.'
    )
  })

  it('writes the documented header: key check, run id, repository hash, nonce', () => {
    const envelope = Buffer.from(sealToken(issued, key, binding).slice(4), 'base64url')
    const repositoryHash = createHash('sha256').update(binding.repository).digest().subarray(0, 8)

    expect(envelope.subarray(0, 8)).toEqual(key.check)
    expect(envelope.readBigUInt64BE(8)).toBe(9876543210n)
    expect(envelope.subarray(16, 24)).toEqual(repositoryHash)
    expect(envelope.subarray(24, 36)).toHaveLength(12)
  })

  it('opens an envelope written by hand to the documented format', () => {
    const plaintext = { p: 'soda', r: 'us', t: issued.token, e: issued.expiresAt?.getTime(), a: issued.account }

    expect(unsealToken(sealByHand(JSON.stringify(plaintext), key, binding), key, binding, now)).toEqual({
      ...issued,
      origin: 'unsealed'
    })
  })

  describe('refuses an authentic envelope that holds what the action would not publish', () => {
    const refusedContents = (contents: object) =>
      refusal(() =>
        unsealToken(
          sealByHand(JSON.stringify({ p: 'soda', t: issued.token, e: null, a: {}, ...contents }), key, binding),
          key,
          binding,
          now
        )
      )

    it.each([
      ['a fractional expiry', 1_900_000_000_000.5],
      ['an expiry past the last date JavaScript can hold', 8_700_000_000_000_000],
      ['an expiry beyond the safe integers', 2 ** 60]
    ])('%s', (_case, expiry) => {
      expect(refusedContents({ e: expiry })).toBe(
        'The sealed-token holds values this version of the action refuses to publish: seal and unseal with the same version of the action.'
      )
    })

    it('an account output the provider does not report, next to one it does', () => {
      expect(refusedContents({ a: { user: 'analyst@example.com', 'partner-id': '12345' } })).toContain(
        'refuses to publish'
      )
    })

    it('an expiry that is not a number, as unreadable', () => {
      expect(refusedContents({ e: '2030-01-01' })).toContain('holds a token this version of the action cannot read')
    })

    it.each([
      ['an organization-id that is a workflow command', { a: { 'organization-id': '::set-output name=x::1' } }],
      ['an organization-id that is no UUID', { a: { 'organization-id': 'not-a-uuid' } }],
      ['a user with a command marker', { a: { user: 'me ##[stop-commands]' } }],
      ['a user with an invisible character', { a: { user: 'me#\u034f#[x]' } }],
      ['a Sirdata partner-id of markup', { p: 'sirdata', a: { 'partner-id': '<b>x</b>' } }],
      ['a Sirdata partner-id that is a number, not its digits', { p: 'sirdata', a: { 'partner-id': 12345 } }]
    ])("%s, by the provider's own schema", (_case, contents) => {
      expect(refusedContents(contents)).toMatch(/refuses to publish|cannot read/)
    })

    it.each([['constructor'], ['__proto__'], ['toString'], ['hasOwnProperty']])(
      'a provider named %j, with a sentence rather than a JavaScript error',
      name => {
        expect(refusedContents({ p: name })).toBe(
          'The sealed-token holds a token this version of the action cannot read: seal and unseal with the same version of the action.'
        )
      }
    )
  })

  describe('authenticates the repository and the run, not only the clear header', () => {
    let envelope: Buffer
    beforeEach(() => {
      envelope = Buffer.from(sealToken(issued, key, binding).slice(4), 'base64url')
    })
    const rewritten = (at: number, bytes: Buffer) => {
      const copy = Buffer.from(envelope)
      bytes.copy(copy, at)
      return `tm2.${copy.toString('base64url')}`
    }

    it('refuses an envelope whose run id was rewritten to match another run', () => {
      const otherRun = Buffer.alloc(8)
      otherRun.writeBigUInt64BE(9876543211n)

      expect(refusal(() => unsealToken(rewritten(8, otherRun), key, { ...binding, runId: '9876543211' }, now))).toBe(
        'The sealed-token has been altered or truncated: it failed authentication.'
      )
    })

    it('refuses an envelope whose repository hash was rewritten to match another repository', () => {
      const other = createHash('sha256').update('someone/else').digest().subarray(0, 8)

      expect(
        refusal(() => unsealToken(rewritten(16, other), key, { ...binding, repository: 'someone/else' }, now))
      ).toBe('The sealed-token has been altered or truncated: it failed authentication.')
    })

    it('refuses an envelope whose nonce was rewritten', () => {
      expect(refusal(() => unsealToken(rewritten(24, randomBytes(12)), key, binding, now))).toBe(
        'The sealed-token has been altered or truncated: it failed authentication.'
      )
    })
  })
})

/** An envelope written by hand around any plaintext, as the format above documents: what a key holder could seal. */
function sealByHand(plaintext: string, sealKey: SealKey, { repository, runId }: SealBinding): string {
  const run = Buffer.alloc(8)
  run.writeBigUInt64BE(BigInt(runId))
  const repositoryHash = createHash('sha256').update(repository).digest().subarray(0, 8)
  const header = Buffer.concat([sealKey.check, run, repositoryHash, randomBytes(12)])
  const cipher = createCipheriv('aes-256-gcm', sealKey.encryption, header.subarray(24))
  cipher.setAAD(Buffer.concat([Buffer.from('tm2.'), header, Buffer.from(`${repository}\n${runId}`)]))
  const sealed = Buffer.concat([header, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return `tm2.${sealed.toString('base64url')}`
}

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

    expect(envelope).toMatch(/^tm2\.[A-Za-z0-9_-]+$/)
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
  let envelope: string
  beforeEach(() => {
    envelope = sealToken(issued, key, binding)
  })

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

    expect(refusal(() => unsealToken(`tm2.${bytes.toString('base64url')}`, key, binding, now))).toBe(
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
    expect(refusal(() => unsealToken(envelope.replace(/^tm2\./, 'tm3.'), key, binding, now))).toBe(
      'The sealed-token has format version 3, and this version of the action reads version 2: seal and unseal with the same version of the action.'
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

  it('a token that expires at this very moment, and not one that has a millisecond left', () => {
    const expiry = new Date(now.getTime() + 1800_000)

    expect(refusal(() => unsealToken(envelope, key, binding, expiry))).toContain('that expired at')
    expect(unsealToken(envelope, key, binding, new Date(expiry.getTime() - 1)).token).toBe(issued.token)
  })

  it('an envelope with a header and a tag but nothing sealed between them', () => {
    const bytes = Buffer.from(envelope.slice(4), 'base64url')
    const empty = Buffer.concat([bytes.subarray(0, 36), bytes.subarray(-16)])

    expect(refusal(() => unsealToken(`tm2.${empty.toString('base64url')}`, key, binding, now))).toBe(
      'The sealed-token is not a sealed token from this action: it is malformed or truncated.'
    )
  })

  it.each([
    ['a version with a leading zero', 'tm02.'],
    ['a version of seven digits', 'tm1000000.'],
    ['no version', 'tm.'],
    ['another prefix', 'tk1.']
  ])('%s as malformed', (_case, prefix) => {
    expect(refusal(() => unsealToken(envelope.replace(/^tm2\./, prefix), key, binding, now))).toBe(
      'The sealed-token is not a sealed token from this action: it is malformed or truncated.'
    )
  })

  it.each([
    ['text before it', (text: string) => `sealed:${text}`],
    ['text after it', (text: string) => `${text}!`],
    ['a second envelope after it', (text: string) => `${text} ${text}`]
  ])('an envelope with %s', (_case, change) => {
    expect(refusal(() => unsealToken(change(envelope), key, binding, now))).toBe(
      'The sealed-token is not a sealed token from this action: it is malformed or truncated.'
    )
  })

  it('a version of six digits as a version it cannot read', () => {
    expect(refusal(() => unsealToken(envelope.replace(/^tm2\./, 'tm999999.'), key, binding, now))).toContain(
      'has format version 999999, and this version of the action reads version 2'
    )
  })

  it('opens an envelope with white space around it', () => {
    expect(unsealToken(` ${envelope}\n`, key, binding, now).token).toBe(issued.token)
  })

  it.each<[string, Partial<IssuedToken>]>([
    ['a provider this version does not know', { provider: { ...soda, name: 'looker' } }],
    ['an empty token', { token: '' }],
    ['an account field that is not text', { account: { user: 42 as unknown as string } }]
  ])('an envelope that authenticates but holds %s', (_case, change) => {
    const sealed = sealToken({ ...issued, ...change }, key, binding)

    expect(refusal(() => unsealToken(sealed, key, binding, now))).toBe(
      'The sealed-token holds a token this version of the action cannot read: seal and unseal with the same version of the action.'
    )
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
      seeded(2000)
    )
  })
})
