import { describe, expect, it } from '@jest/globals'
import { TokenLifetimeError } from '../src/errors.js'
import { sirdata } from '../src/providers/sirdata.js'
import { soda } from '../src/providers/soda.js'
import { checkLifetime, lifetimeSeconds, type IssuedToken } from '../src/token.js'

const issuedAt = new Date('2026-11-23T10:00:00.000Z')
/** A Soda Cloud token issued at `issuedAt` with `seconds` to live (undefined: no expiry said). */
const token = (seconds: number | undefined, extra: Partial<IssuedToken> = {}): IssuedToken => ({
  provider: soda,
  token: 'soda-token-8f7e6d5c4b3a2910',
  account: {},
  issuedAt,
  origin: 'minted',
  ...(seconds === undefined ? {} : { expiresAt: new Date(issuedAt.getTime() + seconds * 1000) }),
  ...extra
})

/** The refusal checkLifetime throws, checked to be a TokenLifetimeError. */
function refusal(issued: IssuedToken, minSeconds: number): string {
  try {
    checkLifetime(issued, minSeconds)
  } catch (error) {
    expect(error).toBeInstanceOf(TokenLifetimeError)
    return (error as Error).message
  }
  throw new Error('expected the lifetime check to fail')
}

describe('lifetimeSeconds', () => {
  it('counts whole seconds from the moment the run received the token', () => {
    expect(lifetimeSeconds(token(1800))).toBe(1800)
    expect(lifetimeSeconds(token(59.999))).toBe(59)
  })

  it('says 0 for a token that expired already, and nothing for one whose expiry is not known', () => {
    expect(lifetimeSeconds(token(-30))).toBe(0)
    expect(lifetimeSeconds(token(undefined))).toBeUndefined()
  })
})

describe('checkLifetime', () => {
  it('accepts a token that lives exactly min-validity, and refuses one a second short', () => {
    expect(checkLifetime(token(60), 60)).toBeUndefined()
    expect(checkLifetime(token(86_400), 86_400)).toBeUndefined()

    expect(refusal(token(59), 60)).toBe(
      'Soda Cloud issued a token valid for 59 s, less than min-validity (1 min): lower min-validity if such short-lived tokens are expected.'
    )
  })

  it('accepts a token with a second left with min-validity 0', () => {
    expect(checkLifetime(token(1), 0)).toBeUndefined()
  })

  it.each([[0], [-5]])('refuses a token minted with %i s left even with min-validity 0', left => {
    expect(refusal(token(left), 0)).toBe(
      "Soda Cloud issued a token that has already expired (expires-in 0): it cannot be used, whatever min-validity says. Check the runner's clock, or ask Soda Cloud why."
    )
  })

  it('refuses an unsealed token with no whole second left even with min-validity 0', () => {
    expect(refusal(token(0, { origin: 'unsealed' }), 0)).toBe(
      'The unsealed Soda Cloud token has expired: mint the token in this job instead.'
    )
  })

  it('tells an unsealed token to be minted in this job instead', () => {
    expect(refusal(token(30, { origin: 'unsealed' }), 300)).toBe(
      'The unsealed Soda Cloud token has 30 s left, less than min-validity (5 min): mint the token in this job instead.'
    )
  })

  it('warns, and accepts, when the provider did not say when the token expires', () => {
    expect(checkLifetime(token(undefined, { provider: sirdata }), 86_400)).toBe(
      'Sirdata did not say when the token expires: expires-at and expires-in are left empty, and min-validity is not checked.'
    )
  })

  describe('with an expiry the provider sent but nobody can read', () => {
    const unreadable = (text: string) =>
      token(undefined, { provider: sirdata, unreadableExpiry: { field: 'expiration_time', text } })

    it('warns, and accepts the token, when min-validity is 0', () => {
      expect(checkLifetime(unreadable('tomorrow'), 0)).toBe(
        "Sirdata sent an expiration_time that could not be read ('tomorrow'): expires-at and expires-in are left empty."
      )
    })

    it('refuses the token when min-validity is above 0, saying how to accept it', () => {
      expect(refusal(unreadable('tomorrow'), 1)).toBe(
        "Sirdata sent an expiration_time that could not be read ('tomorrow'), so min-validity (1 s) cannot be checked: set min-validity to 0 to accept a token whose expiry is unknown."
      )
    })

    it('quotes at most 40 characters of it, without control or line-separator characters', () => {
      const text = `2026\u0007-11\n-23\u2028T10\u200b:00${'9'.repeat(60)}`

      const message = refusal(unreadable(text), 60)

      expect(message).toContain(`('2026-11-23T10:00${'9'.repeat(24)}')`)
    })

    it('refuses it even when the token would otherwise have a known lifetime', () => {
      const both = token(3600, { unreadableExpiry: { field: 'expires_in', text: '"3600"' } })

      expect(refusal(both, 60)).toContain(`Soda Cloud sent an expires_in that could not be read ('"3600"')`)
    })
  })
})
