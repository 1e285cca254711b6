import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
// @ts-expect-error: a plain .mjs script of the repository, with no type declarations
import { bundledPackages, packageOf } from '../scripts/bundled-packages.mjs'

// What .ci/run audits, since the published package declares no dependency: what src/ imports, and what that needs.
const root = fileURLToPath(new URL('..', import.meta.url))
const list = bundledPackages as (root: string) => string[]

describe('the packages the bundles are built from', () => {
  it('are what src/ imports and what those need, through package-lock.json, and no build or test tool', () => {
    const packages = list(root)

    expect(packages).toEqual(expect.arrayContaining(['@actions/core', '@actions/http-client', 'tunnel', 'zod']))
    expect(packages).not.toContain('jest')
    expect(packages).not.toContain('@vercel/ncc')
    expect(packages).not.toContain('typescript')
  })

  it('follow Node’s lookup: a nested copy first, then the enclosing node_modules', () => {
    const project = mkdtempSync(join(tmpdir(), 'bundled-'))
    try {
      mkdirSync(join(project, 'src'))
      writeFileSync(
        join(project, 'src', 'a.ts'),
        "import x from 'lib-a/sub'\nimport {\n  y\n} from 'node:fs'\nimport { z } from './local.js'\nconst text = 'runs from ' + 'tool'\n"
      )
      const packages = {
        '': { devDependencies: { 'lib-a': '1', tool: '1' } },
        'node_modules/lib-a': { dependencies: { 'lib-b': '2' } },
        'node_modules/lib-a/node_modules/lib-b': { dependencies: { 'lib-c': '1' } },
        'node_modules/lib-b': { dependencies: { 'never-reached': '1' } },
        'node_modules/lib-c': {},
        'node_modules/never-reached': {},
        'node_modules/tool': {}
      }
      writeFileSync(join(project, 'package-lock.json'), JSON.stringify({ packages }))

      expect(list(project)).toEqual(['lib-a', 'lib-b', 'lib-c'])
    } finally {
      rmSync(project, { recursive: true, force: true })
    }
  })

  it('name a package by its first path segment, or two for a scope', () => {
    const of = packageOf as (specifier: string) => string

    expect([of('zod/mini'), of('@actions/core/lib/x'), of('tunnel')]).toEqual(['zod', '@actions/core', 'tunnel'])
  })
})
