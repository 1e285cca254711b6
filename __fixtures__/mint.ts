import type { FakeProvider } from './fake-provider.js'
import { mintToken, type IssuedToken, type Log, type MintOptions } from '../src/mint.js'
import { parseSettings, type MintSettings, type RawInputs } from '../src/settings.js'

/** A Log that keeps every line, so tests can read what a run would print. */
export function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    debug: message => void lines.push(`debug: ${message}`),
    warning: message => void lines.push(`warning: ${message}`)
  }
}

/** Inputs that mint from the fake for the named provider. */
export function fakeInputs(fake: FakeProvider, provider: 'sirdata' | 'soda', extra: RawInputs = {}): RawInputs {
  return {
    provider,
    'partner-id': provider === 'sirdata' ? fake.credentials.partnerId : '',
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

/** The core, as the action drives it: validated settings, the provider's request, then the mint. */
export async function mintFrom(raw: RawInputs, options: Partial<MintOptions> = {}): Promise<IssuedToken> {
  const settings = mintSettings(raw)
  return mintToken(settings, settings.provider.request(settings), {
    log: recordingLog(),
    ...options,
    // Back-offs are recorded by the caller's sleep or skipped, never waited for, so the suite stays fast.
    retry: { baseDelayMs: 5, sleep: async () => {}, ...options.retry }
  })
}
