import { TokenLifetimeError } from './errors.js'
import type { IssuedToken } from './mint.js'

/** Whole seconds the token has left from the moment this run received it; undefined when the provider did not say. */
export function lifetimeSeconds(issued: IssuedToken): number | undefined {
  if (!issued.expiresAt) return undefined
  return Math.max(0, Math.floor((issued.expiresAt.getTime() - issued.issuedAt.getTime()) / 1000))
}

/**
 * Fails a token that will not outlive `min-validity`, so a job does not start work it cannot finish.
 * Returns a warning when the expiry is unknown and so cannot be checked.
 */
export function checkLifetime(issued: IssuedToken, minSeconds: number, unsealed: boolean): string | undefined {
  const left = lifetimeSeconds(issued)
  const title = issued.provider.title
  if (left === undefined) {
    return `${title} did not say when the token expires: expires-at and expires-in are left empty, and min-validity is not checked.`
  }
  if (left >= minSeconds) return undefined
  throw new TokenLifetimeError(
    unsealed
      ? `The unsealed ${title} token has ${formatDuration(left)} left, less than min-validity (${formatDuration(minSeconds)}): mint the token in this job instead.`
      : `${title} issued a token valid for ${formatDuration(left)}, less than min-validity (${formatDuration(minSeconds)}): lower min-validity if such short-lived tokens are expected.`
  )
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`
}
