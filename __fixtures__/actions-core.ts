import type * as core from '@actions/core'
import { existsSync } from 'node:fs'
import type * as files from '../src/action/runner-files.js'
import { checkWritable } from '../src/action/runner-files.js'

/** One call the code under test made to @actions/core, in the order made. */
export type CoreCall =
  | { readonly fn: 'setSecret' | 'addPath'; readonly value: string }
  | { readonly fn: 'setOutput' | 'exportVariable'; readonly name: string; readonly value: string }
  | { readonly fn: 'debug' | 'info' | 'warning' | 'setFailed'; readonly message: string }
  | {
      readonly fn: 'summary'
      readonly heading: string
      readonly level: number | string | undefined
      readonly table: readonly (readonly unknown[])[]
      readonly raw: string[]
    }

type CoreModule = Pick<
  typeof core,
  | 'getInput'
  | 'setSecret'
  | 'setOutput'
  | 'exportVariable'
  | 'addPath'
  | 'debug'
  | 'info'
  | 'warning'
  | 'setFailed'
  | 'summary'
>

export interface FakeCore {
  /** What `jest.unstable_mockModule('@actions/core', () => fake.module)` hands to the code under test. */
  readonly module: CoreModule
  /**
   * The runner's files (src/action/runner-files.ts), recorded in the same list: `jest.unstable_mockModule(
   * '../src/action/runner-files.js', () => fake.files)`. Whether a file exists or can be written is checked for real.
   */
  readonly files: typeof files
  readonly calls: CoreCall[]
  /** The step's inputs, by name, as getInput reads them (trimmed, '' when absent). */
  inputs: Record<string, string>
  /** The names getInput was asked for, in order. */
  readonly inputsRead: string[]
  /** Makes the next summary write fail, as on a runner whose summary file cannot be written. */
  failSummary: boolean
  /** Forgets the calls and inputs of the previous test. */
  reset(): void
}

/**
 * A typed stand-in for the parts of @actions/core the action uses, recording every call in one ordered list, so a
 * unit test can check what was masked before what was printed. Only for tests that must see those calls: process
 * tests run the real module.
 */
export function fakeCore(): FakeCore {
  const calls: CoreCall[] = []
  const inputsRead: string[] = []
  let pending = {
    heading: '',
    level: undefined as number | string | undefined,
    table: [] as unknown[][],
    raw: [] as string[]
  }
  const fake: FakeCore = {
    files: {
      setOutput: (name, value) => void calls.push({ fn: 'setOutput', name, value }),
      addPath: value => void calls.push({ fn: 'addPath', value }),
      appendSummary: lines => {
        if (fake.failSummary) throw new Error('EACCES: permission denied, open summary')
        calls.push({ fn: 'summary', ...readSummary(lines) })
      },
      hasRunnerFile: (file, env = process.env) => Boolean(env[file]) && existsSync(env[file] as string),
      checkWritable
    },
    calls,
    inputs: {},
    inputsRead,
    failSummary: false,
    reset() {
      calls.length = 0
      inputsRead.length = 0
      fake.inputs = {}
      fake.failSummary = false
    },
    module: {
      getInput: (name: string) => {
        inputsRead.push(name)
        return (fake.inputs[name] ?? '').trim()
      },
      setSecret: (value: string) => void calls.push({ fn: 'setSecret', value }),
      addPath: (value: string) => void calls.push({ fn: 'addPath', value }),
      setOutput: (name: string, value: unknown) => void calls.push({ fn: 'setOutput', name, value: String(value) }),
      exportVariable: (name: string, value: unknown) =>
        void calls.push({ fn: 'exportVariable', name, value: String(value) }),
      debug: (message: string) => void calls.push({ fn: 'debug', message }),
      info: (message: string) => void calls.push({ fn: 'info', message }),
      warning: (message: string | Error) => void calls.push({ fn: 'warning', message: String(message) }),
      setFailed: (message: string | Error) => void calls.push({ fn: 'setFailed', message: String(message) }),
      summary: {
        addHeading(heading: string, level?: number | string) {
          pending = { ...pending, heading, level }
          return this
        },
        addTable(table: unknown[][]) {
          pending = { ...pending, table }
          return this
        },
        addRaw(text: string, addEOL = false) {
          // As the real summary does: the line ending only when asked for.
          pending = { ...pending, raw: [...pending.raw, addEOL ? `${text}\n` : text] }
          return this
        },
        write() {
          const written = pending
          pending = { heading: '', level: undefined, table: [], raw: [] }
          if (fake.failSummary) return Promise.reject(new Error('EACCES: permission denied, open summary'))
          calls.push({ fn: 'summary', ...written })
          return Promise.resolve(this)
        }
      } as unknown as typeof core.summary
    }
  }
  return fake
}

/** The summary lines the action writes (a heading, a table, paragraphs) read back into their parts; strict. */
function readSummary(lines: readonly string[]) {
  const [heading = '', table = '', ...raw] = lines
  const title = /^<h(\d)>(.*)<\/h\1>$/.exec(heading)
  // Cell text is escaped, so it holds no `<`: anything between cells breaks the match.
  const rows = /^<table><tr>((?:<th>[^<]*<\/th>)*)<\/tr><tr>((?:<td>[^<]*<\/td>)*)<\/tr><\/table>$/.exec(table)
  if (!title || !rows) throw new Error(`not a summary the action writes: ${JSON.stringify(lines)}`)
  const cells = (row: string | undefined, tag: string) =>
    [...(row ?? '').matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map(match => match[1] as string)
  return {
    heading: title[2] as string,
    level: Number(title[1]),
    table: [cells(rows[1], 'th').map(data => ({ data, header: true })), cells(rows[2], 'td')],
    // As @actions/core's addRaw(text, true) recorded them: each paragraph with its line ending.
    raw: raw.map(line => `${line}\n`)
  }
}
