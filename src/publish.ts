import * as core from '@actions/core'
import type { IssuedToken } from './mint.js'
import type { Settings } from './settings.js'

// Labels for the account facts providers report, by output name.
const ACCOUNT_LABELS: Record<string, string> = {
  'partner-id': 'Partner id',
  'organization-id': 'Organisation',
  user: 'User'
}

/** The outputs a minted token produces; also what the CLI prints as JSON. */
export function tokenOutputs(issued: IssuedToken): Record<string, string> {
  const outputs: Record<string, string> = { token: issued.token }
  if (issued.expiresAt) {
    outputs['expires-at'] = issued.expiresAt.toISOString()
    outputs['expires-in'] = String(lifetimeSeconds(issued))
  }
  return { ...outputs, ...issued.account }
}

/**
 * Masks the token, then sets outputs, the env var and the job summary, and logs one line.
 * The mask comes first so that no later line, ours or the runner's, can show the token.
 */
export async function publishToken(issued: IssuedToken, settings: Settings): Promise<void> {
  core.setSecret(issued.token)
  const { provider } = settings

  for (const [name, value] of Object.entries(tokenOutputs(issued))) core.setOutput(name, value)
  if (settings.exportEnv) core.exportVariable(settings.envName, issued.token)
  if (!issued.expiresAt) {
    core.warning(`${provider.title} did not say when the token expires: expires-at and expires-in are left empty.`)
  }

  const facts = describe(issued, settings)
  await writeSummary(`${provider.title} token minted`, facts)
  core.info(`Minted a ${provider.title} token: ${facts.map(([label, value]) => `${label.toLowerCase()} ${value}`).join(', ')}.`)
}

/** What a person wants to know about a token, never the token itself. */
function describe(issued: IssuedToken, settings: Settings): [string, string][] {
  const facts: [string, string][] = []
  if (settings.provider.inputs.includes('region')) facts.push(['Region', settings.region])
  for (const [name, value] of Object.entries(issued.account)) facts.push([ACCOUNT_LABELS[name] ?? name, value])
  if (issued.expiresAt) {
    facts.push(['Expires at', issued.expiresAt.toISOString()])
    facts.push(['Lifetime', formatDuration(lifetimeSeconds(issued))])
  }
  facts.push(['Exported as', settings.exportEnv ? `$${settings.envName}` : 'not exported (export-env is false)'])
  return facts
}

async function writeSummary(title: string, facts: [string, string][]) {
  // Outside a runner (or on old runners) there is no summary file; the token is already published.
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary
      .addHeading(title, 3)
      .addTable([
        [
          { data: 'Fact', header: true },
          { data: 'Value', header: true }
        ],
        ...facts
      ])
      .write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function lifetimeSeconds(issued: IssuedToken): number {
  return Math.max(0, Math.floor(((issued.expiresAt?.getTime() ?? 0) - issued.issuedAt.getTime()) / 1000))
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`
}
