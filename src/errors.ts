// Every error the action reports is an ActionError: its message is written for the person reading a failed workflow
// step (what failed, why, what to check) and never carries a secret or a raw response body, since it ends up in
// logs. The subclass says what that person must do; exit codes and retry decisions follow from it. `cause` keeps
// the underlying error for debugging and is never printed.

/** What the workflow author has to do about a failure. */
export type Remedy = 'fix-input' | 'fix-credentials' | 'retry-later' | 'fix-network'

/** Exit codes of the command line, by remedy: 1 refused, 2 bad usage, 3 transient. */
const EXIT_CODES: Readonly<Record<Remedy, number>> = {
  'fix-input': 2,
  'fix-credentials': 1,
  'fix-network': 1,
  'retry-later': 3
}

export abstract class ActionError extends Error {
  abstract readonly remedy: Remedy

  /** The command line's exit code for this failure. */
  get exitCode(): number {
    return EXIT_CODES[this.remedy]
  }

  /** Whether another attempt may fare better. */
  get retryable(): boolean {
    return this.remedy === 'retry-later'
  }

  /** Says where the failure happened: "<context>: <message>." The class, and so the remedy, stay. */
  within(context: string): this {
    this.message = `${context}: ${this.message.replace(/\.$/, '')}.`
    return this
  }
}

export interface InputProblem {
  readonly input: string
  /** Completes "Input 'name' ...": what is wrong and what would be valid. */
  readonly message: string
}

/** Missing or invalid inputs, found before any network call; one error names them all. */
export class InputError extends ActionError {
  override readonly name = 'InputError'
  readonly remedy = 'fix-input'
  constructor(readonly problems: readonly InputProblem[]) {
    super(problems.map(problem => `Input '${problem.input}' ${problem.message}`).join(' '))
  }
}

/** A sealed token that this run cannot open; the message says why and what to do. */
export class SealError extends ActionError {
  override readonly name = 'SealError'
  readonly remedy = 'fix-input'
  constructor(problem: string, options?: ErrorOptions) {
    super(`The sealed-token ${problem}`, options)
  }
}

/**
 * The provider answered, and the answer means this configuration cannot get a token: a refused status,
 * a redirect, or a body that is not the documented token response.
 */
export class TokenRequestError extends ActionError {
  override readonly name = 'TokenRequestError'
  readonly remedy = 'fix-credentials'
  constructor(
    message: string,
    /** The HTTP status, when the provider answered with one. */
    readonly status?: number,
    options?: ErrorOptions
  ) {
    super(message, options)
  }
}

/** A token with less lifetime left than `min-validity`, or an expiry that cannot be read. */
export class TokenLifetimeError extends ActionError {
  override readonly name = 'TokenLifetimeError'
  readonly remedy = 'fix-credentials'
}

/** A failure that might pass on another attempt: a dropped connection, a timeout, 429 or 5xx. */
export class TransientFailureError extends ActionError {
  override readonly name = 'TransientFailureError'
  readonly remedy = 'retry-later'
  /** The retryable status of the (last) answer, when there was one: 429 or a 5xx. */
  readonly status?: number
  /** Whether the (last) attempt ran out of time, rather than failing on the network. */
  readonly timedOut: boolean
  /** What the last attempt met, in a few words ("HTTP 503"), for a caller that keeps retrying on its own. */
  readonly reason?: string
  /** The wait the provider's Retry-After asked for on the last answer, uncapped. */
  readonly retryAfterMs?: number
  constructor(
    message: string,
    /** Attempts made, once retries are exhausted; 1 for a single attempt. */
    readonly attempts = 1,
    options?: ErrorOptions & {
      readonly status?: number
      readonly timedOut?: boolean
      readonly reason?: string
      readonly retryAfterMs?: number
    }
  ) {
    super(message, options)
    this.status = options?.status
    this.timedOut = options?.timedOut ?? false
    this.reason = options?.reason
    this.retryAfterMs = options?.retryAfterMs
  }
}

/** The network between the runner and the provider needs fixing: TLS trust, a host name, a proxy. Not retried. */
export class NetworkError extends ActionError {
  override readonly name = 'NetworkError'
  readonly remedy = 'fix-network'
}

/** The message to show for anything thrown, without a stack trace. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
