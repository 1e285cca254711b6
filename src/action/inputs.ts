import * as core from '@actions/core'
import { providers } from '../providers/index.js'
import { INPUT_NAMES, type InputName, type RawInputs } from '../settings/settings.js'

/**
 * Reads every input once. Secrets (the seal key, and each provider's secret inputs with their environment
 * fallbacks) are masked as soon as they are read, before validation can fail and before anything else prints.
 */
export function readInputs(env: Readonly<Record<string, string | undefined>> = process.env): RawInputs {
  const raw: Partial<Record<InputName, string>> = {}
  for (const name of INPUT_NAMES) raw[name] = core.getInput(name)
  const secrets = new Set([raw['seal-key']])
  for (const provider of Object.values(providers)) {
    for (const [name, input] of Object.entries(provider.inputs)) {
      if (input.secret) {
        secrets.add(raw[name as InputName])
        secrets.add(input.env ? env[input.env] : undefined)
      }
    }
  }
  // Masked trimmed, as they are used: getInput trims inputs, and settings trim the fallbacks.
  for (const secret of new Set([...secrets].map(value => value?.trim()))) if (secret) core.setSecret(secret)
  return raw
}

/**
 * Warnings for INPUT_ variables that no input is read from but that are one slip away from one: another case, or
 * `_` for `-` (INPUT_BASE_URL for base-url). Such a variable is silently ignored, and the run goes on without it:
 * a test credential sent to the real host, say. Read are INPUT_BASE-URL (the runner) and INPUT_base-url (GitHub's
 * emulator, from a .env file).
 */
export function misspeltInputs(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const warnings: string[] = []
  for (const variable of Object.keys(env)) {
    const loose = variable.replaceAll('_', '-').toLowerCase()
    const meant = INPUT_NAMES.find(name => loose === `input-${name}`)
    if (!meant || variable === `INPUT_${meant.toUpperCase()}` || variable === `INPUT_${meant}`) continue
    warnings.push(
      `${variable} is set, but no input is read from it: did you mean ${meant} (INPUT_${meant.toUpperCase()})? ` +
        'Input names keep their hyphens.'
    )
  }
  return warnings
}
