import { describe, expect, it } from '@jest/globals'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import semver from 'semver'
import { parse } from 'yaml'
import { providers } from '../src/providers/index.js'
import { userPages, userText } from '../__fixtures__/user-docs.js'
// @ts-expect-error: a plain .mjs script of the repository, with no type declarations
import * as ownerScript from '../scripts/set-owner.mjs'

const { ownerDocuments, ownerOf, setOwner, REPOSITORY_NAME } = ownerScript as {
  ownerDocuments: (root: string) => string[]
  ownerOf: (root: string) => string
  setOwner: (root: string) => string[]
  REPOSITORY_NAME: RegExp
}

// The documents say what exists, and agree with the repository and with each other: whether anything has been
// released (the CHANGELOG's version sections say), who owns the repository (package.json's `repository`, the one
// place it is set), how each provider's API is called, and which Node versions the project names.

const root = new URL('..', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')
const pkg = JSON.parse(read('package.json')) as {
  version: string
  engines: { node: string }
}
const readme = read('README.md')
/** The README and the pages of docs/: what a user reads, wherever a fact lives. */
const docs = userText()
const changelog = read('CHANGELOG.md')

/** The versions the CHANGELOG lists as released: `## 1.2.3` or `## [1.2.3]` sections. */
const released = [...changelog.matchAll(/^## \[?(\d+\.\d+\.\d+)\]?/gm)].map(match => match[1] as string)
const NOT_RELEASED = 'No release has been published yet'

describe('what the documents say has been released', () => {
  it('is what the CHANGELOG says: its top section is Unreleased, and the next release is package.json’s version', () => {
    expect(changelog).toMatch(/^# Changelog\n[\s\S]*?\n## Unreleased\n\n\S/)
    expect(released).not.toContain(pkg.version)
    expect(read('RELEASING.md')).toContain(`the next\n   release is ${pkg.version}, the version in \`package.json\``)
  })

  if (released.length === 0) {
    it('before the first release: no install from npm, no pin to a release, and the README says why', () => {
      const cliUsage = read('src/cli/usage.ts')
      const pinned = [...docs.matchAll(/token-mint-action@[0-9a-f]{40} # (\S+)/g)].map(match => match[1])

      expect(readme).toContain(NOT_RELEASED)
      expect(read('SECURITY.md')).toContain(NOT_RELEASED)
      expect(docs).not.toMatch(/npm (install|i) (-g |--global )?@token-mint\/cli/)
      expect(docs).not.toMatch(/npx (--yes )?@token-mint\/cli/)
      expect(cliUsage).not.toMatch(/npx (--yes )?@token-mint\/cli/)
      expect(pinned.length).toBeGreaterThan(0)
      expect(pinned.filter(comment => /^v\d/.test(comment as string))).toEqual([])
      expect(docs).not.toMatch(/Each release from \d/)
    })
  } else {
    it('after a release: the README no longer says that nothing is released, and pins only released versions', () => {
      const pinned = [...docs.matchAll(/token-mint-action@[0-9a-f]{40} # v(\d+\.\d+\.\d+)/g)].map(m => m[1])

      expect(docs).not.toContain(NOT_RELEASED)
      expect(read('SECURITY.md')).not.toContain(NOT_RELEASED)
      expect(pinned.filter(version => !released.includes(version as string))).toEqual([])
    })
  }
})

describe('the owner of the repository', () => {
  const repositoryRoot = fileURLToPath(root)

  it('is set once, in package.json’s repository, and every document names that one', () => {
    const owner = ownerOf(repositoryRoot)
    const others = ownerDocuments(repositoryRoot).flatMap(path =>
      [...read(path).matchAll(REPOSITORY_NAME)].filter(match => match[1] !== owner).map(match => `${path}: ${match[0]}`)
    )

    expect(owner).toBe('your-org')
    expect(others).toEqual([])
    expect(readme).toContain(`${owner}/token-mint-action@`)
  })

  it('changes everywhere with one line of package.json and scripts/set-owner.mjs', () => {
    const copy = mkdtempSync(join(tmpdir(), 'set-owner-'))
    try {
      for (const path of ['package.json', ...ownerDocuments(repositoryRoot)]) {
        mkdirSync(dirname(join(copy, path)), { recursive: true })
        cpSync(join(repositoryRoot, path), join(copy, path))
      }
      const pkgCopy = join(copy, 'package.json')
      writeFileSync(pkgCopy, read('package.json').replace('github.com/your-org/', 'github.com/acme-data/'))

      const changed = setOwner(copy)
      const left = ownerDocuments(copy).filter(path => /your-org\//.test(readFileSync(join(copy, path), 'utf8')))

      expect(changed).toEqual(expect.arrayContaining(['README.md', 'RELEASING.md', 'src/cli/usage.ts']))
      expect(left).toEqual([])
      expect(readFileSync(join(copy, 'README.md'), 'utf8')).toContain('uses: acme-data/token-mint-action@v1')
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })
})

describe('every curl in the README and docs/ that calls a provider', () => {
  /** Each curl command of the pages' code blocks, continuation lines joined. */
  const curls = userPages()
    .flatMap(({ text }) => [...text.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)])
    .flatMap(block =>
      (block[1] as string)
        .replace(/\\\n\s*/g, ' ')
        .split('\n')
        .filter(line => /\bcurl\s/.test(line))
        .map(line => line.trim())
    )
  const calling = (host: RegExp) => curls.filter(line => host.test(line))

  it('uses the Soda Cloud Reporting API’s documented method: POST with a JSON body, GET only for get_token', () => {
    const soda = calling(/https:\/\/reporting\.cloud(\.us)?\.soda\.io\//)
    const wrong = soda.filter(line =>
      /\/get_token["'\s]/.test(line)
        ? /-X\s*POST|\s-d\s/.test(line)
        : !/-X POST/.test(line) || !/-H 'Content-Type: application\/json'/.test(line) || !/\s-d '[{[]/.test(line)
    )

    expect(soda.length).toBeGreaterThanOrEqual(4)
    expect(wrong).toEqual([])
  })

  it('sends Sirdata’s token as it is, with no Bearer, and calls its token path only with GET', () => {
    const sirdata = calling(/https:\/\/partner-api\.sddan\.com\//)

    expect(sirdata.length).toBeGreaterThanOrEqual(1)
    expect(sirdata.filter(line => /Bearer/.test(line))).toEqual([])
    expect(sirdata.filter(line => /\/auth\/partner\//.test(line) && /-X\s*(?!GET)\w+/.test(line))).toEqual([])
  })
})

describe('docs/troubleshooting.md on HTTP 403', () => {
  it.each(Object.values(providers).map(provider => [provider.title, provider] as const))(
    'quotes the error %s gives, word for word',
    (title, provider) => {
      expect(read('docs/troubleshooting.md')).toContain(
        `\n${title} refused the token request: HTTP 403 Forbidden. ${provider.hint(403, { region: provider.defaultRegion })}\n`
      )
    }
  )
})

describe('the Node versions the project names', () => {
  const nodeVersion = read('.node-version').trim()
  const ci = parse(read('.github/workflows/ci.yml')) as {
    jobs: Record<string, { strategy?: { matrix?: { node?: number[] } }; steps: { with?: Record<string, unknown> }[] }>
  }
  // Development: the lowest versions of the lines CONTRIBUTING names (22.18 and 24.11, what the dev tools accept).
  const DEVELOPMENT = ['22.18.0', '24.11.0', '24.99.0']

  it('name Node 24 for development and the runner, inside the CLI’s engines range', () => {
    expect(nodeVersion).toBe('24')
    expect(semver.satisfies('24.0.0', pkg.engines.node)).toBe(true)
    expect(read('action.yml')).toMatch(/using: node24/)
    expect(read('CONTRIBUTING.md')).toMatch(/Node 24 \(`\.node-version`\) or 22\.18 and later/)
  })

  it('give the CLI’s engines in the docs, and test its oldest major line in CI', () => {
    const oldest = semver.minVersion(pkg.engines.node)?.version as string
    const [major, minor] = oldest.split('.')

    expect(read('docs/cli.md')).toContain(`It needs Node.js ${major}.${minor} or later`)
    expect(readme).toContain(`Node.js ${major}.${minor} or later`)
    expect(ci.jobs.checks?.strategy?.matrix?.node).toEqual([Number(major), 22, 24])
    const e2eNodes = ci.jobs.e2e?.steps.flatMap(step => [step.with?.['node-version'], step.with?.['node-version-file']])
    expect(e2eNodes).toEqual(expect.arrayContaining(['.node-version', oldest]))
  })

  it('are accepted by every package npm ci installs, so a supported Node prints no engine warning', () => {
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } }> }
    const refusing = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = entry.engines?.node
      if (path === '' || !range) return []
      return DEVELOPMENT.filter(version => !semver.satisfies(version, range)).map(v => `${path}: ${range} (${v})`)
    })

    expect(refusing).toEqual([])
  })
})
