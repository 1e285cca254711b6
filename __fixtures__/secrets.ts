import type { FakeProvider } from './fake-provider.js'

/** Every secret a run against this fake could leak: the password, its Basic and form forms, and each token issued. */
export function secretsOf(fake: FakeProvider): string[] {
  const { username, password } = fake.credentials
  const basic = Buffer.from(`${username}:${password}`).toString('base64')
  // OAuth 2.0 form-encodes id and secret, in the body or before Basic (RFC 6749, Appendix B).
  const encode = (value: string) => new URLSearchParams([['', value]]).toString().slice(1)
  const formBasic = Buffer.from(`${encode(username)}:${encode(password)}`).toString('base64')
  return [password, basic, `Basic ${basic}`, formBasic, `client_secret=${encode(password)}`, ...fake.tokens]
}

/**
 * The secrets that appear in `text` anywhere but in a `::add-mask::` command, which is how a secret must be
 * handed to the runner. An empty list is the only good answer.
 */
export function leakedSecrets(text: string, secrets: readonly string[]): string[] {
  const withoutMasks = text
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  return secrets.filter(secret => secret.length > 0 && withoutMasks.includes(secret))
}
