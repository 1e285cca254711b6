import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { parseSettings } from '../src/settings/settings.js'

// Every oauth2 example a user can paste, from docs/oauth2.md and the README's quick start: its step uses declared
// inputs only, and its inputs pass the action's own validation once the ${{ }} expressions are filled in.

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')
const action = parse(read('action.yml')) as { inputs: Record<string, unknown> }

interface Step {
  readonly uses?: string
  readonly with?: Record<string, string>
}

/** The steps of each yaml block that use this action for oauth2. */
function oauth2Steps(markdown: string): Step[] {
  return [...markdown.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)]
    .flatMap(block => parse(block[1] as string) as Step[])
    .filter(step => step.uses?.endsWith('/token-mint-action@v1') && step.with?.provider === 'oauth2')
}

// What a workflow's ${{ vars.X }} and ${{ secrets.X }} hold: plausible values for the names the examples use.
const filled = (value: string) =>
  value.replace(/\$\{\{ (vars|secrets)\.([A-Z0-9_]+) \}\}/g, (_, kind: string, name: string) =>
    name.endsWith('TOKEN_URL') ? 'https://auth.example.com/oauth2/token' : `${kind}-${name.toLowerCase()}`
  )

describe.each([
  ['docs/oauth2.md', 3],
  ['README.md', 1]
])('the oauth2 examples in %s', (path, count) => {
  const steps = oauth2Steps(read(path))

  it('are all found', () => {
    expect(steps).toHaveLength(count)
  })

  it.each(steps.map((step, i) => [i + 1, step] as const))(
    'example %i uses declared inputs that validate',
    (_, step) => {
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([name, value]) => [name, filled(value)]))

      for (const name of Object.keys(inputs)) expect(Object.keys(action.inputs)).toContain(name)
      const { settings, warnings } = parseSettings(inputs, {})
      expect(settings.mode).toBe('mint')
      expect(warnings).toEqual([])
    }
  )
})

describe('docs/oauth2.md', () => {
  it('names the public page behind each server it gives settings for', () => {
    const sections = read('docs/oauth2.md').split('\n### ').slice(1)

    expect(sections.map(section => section.split('\n')[0])).toEqual(['Keycloak', 'Auth0', 'Microsoft Entra ID'])
    for (const section of sections) expect(section).toMatch(/\]\(https:\/\/[^)]+\)/)
  })
})
