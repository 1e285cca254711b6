import type { FakeProvider } from './fake-provider.js'

/** Every secret a run against this fake could leak: the password, its Basic forms, and each token issued. */
export function secretsOf(fake: FakeProvider): string[] {
  const { username, password } = fake.credentials
  const basic = Buffer.from(`${username}:${password}`).toString('base64')
  return [password, basic, `Basic ${basic}`, ...fake.tokens]
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
