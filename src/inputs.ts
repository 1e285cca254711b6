import * as core from '@actions/core'
import { providers } from './providers/index.js'
import { INPUT_NAMES, parseSettings, type RawInputs, type Settings } from './settings.js'

/**
 * Reads every input once and validates it. The password (from the input or its env fallback) and the seal key
 * are masked as soon as they are read, before validation can fail and before anything else prints.
 */
export function readSettings(): { settings: Settings; warnings: string[] } {
  const raw: Partial<Record<(typeof INPUT_NAMES)[number], string>> = {}
  for (const name of INPUT_NAMES) raw[name] = core.getInput(name)
  const fallbacks = Object.values(providers).map(provider => provider.envFallbacks.password)
  for (const secret of [
    raw.password,
    raw['seal-key'],
    ...fallbacks.map(name => (name ? process.env[name] : undefined))
  ]) {
    if (secret?.trim()) core.setSecret(secret.trim())
  }
  return parseSettings(raw as RawInputs, process.env)
}
