import { formatDuration } from './duration.js'
import { neutraliseLine } from './outside-text.js'
import { lifetimeSeconds, type IssuedToken } from './token.js'

/** The outputs a token produces: the action's step outputs, and the CLI's JSON. */
export function tokenOutputs(issued: IssuedToken): Record<string, string> {
  const outputs: Record<string, string> = { token: issued.token }
  const left = lifetimeSeconds(issued)
  if (issued.expiresAt && left !== undefined) {
    outputs['expires-at'] = issued.expiresAt.toISOString()
    outputs['expires-in'] = String(left)
  }
  // No account fact may stand in for the token or its expiry.
  for (const [name, value] of Object.entries(issued.account)) if (!(name in outputs)) outputs[name] = value
  return outputs
}

/** What a person wants to know about a token, as label and value, in the provider's order: never the token itself. */
export function tokenFacts(issued: IssuedToken): [string, string][] {
  const facts: [string, string][] = []
  if (issued.region) facts.push(['Region', issued.region])
  for (const { output, label } of issued.provider.account) {
    const value = issued.account[output]
    if (value !== undefined) facts.push([label, value])
  }
  const left = lifetimeSeconds(issued)
  if (issued.expiresAt && left !== undefined) {
    facts.push(['Expires at', issued.expiresAt.toISOString()])
    facts.push([issued.origin === 'unsealed' ? 'Time left' : 'Lifetime', formatDuration(left)])
  }
  return facts
}

/** One sentence for a log: "Minted a <title> token: region eu, ..., lifetime 30 min." */
export function describeToken(issued: IssuedToken): string {
  const verb = issued.origin === 'unsealed' ? 'Unsealed' : 'Minted'
  const facts = tokenFacts(issued).map(([label, value]) => `${label.toLowerCase()} ${value}`)
  const article = /^[aeiou]/i.test(issued.provider.title) ? 'an' : 'a'
  const sentence = `${verb} ${article} ${issued.provider.title} token${facts.length > 0 ? `: ${facts.join(', ')}` : ''}.`
  // A plain log line still runs a command if it holds ##[ anywhere: the facts are validated, this is a second lock.
  return neutraliseLine(sentence)
}
