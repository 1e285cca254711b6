/** Inputs that only some providers use; a provider lists the ones it reads. */
export type ProviderInput = 'partner-id' | 'region'

/** What a provider needs to build its token request: plain values, already validated. */
export interface TokenRequestInput {
  readonly partnerId?: string
  readonly username: string
  readonly password: string
}

/** A token request relative to the provider's API root. */
export interface TokenRequest {
  readonly method: 'GET'
  /** Appended to the API root, which may carry a path of its own (a gateway prefix). */
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  /** Strings derived from the credentials (a Basic header) that must be masked like the password. */
  readonly secrets: readonly string[]
}

/** A token as read from the provider's answer. */
export interface MintedToken {
  readonly token: string
  /** Undefined when the provider did not say; callers warn instead of guessing. */
  readonly expiresAt?: Date
  /** Non-secret account facts, keyed by the action output that carries each. */
  readonly account: Readonly<Record<string, string>>
}

export interface Provider {
  /** The `provider` input value. */
  readonly name: string
  /** The provider's name in messages. */
  readonly title: string
  /** Region -> API root; the first entry is the default. */
  readonly regions: Readonly<Record<string, string>>
  /** The provider-specific inputs it reads; the others are ignored with a warning. */
  readonly inputs: readonly ProviderInput[]
  /** Environment variables read when an input is empty. */
  readonly envFallbacks: Readonly<Partial<Record<'partner-id' | 'username' | 'password', string>>>
  /** The default name of the exported environment variable. */
  readonly envName: string
  /** Builds the token request from validated settings. */
  request(input: TokenRequestInput): TokenRequest
  /** Reads the provider's 2xx body; throws a TokenRequestError when it is not what the docs promise. */
  parse(body: unknown, now: Date): MintedToken
  /** What the workflow author should check when the provider answers this status. */
  hint(status: number): string | undefined
}
