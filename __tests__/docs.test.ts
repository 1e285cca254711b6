import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { userPages } from '../__fixtures__/user-docs.js'

const pages = userPages()
const page = (path: string) => pages.find(candidate => candidate.path === path)?.text ?? ''
const readme = page('README.md')
const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>
  outputs: Record<string, unknown>
}

/** The first column of the table under `## heading` of a page (the README unless said), as names. */
function tableNames(heading: string, text = readme): string[] {
  const section = text.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? ''
  return [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map(match => match[1] as string)
}

describe('the README', () => {
  it('lists exactly the inputs action.yml declares, in the same order', () => {
    expect(tableNames('Inputs')).toEqual(Object.keys(action.inputs))
  })

  it('lists exactly the outputs action.yml declares, in the same order', () => {
    expect(tableNames('Outputs')).toEqual(Object.keys(action.outputs))
  })

  it('lists exactly the outputs the cli action declares, and it declares no input', () => {
    const cli = parse(readFileSync(new URL('../cli/action.yml', import.meta.url), 'utf8')) as {
      inputs?: unknown
      outputs: Record<string, unknown>
    }

    expect(tableNames('In a workflow', page('docs/cli.md'))).toEqual(Object.keys(cli.outputs))
    expect(cli.inputs).toBeUndefined()
  })

  it('states the defaults action.yml declares', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      if (!input.default) continue
      expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\|.*\\| \`${input.default}\` \\|$`, 'm'))
    }
  })

  it('and the pages of docs/ use only declared inputs in their workflow examples', () => {
    const withBlocks = pages.flatMap(({ text }) => [
      ...text.matchAll(/uses: [\w-]+\/token-mint-action@v1\n(\s+)with:\n((?:\1 {2}.*\n)+)/g)
    ])
    const used = withBlocks.flatMap(block => [...(block[2] ?? '').matchAll(/^\s+([a-z-]+):/gm)].map(m => m[1]))

    expect(withBlocks.length).toBeGreaterThanOrEqual(4)
    for (const name of used) expect(Object.keys(action.inputs)).toContain(name)
  })

  it('names the test command that CI runs', () => {
    expect(readme).toContain('npm test')
    expect(readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')).toContain('npm test')
  })
})

describe('the version', () => {
  it('is the same in package.json and in the User-Agent the action sends', async () => {
    const { USER_AGENT, VERSION } = await import('../src/version.js')
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }

    expect(VERSION).toBe(pkg.version)
    expect(USER_AGENT).toMatch(new RegExp(`^token-mint-action/${pkg.version.replace(/\./g, '\\.')} `))
  })
})

describe('docs/security.md on env-name', () => {
  it('lists only names the action refuses, and refuses a few it does not list by accident', async () => {
    const { envNameProblem } = await import('../src/settings/fields.js')
    const section = page('docs/security.md').split('\n## Names that `env-name` refuses\n')[1]?.split('\n## ')[0] ?? ''
    // The names in its list (the lines that start with -), a family's * standing for any name that ends in _TOKEN.
    const bullets = section
      .split('\n\n')
      .filter(paragraph => paragraph.startsWith('- '))
      .join('\n')
    const listed = [...bullets.matchAll(/`([A-Za-z_*]+)`/g)].map(match => (match[1] as string).replace('*', 'X_TOKEN'))

    expect(listed.length).toBeGreaterThan(25)
    for (const name of listed) expect([name, envNameProblem(name)]).toEqual([name, expect.any(String)])
    expect(envNameProblem('SODA_REPORT_TOKEN')).toBeUndefined()
  })
})
