import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { usageText } from '../src/cli/usage.js'
import { providers } from '../src/providers/index.js'
import type { Provider } from '../src/providers/provider.js'

// The --help text is written from the provider declarations: a provider declared here, and nowhere else, shows up
// in it with its variables, regions and defaults.

const acme: Provider<'account' | 'api-key'> = {
  name: 'acme',
  title: 'Acme Reports',
  inputs: {
    account: { env: 'ACME_ACCOUNT', example: 'team-7' },
    'api-key': { env: 'ACME_API_KEY', secret: true, example: 'never-shown' }
  },
  regions: { ap: 'https://ap.acme.test/v2', eu: 'https://eu.acme.test/v2', us: 'https://us.acme.test/v2' },
  defaultRegion: 'ap',
  envName: 'ACME_TOKEN',
  tokenHeader: 'X-Acme-Token',
  account: [],
  request: () => ({ request: { method: 'GET', path: '/token', headers: {} }, secrets: [] }),
  parse: () => ({ token: 'unused', account: {} }),
  hint: () => undefined
}

const registered = Object.values(providers)
/** The text with its line breaks and padding made single spaces, for sentences the wrapping may break. */
const flat = (text: string) => text.replace(/\s+/g, ' ')

describe('the usage text', () => {
  it('reads, for the registered providers, as its snapshot: a change to --help shows as a diff in review', () => {
    expect(usageText()).toMatchSnapshot()
  })

  it('lists every registered provider, its credential variables and its default variable name', () => {
    const usage = usageText()

    expect(usage).toContain(`--provider <${registered.map(p => p.name).join('|')}>`)
    for (const provider of registered) {
      expect(usage).toContain(provider.title)
      expect(usage).toContain(provider.envName)
      for (const input of Object.values(provider.inputs)) if (input.env) expect(usage).toContain(input.env)
    }
  })

  it('shows a third provider declared only in a test, with its variables, regions and defaults', () => {
    const usage = usageText([...registered, acme])

    expect(usage).toContain(`Usage: token-mint --provider <${registered.map(p => p.name).join('|')}|acme> [options]`)
    expect(usage).toMatch(/^ {2}acme +ACME_ACCOUNT and ACME_API_KEY$/m)
    expect(flat(usage)).toContain(
      '--region REGION Soda Cloud region: eu (default) or us Acme Reports region: ap (default) or eu or us'
    )
    expect(flat(usage)).toContain('(default SIRDATA_TOKEN, SODA_TOKEN, OAUTH2_TOKEN or ACME_TOKEN)')
    expect(flat(usage)).toContain(
      'less SIRDATA_PASSWORD, SODA_PASSWORD, OAUTH2_CLIENT_SECRET or ACME_API_KEY (every provider'
    )
    expect(flat(usage)).toContain('short-lived Sirdata, Soda Cloud, OAuth 2.0 or Acme Reports API token')
    expect(usage).toContain('--provider NAME          sirdata, soda, oauth2 or acme (required)')
  })

  it('writes its examples from the declarations, with no secret value in them', () => {
    const usage = usageText([acme])

    // The secret is typed (read -rs), never written on a command line that the shell's history keeps.
    expect(usage).toContain(
      '  read -rs ACME_API_KEY && export ACME_API_KEY\n  ACME_ACCOUNT=team-7 token-mint --provider acme --region eu\n'
    )
    expect(usage).not.toMatch(/ACME_API_KEY=/)
    expect(usage).toContain('  token-mint exec --provider acme --region eu -- ./acme-report.sh --since yesterday\n')
    expect(usage).toContain('  GitLab CI job, ACME_ACCOUNT and ACME_API_KEY set as masked CI/CD variables:\n')
    expect(usage).not.toContain('never-shown')
  })

  it('offers a provider input that is also a flag as one, with the variable it stands in for', () => {
    const usage = usageText()

    expect(usage).toMatch(
      /^ {2}sirdata +SIRDATA_LOGIN and SIRDATA_PASSWORD \(SIRDATA_PARTNER_ID if no --partner-id\)$/m
    )
    expect(usage).toContain('  --partner-id ID          Sirdata partner id, digits only\n')
    expect(usage).toMatch(
      /^ {2}oauth2 +OAUTH2_CLIENT_SECRET \(OAUTH2_TOKEN_URL if no --token-url, OAUTH2_CLIENT_ID if no --client-id\)$/m
    )
    expect(usage).toContain('  --client-auth METHOD     OAuth 2.0 client auth: basic (default) or post\n')
    expect(usage).toContain('  line=$(token-mint --provider sirdata --partner-id 12345 --format env)\n  eval "$line"\n')
  })

  it('recommends for --format env the very lines the docs do (docs/cli.md)', () => {
    const lines = usageText().split('\n')
    const capture = lines.findIndex(line => line.endsWith('--format env)'))
    const example = lines.slice(capture, capture + 2).map(line => line.trim())
    const docs = readFileSync(new URL('../docs/cli.md', import.meta.url), 'utf8')

    expect(example).toEqual([expect.stringMatching(/^line=\$\(token-mint .* --format env\)$/), 'eval "$line"'])
    expect(docs).toContain(`\n${example.join('\n')}\n`)
  })

  it('keeps every line of its sentences within 82 columns', () => {
    const paragraphs = usageText([...registered, acme])
      .split('\n')
      .filter(line => !line.startsWith(' '))

    expect(paragraphs.filter(line => line.length > 82)).toEqual([])
  })
})
