// Every error here is written for the person reading a failed workflow step: what failed, why, what to check.
// None of them may carry a secret or a raw response body, since messages end up in logs.

export interface InputProblem {
  readonly input: string
  /** Completes "Input 'name' ...": what is wrong and what would be valid. */
  readonly message: string
}

/** Missing or invalid inputs, found before any network call; one error names them all. */
export class InputError extends Error {
  override readonly name = 'InputError'
  constructor(readonly problems: readonly InputProblem[]) {
    super(problems.map(problem => `Input '${problem.input}' ${problem.message}`).join(' '))
  }
}

/** The provider answered, and the answer means this configuration cannot get a token (a 3xx or 4xx, or a bad body). */
export class TokenRequestError extends Error {
  override readonly name = 'TokenRequestError'
}

/** Every attempt failed for a reason that might pass (network, timeout, 429, 5xx). */
export class TransientFailureError extends Error {
  override readonly name = 'TransientFailureError'
  constructor(
    message: string,
    readonly attempts: number
  ) {
    super(message)
  }
}

/** The message to show for anything thrown, without a stack trace. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** A sealed token that this run cannot open; the message says why and what to do. */
export class SealError extends Error {
  override readonly name = 'SealError'
  constructor(problem: string) {
    super(`The sealed-token ${problem}`)
  }
}

/** A token with less lifetime left than `min-validity`. */
export class TokenLifetimeError extends Error {
  override readonly name = 'TokenLifetimeError'
}
