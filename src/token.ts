import { formatDuration } from './duration.js'
import { TokenLifetimeError } from './errors.js'
import { quoteOutsideText } from './outside-text.js'
import type { MintedToken, Provider } from './providers/provider.js'

/** A token as this run holds it, minted or unsealed: what it is for, and when this run received it. */
export interface IssuedToken extends MintedToken {
  readonly provider: Provider
  /** Set for providers with more than one region. */
  readonly region?: string
  /** Lifetimes are counted from here. */
  readonly issuedAt: Date
  /** Asked of the provider in this run, or opened from an earlier job's sealed-token. */
  readonly origin: 'minted' | 'unsealed'
}

/** Whole seconds the token has left from the moment this run received it; undefined when the provider did not say. */
export function lifetimeSeconds(issued: IssuedToken): number | undefined {
  if (!issued.expiresAt) return undefined
  return Math.max(0, Math.floor((issued.expiresAt.getTime() - issued.issuedAt.getTime()) / 1000))
}

/**
 * Fails a token that will not outlive `min-validity`, so a job does not start work it cannot finish, and one whose
 * expiry the provider sent but nobody can read (unless min-validity is 0). Returns a warning when the expiry is
 * unknown, since it then cannot be checked.
 */
export function checkLifetime(issued: IssuedToken, minSeconds: number): string | undefined {
  const { title } = issued.provider
  const unreadable = issued.unreadableExpiry
  if (unreadable) {
    const what = `${title} sent an ${unreadable.field} that could not be read ('${quoteOutsideText(unreadable.text)}')`
    if (minSeconds === 0) return `${what}: expires-at and expires-in are left empty.`
    throw new TokenLifetimeError(
      `${what}, so min-validity (${formatDuration(minSeconds)}) cannot be checked: set min-validity to 0 to accept a token whose expiry is unknown.`
    )
  }
  const left = lifetimeSeconds(issued)
  if (left === undefined) {
    return `${title} did not say when the token expires: expires-at and expires-in are left empty, and min-validity is not checked.`
  }
  // Not a whole second left: no job can use it, so even min-validity 0 does not accept it.
  if (left === 0) {
    throw new TokenLifetimeError(
      issued.origin === 'unsealed'
        ? `The unsealed ${title} token has expired: mint the token in this job instead.`
        : `${title} issued a token that has already expired (expires-in 0): it cannot be used, whatever min-validity says. Check the runner's clock, or ask ${title} why.`
    )
  }
  if (left >= minSeconds) return undefined
  throw new TokenLifetimeError(
    issued.origin === 'unsealed'
      ? `The unsealed ${title} token has ${formatDuration(left)} left, less than min-validity (${formatDuration(minSeconds)}): mint the token in this job instead.`
      : `${title} issued a token valid for ${formatDuration(left)}, less than min-validity (${formatDuration(minSeconds)}): lower min-validity if such short-lived tokens are expected.`
  )
}
