import type { FakeProvider } from './fake-provider.js'
import { mintToken, type Log, type MintOptions } from '../src/mint.js'
import { parseSettings, type MintSettings, type RawInputs } from '../src/settings/settings.js'
import type { IssuedToken } from '../src/token.js'

/** A Log that keeps every line and every secret it was handed, so tests can read what a run would print. */
export function recordingLog(): Log & { lines: string[]; secrets: string[] } {
  const lines: string[] = []
  const secrets: string[] = []
  return {
    lines,
    secrets,
    debug: message => void lines.push(`debug: ${message}`),
    warning: message => void lines.push(`warning: ${message}`),
    secret: value => void secrets.push(value)
  }
}

/**
 * The one input builder: inputs that mint from the fake for the named provider, as the action's `with:` would
 * hold them (and as runAction passes them to the bundle), with `extra` on top.
 */
export function fakeInputs(
  fake: FakeProvider,
  provider: 'sirdata' | 'soda' | 'oauth2',
  extra: Record<string, string> = {}
): Record<string, string> {
  if (provider === 'oauth2') {
    return {
      provider,
      'token-url': fake.roots.oauth2,
      'client-id': fake.credentials.username,
      'client-secret': fake.credentials.password,
      ...extra
    }
  }
  return {
    provider,
    ...(provider === 'sirdata' ? { 'partner-id': fake.credentials.partnerId } : {}),
    username: fake.credentials.username,
    password: fake.credentials.password,
    'base-url': fake.roots[provider],
    ...extra
  }
}

/** Settings for a minting run, or a thrown error saying the inputs described another kind of run. */
export function mintSettings(raw: RawInputs, env: Record<string, string | undefined> = {}): MintSettings {
  const { settings } = parseSettings(raw, env)
  if (settings.mode !== 'mint') throw new Error(`expected a minting run, got ${settings.mode}`)
  return settings
}

/** The core, as the action drives it: validated settings, then the one entry into the core. */
export async function mintFrom(raw: RawInputs, options: Partial<MintOptions> = {}): Promise<IssuedToken> {
  const { token } = await mintToken(mintSettings(raw), {
    log: recordingLog(),
    ...options,
    // Back-offs are recorded by the caller's sleep or skipped, never waited for, so the suite stays fast.
    retry: { baseDelayMs: 5, sleep: async () => {}, ...options.retry },
    // The proxy variables come from the test, never from the machine running it.
    attempt: { env: {}, ...options.attempt }
  })
  return token
}
