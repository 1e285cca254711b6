import { formatDuration, lifetimeSeconds } from './lifetime.js'
import type { IssuedToken } from './mint.js'

// Labels for the account facts providers report, by output name.
const ACCOUNT_LABELS: Record<string, string> = {
  'partner-id': 'Partner id',
  'organization-id': 'Organisation',
  user: 'User'
}

/** The outputs a token produces: the action's step outputs, and the CLI's JSON. */
export function tokenOutputs(issued: IssuedToken): Record<string, string> {
  const outputs: Record<string, string> = { token: issued.token }
  const left = lifetimeSeconds(issued)
  if (issued.expiresAt && left !== undefined) {
    outputs['expires-at'] = issued.expiresAt.toISOString()
    outputs['expires-in'] = String(left)
  }
  return { ...outputs, ...issued.account }
}

/** What a person wants to know about a token, as label and value: never the token itself. */
export function tokenFacts(issued: IssuedToken, unsealed = false): [string, string][] {
  const facts: [string, string][] = []
  if (issued.region) facts.push(['Region', issued.region])
  for (const [name, value] of Object.entries(issued.account)) facts.push([ACCOUNT_LABELS[name] ?? name, value])
  const left = lifetimeSeconds(issued)
  if (issued.expiresAt && left !== undefined) {
    facts.push(['Expires at', issued.expiresAt.toISOString()])
    facts.push([unsealed ? 'Time left' : 'Lifetime', formatDuration(left)])
  }
  return facts
}

/** One line for a log: "Minted a Soda Cloud token: region eu, ..., lifetime 30 min." */
export function describeToken(verb: string, issued: IssuedToken, facts: [string, string][]): string {
  return `${verb} a ${issued.provider.title} token: ${facts.map(([label, value]) => `${label.toLowerCase()} ${value}`).join(', ')}.`
}
