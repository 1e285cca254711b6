import { describe, expect, it } from '@jest/globals'
import { Linter, type Rule } from 'eslint'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// @ts-expect-error: a plain .mjs script, typed by use
const { compiledAtOnce, cryptoOnFirstUse, withoutUnusedImport } = (await import('../scripts/bundle.mjs')) as {
  cryptoOnFirstUse: (code: string) => string
  compiledAtOnce: (code: string) => string
  withoutUnusedImport: (code: string, name: string) => string
}

const root = fileURLToPath(new URL('..', import.meta.url))
const read = (path: string) => readFileSync(join(root, path), 'utf8')
const BUNDLES = ['dist/index.js', 'dist/cli/index.js', 'dist/on-path/index.js']

/** Every name a script reads that neither it nor the JavaScript runtime defines: each a ReferenceError in waiting. */
function unboundNames(code: string): string[] {
  const found: string[] = []
  const unbound: Rule.RuleModule = {
    create: context => ({
      'Program:exit': node => {
        for (const reference of context.sourceCode.getScope(node).through) found.push(reference.identifier.name)
      }
    })
  }
  const runtime = new Set(Object.getOwnPropertyNames(globalThis))
  const problems = new Linter().verify(code, {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { bundle: { rules: { unbound } } },
    rules: { 'bundle/unbound': 'error' },
    linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true }
  })
  expect(problems.filter(problem => problem.fatal)).toEqual([])
  return [...new Set(found)].filter(name => !runtime.has(name)).sort()
}

describe('the committed bundles', () => {
  it.each(BUNDLES)('%s has each module in parentheses, for V8 to compile it at once', bundle => {
    const modules = read(bundle).split('var __webpack_modules__ = {')[1]?.split('\n};')[0] ?? ''
    const heads = modules.split('\n').filter(line => /^ {4}\d+: /.test(line))

    expect(heads.length).toBeGreaterThan(0)
    expect(heads.filter(line => !/^ {4}\d+: \((\(.*\)|\w+) => \{/.test(line))).toEqual([])
  })

  it.each(BUNDLES)('%s reads no name that nothing defines', bundle => {
    expect(unboundNames(read(bundle))).toEqual([])
  })

  it('would notice one', () => {
    expect(unboundNames('const a = 1; export function f() { return a + ProxyAgent + globalThis.x }')).toEqual([
      'ProxyAgent'
    ])
  })

  it('are two files with no chunk beside them, so the checks that read them see all the code', () => {
    // A dynamic import() of a source module makes ncc write a chunk (dist/123.index.js). Terser, the size budget in
    // .ci/run and the release check read only the two bundles: teach them the chunks before letting one in.
    // Built-ins loaded on first use (node:https, node:tls) stay inside the bundle and make no chunk.
    const files = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap(entry =>
        entry.isDirectory() ? files(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`]
      )

    expect(
      files('dist')
        .filter(file => file.endsWith('.js'))
        .sort()
    ).toEqual([...BUNDLES].sort())
  })

  it.each(BUNDLES)('%s leaves out the embedded fake provider and undici', bundle => {
    const code = read(bundle)

    expect(code).not.toContain('startFakeProvider')
    expect(code).not.toContain('Scripted replies')
    // Every real undici build defines its UND_ERR_* error codes.
    expect(code).not.toContain('UND_ERR_')
  })
})

// undici is installed (the emulator's dependencies need it) but left out of the bundles: scripts/bundle.mjs keeps it
// external, then takes away the import that nothing reads any more.
describe('leaving undici out', () => {
  it.each(BUNDLES)('%s imports no undici, so it runs with no node_modules beside it', bundle => {
    expect(read(bundle)).not.toMatch(/["']undici["']/)
  })

  it('takes away an import that nothing reads', () => {
    const code = 'import * as __WEBPACK_EXTERNAL_MODULE_undici__ from "undici";\nconst a = 1;\n'

    expect(withoutUnusedImport(code, 'undici')).toBe('const a = 1;\n')
  })

  it('fails the build when some code still reads it', () => {
    const code =
      'import * as __WEBPACK_EXTERNAL_MODULE_undici__ from "undici";\nnew __WEBPACK_EXTERNAL_MODULE_undici__.ProxyAgent();\n'

    expect(() => withoutUnusedImport(code, 'undici')).toThrow('the bundle still reads undici: it cannot be left out')
  })

  it('leaves a bundle without the import as it is', () => {
    expect(withoutUnusedImport('const a = 1;\n', 'undici')).toBe('const a = 1;\n')
  })
})

describe('compiledAtOnce', () => {
  it('puts each module, one line or many, in parentheses, and nothing else', () => {
    const code = [
      'var __webpack_modules__ = {',
      '    1: (module, exports) => {},',
      '    22: module => {',
      '        const x = { a: 1 };',
      '    },',
      '    3: (a, b, c) => {',
      '        f();',
      '    }',
      '};',
      'function f() {}'
    ].join('\n')

    expect(compiledAtOnce(code).split('\n')).toEqual([
      'var __webpack_modules__ = {',
      '    1: ((module, exports) => {}),',
      '    22: (module => {',
      '        const x = { a: 1 };',
      '    }),',
      '    3: ((a, b, c) => {',
      '        f();',
      '    })',
      '};',
      'function f() {}'
    ])
  })

  it('stops the build on a layout it does not know', () => {
    expect(() => compiledAtOnce('const a = 1')).toThrow('no __webpack_modules__')
    expect(() => compiledAtOnce('var __webpack_modules__ = {\n    1: 2,\n};')).toThrow('unexpected line 2')
  })
})

describe('cryptoOnFirstUse', () => {
  const imported = 'const c = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");\n'

  it('replaces an import read only for randomUUID with a stand-in that writes version 4 UUIDs', () => {
    const code = cryptoOnFirstUse(`${imported}for (let i = 0; i < 50; i++) console.log(c.randomUUID());\n`)
    const dir = mkdtempSync(join(tmpdir(), 'uuid-'))
    writeFileSync(join(dir, 'ids.mjs'), code)
    const ids = execFileSync(process.execPath, [join(dir, 'ids.mjs')], { encoding: 'utf8' })
      .trim()
      .split('\n')
    rmSync(dir, { recursive: true, force: true })

    expect(code).not.toContain('createRequire')
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(ids).size).toBe(50)
  })

  it('fails the build when the import is read for anything else', () => {
    expect(() => cryptoOnFirstUse(`${imported}c.randomUUID(); c.createHash('sha256');\n`)).toThrow(/c.createHash/)
  })

  it('leaves a bundle that does not import crypto as it is', () => {
    expect(cryptoOnFirstUse('const a = 1;\n')).toBe('const a = 1;\n')
  })

  it('leaves no import of crypto in the action bundle, where @actions/core had one', () => {
    expect(readFileSync('dist/index.js', 'utf8')).not.toMatch(/createRequire\(import\.meta\.url\)\("crypto"\)/)
  })
})
