import type * as z from 'zod/mini'

/** What a provider's hint may read of a refusal. */
export interface Refusal {
  /** The region asked: an account of another region can answer as if its password were wrong. */
  readonly region: string
  /** The refusal's body read as JSON, undefined when it is not JSON: provider text, to be checked before use. */
  readonly answer?: unknown
}

/**
 * One input a provider reads (besides the common ones and `region`). An empty one falls back to `env`, then to
 * `default`; an input with no default is required, and reported missing.
 */
export interface ProviderInput {
  /** Makes the input optional: the value when neither the input nor `env` is set ('' for "leave it out"). */
  readonly default?: string
  /** The environment variable read when the input is empty. */
  readonly env?: string
  /** Masked as soon as it is read, before validation can fail and before anything else prints. */
  readonly secret?: boolean
  /** Validates the trimmed, non-empty text; its messages complete "Input 'name' ...". Any text when absent. */
  readonly schema?: z.ZodMiniType<string, string>
  /** A plausible value for the CLI's examples (never for a secret, which the examples write as `...`). */
  readonly example?: string
  /** How the CLI's --help shows it when it is also a command-line flag: the value's placeholder, and what it is. */
  readonly flag?: { readonly value: string; readonly about: string }
}

/** A token request relative to the provider's API root. */
export interface TokenRequest {
  readonly method: 'GET' | 'POST'
  /** Appended to the API root, which may carry a path of its own (a gateway prefix); '' for the root itself. */
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
}

/** An expiry the provider sent but that cannot be read: which field, and its text (provider text, shown cut short). */
export interface UnreadableExpiry {
  readonly field: string
  readonly text: string
}

/** A token as read from the provider's answer. */
export interface MintedToken {
  readonly token: string
  /** Undefined when the provider did not say, or said something unreadable. */
  readonly expiresAt?: Date
  /** Set when the provider sent an expiry that cannot be read; the lifetime check decides what that means. */
  readonly unreadableExpiry?: UnreadableExpiry
  /** Validated account facts, keyed by the action output that carries each. */
  readonly account: Readonly<Record<string, string>>
}

/** What a provider reads an answer with. */
export interface AnswerContext<Input extends string = string> {
  /** When the answer arrived: relative expiries count from here. */
  readonly now: Date
  /** The validated inputs, for facts the answer may leave out (the partner id the request named). */
  readonly inputs: Readonly<Record<Input, string>>
  /** Masks the token as soon as it is found, before any other field can fail. */
  readonly secret: (value: string) => void
}

/** An account fact a provider reports: the action output that carries it, and its label in the log and summary. */
export interface AccountField {
  readonly output: string
  readonly label: string
  /** The value as the output carries it: what an unsealed envelope's value is checked against. */
  readonly schema: z.ZodMiniType<string, string>
}

/** Everything the action knows about one provider; nothing outside the provider's file knows more. */
export interface Provider<Input extends string = string> {
  /** The `provider` input value, and the word in input messages. */
  readonly name: string
  /** The provider's name in messages ("Soda Cloud"). */
  readonly title: string
  /** The inputs it reads, by action input name, in the order problems are reported. */
  readonly inputs: Readonly<Record<Input, ProviderInput>>
  /** Region -> API root. With more than one, the provider reads the `region` input. */
  readonly regions: Readonly<Record<string, string>>
  readonly defaultRegion: string
  /**
   * The input that holds the whole URL of the token endpoint, for a provider that has no API root of its own (no
   * regions): it is validated as `base-url` is (https, or http to loopback; no credentials, query or fragment), and
   * `base-url` and `region` do not apply.
   */
  readonly endpointInput?: string
  /** The default name of the exported environment variable. */
  readonly envName: string
  /** The request header that carries the token on later API calls, as the provider documents it. */
  readonly tokenHeader: string
  /** The scheme written before the token in that header (`Bearer`), when the provider documents one. */
  readonly tokenScheme?: string
  /** Its account outputs, in the order the log and summary show them. */
  readonly account: readonly AccountField[]
  /**
   * The token request, from validated inputs, and the strings derived from the credentials (a Basic header,
   * an escaped password) that must be masked like the password itself.
   */
  request(inputs: Readonly<Record<Input, string>>): { request: TokenRequest; secrets: readonly string[] }
  /**
   * Reads the 2xx body with the provider's zod schema (see answer.ts): every field the action prints, outputs or
   * writes to the summary is validated here. Throws a TokenRequestError when the body is not what the docs promise.
   */
  parse(body: unknown, context: AnswerContext<Input>): MintedToken
  /**
   * What the workflow author should check when the provider refuses with this status. `refusal.region` is the
   * region asked (an account of another region can answer as if its password were wrong); `refusal.answer` is the
   * refusal's body read as JSON (undefined when it is not JSON): provider text, to be validated or neutralised first.
   */
  hint(status: number, refusal: Refusal): string | undefined
}
