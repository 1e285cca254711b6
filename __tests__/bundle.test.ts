import { describe, expect, it } from '@jest/globals'
import { Linter, type Rule } from 'eslint'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// @ts-expect-error: a plain .mjs script, typed by use
const { compiledAtOnce } = (await import('../scripts/bundle.mjs')) as { compiledAtOnce: (code: string) => string }

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

// package.json's "overrides" puts tools/undici-unused in place of undici (see its index.js). npm cannot scope a
// file: override to one dependent and still accept the lockfile in `npm ci`, so these tests make the global
// override safe: only @actions/http-client may want undici, and only for names the stand-in exports.
describe('the undici stand-in', () => {
  const lock = JSON.parse(read('package-lock.json')) as {
    packages: Record<string, { dependencies?: object; peerDependencies?: object; optionalDependencies?: object }>
  }

  it('stands in only for @actions/http-client, so no other package silently gets the stub', () => {
    const dependents = Object.entries(lock.packages)
      .filter(([, pkg]) =>
        [pkg.dependencies, pkg.peerDependencies, pkg.optionalDependencies].some(deps => deps && 'undici' in deps)
      )
      .map(([path]) => path)

    expect(dependents).toEqual(['node_modules/@actions/http-client'])
  })

  it('exports every name an @actions module imports from undici', async () => {
    const stub: Record<string, unknown> = await import('../tools/undici-unused/index.js')
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap(name => {
        const path = join(dir, name)
        return statSync(path).isDirectory() ? files(path) : /\.(c|m)?js$/.test(name) ? [path] : []
      })
    const imported = files(join(root, 'node_modules/@actions')).flatMap(file =>
      [...readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]undici['"]/g)].flatMap(match =>
        (match[1] as string).split(',').map(name => name.trim().split(/\s+as\s+/)[0] as string)
      )
    )

    expect(imported.length).toBeGreaterThan(0)
    for (const name of imported.filter(Boolean)) expect(Object.keys(stub)).toContain(name)
  })

  it('throws its own message if anything ever calls it', async () => {
    const { ProxyAgent } = await import('../tools/undici-unused/index.js')

    expect(() => new ProxyAgent()).toThrow('undici is not bundled with token-mint-action')
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
