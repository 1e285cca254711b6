import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { providers } from '../src/providers/index.js'
import { DEFAULTS } from '../src/settings/defaults.js'

const src = fileURLToPath(new URL('../src', import.meta.url))

/**
 * Every source file, and the project files each imports (type-only imports included: they couple too). `planted`
 * adds a file cli/planted.ts with that text, to show that the reading sees an import.
 */
function importGraph(planted?: string[]): Map<string, string[]> {
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.ts'))
  const texts = files.map(file => [file, readFileSync(join(src, file), 'utf8')] as const)
  if (planted) texts.push(['cli/planted.ts', planted.join('\n')])
  return new Map(
    texts.map(([file, text]) => {
      const targets = [...text.matchAll(/^(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)\.js'/gm)].map(match =>
        relative(src, resolve(dirname(join(src, file)), `${match[1] as string}.ts`))
      )
      return [file, targets]
    })
  )
}

/**
 * Which part of the house a file belongs to: the action's door (src/action/), the command line's door (src/cli/), or
 * the core both share (everything else but the action bundle's entry, src/index.ts).
 */
function doorOf(file: string): 'action' | 'cli' | 'core' | 'entry' {
  if (file === 'index.ts') return 'entry'
  if (file.startsWith('action/')) return 'action'
  if (file.startsWith('cli/')) return 'cli'
  return 'core'
}

/** The imports from one part into another, as `from -> to`. */
function crossings(graph: Map<string, string[]>, from: string, to: string): string[] {
  return [...graph].flatMap(([file, targets]) =>
    doorOf(file) === from ? targets.filter(target => doorOf(target) === to).map(target => `${file} -> ${target}`) : []
  )
}

/** The import cycles of a graph, each as the path that closes it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = []
  const visit = (file: string, path: string[]) => {
    if (path.includes(file)) return void found.push([...path.slice(path.indexOf(file)), file])
    for (const next of graph.get(file) ?? []) visit(next, [...path, file])
  }
  for (const file of graph.keys()) visit(file, [])
  return found
}

/** The words that name a provider: its name and title (in any case, as a word) and the hosts of its API. */
function providerMentions(text: string): string[] {
  const words = Object.values(providers).flatMap(provider => [
    provider.name,
    provider.title,
    ...Object.values(provider.regions).map(root => new URL(root).hostname)
  ])
  const escaped = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  // Letters only around the word: SODA_TOKEN and soda-report name a provider, "sodium" does not.
  return words.filter(word => new RegExp(`(?<![a-z])${escaped(word)}(?![a-z])`, 'i').test(text))
}

describe('the source layout', () => {
  const graph = importGraph()

  it('reads every import of every file', () => {
    expect(graph.get('action/main.ts')).toEqual(
      expect.arrayContaining(['mint.ts', 'action/publish.ts', 'settings/settings.ts'])
    )
  })

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([])
  })

  it('would find one', () => {
    const planted = new Map(graph)
    planted.set('token.ts', [...(graph.get('token.ts') ?? []), 'mint.ts'])

    expect(cycles(planted).length).toBeGreaterThan(0)
  })

  it("keeps @actions/core in the action's door, so the CLI shares the core", () => {
    const withCore = [...graph.keys()].filter(file =>
      readFileSync(join(src, file), 'utf8').includes("from '@actions/core'")
    )

    expect(withCore.length).toBeGreaterThan(0)
    expect(withCore.filter(file => doorOf(file) !== 'action')).toEqual([])
  })

  it('keeps the two doors apart: neither imports the other, type imports included', () => {
    expect(crossings(graph, 'action', 'cli')).toEqual([])
    expect(crossings(graph, 'cli', 'action')).toEqual([])
  })

  it('keeps the core below both doors: it imports neither', () => {
    expect(crossings(graph, 'core', 'action')).toEqual([])
    expect(crossings(graph, 'core', 'cli')).toEqual([])
  })

  it('enters the action through its door: src/index.ts imports src/action/ and the core only', () => {
    expect(graph.get('index.ts')).toContain('action/main.ts')
    expect((graph.get('index.ts') ?? []).filter(target => doorOf(target) === 'cli')).toEqual([])
  })

  it('would see a door crossing, a type import included', () => {
    const planted = new Map(graph)
    planted.set('cli/run.ts', [...(graph.get('cli/run.ts') ?? []), 'action/publish.ts'])
    planted.set('mint.ts', [...(graph.get('mint.ts') ?? []), 'cli/exec.ts'])

    expect(crossings(planted, 'cli', 'action')).toEqual(['cli/run.ts -> action/publish.ts'])
    expect(crossings(planted, 'core', 'cli')).toEqual(['mint.ts -> cli/exec.ts'])
    expect(importGraph(["import type { Settings } from '../action/main.js'"]).get('cli/planted.ts')).toEqual([
      'action/main.ts'
    ])
  })

  it('names a provider only in src/providers/: the CLI, settings and messages read the registry', () => {
    const naming = [...graph.keys()]
      .filter(file => !file.startsWith('providers/'))
      .map(file => ({ file, mentions: providerMentions(readFileSync(join(src, file), 'utf8')) }))
      .filter(({ mentions }) => mentions.length > 0)

    expect(naming).toEqual([])
  })

  it('would see a provider named in a comment, a variable or a host', () => {
    expect(providerMentions('// as Soda Cloud does')).toEqual(expect.arrayContaining(['soda', 'Soda Cloud']))
    expect(providerMentions("env: 'SIRDATA_LOGIN'")).toContain('sirdata')
    expect(providerMentions("'https://reporting.cloud.us.soda.io/v1'")).toContain('reporting.cloud.us.soda.io')
    expect(providerMentions('sodium, absolutely')).toEqual([])
  })

  it('keeps providers to themselves: a provider imports no settings, core or other provider', () => {
    // outside-text.ts is a leaf: the one check of outside text, which answers share with every printer.
    for (const [file, imports] of graph) {
      if (!file.startsWith('providers/') || file === 'providers/index.ts') continue
      for (const target of imports)
        expect(['errors.ts', 'outside-text.ts', 'providers/answer.ts', 'providers/provider.ts']).toContain(target)
    }
  })
})

describe('defaults', () => {
  const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }

  it('are the ones action.yml declares', () => {
    expect({
      'export-env': action.inputs['export-env']?.default,
      timeout: action.inputs.timeout?.default,
      'max-attempts': action.inputs['max-attempts']?.default,
      'min-validity': action.inputs['min-validity']?.default,
      'cli-on-path': action.inputs['cli-on-path']?.default
    }).toEqual({
      'export-env': String(DEFAULTS.exportEnv),
      timeout: String(DEFAULTS.timeoutSeconds),
      'max-attempts': String(DEFAULTS.maxAttempts),
      'min-validity': String(DEFAULTS.minValiditySeconds),
      'cli-on-path': String(DEFAULTS.cliOnPath)
    })
  })

  it('are the ones the CLI usage text quotes', async () => {
    const USAGE = (await import('../src/cli/usage.js')).usageText()

    expect(USAGE).toContain(`(default ${DEFAULTS.timeoutSeconds})`)
    expect(USAGE).toContain(`(default ${DEFAULTS.maxAttempts})`)
    expect(USAGE).toContain(`(default ${DEFAULTS.minValiditySeconds})`)
  })
})
