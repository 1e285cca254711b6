import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { EOL, tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { seeded } from '../__fixtures__/property.js'
import { parseFileCommands } from '../__fixtures__/run-action.js'
import { addPath, appendSummary, checkWritable, hasRunnerFile, setOutput } from '../src/action/runner-files.js'

// The runner's files, written for real in a temporary folder and read back as the runner reads them.
let dir: string
let env: Record<string, string | undefined>
const read = (name: string) => readFileSync(join(dir, name), 'utf8')
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'runner-files-'))
  env = {}
  for (const [variable, name] of [
    ['GITHUB_OUTPUT', 'output'],
    ['GITHUB_ENV', 'env'],
    ['GITHUB_PATH', 'path'],
    ['GITHUB_STEP_SUMMARY', 'summary']
  ] as const) {
    writeFileSync(join(dir, name), '')
    env[variable] = join(dir, name)
  }
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('outputs and variables', () => {
  it('appends `name=value` lines, which the runner reads back as written', () => {
    setOutput('token', 'abc.def=', env)
    setOutput('expires-in', '1800', env)

    expect(read('output')).toBe(`token=abc.def=${EOL}expires-in=1800${EOL}`)
    expect(parseFileCommands(read('output'))).toEqual({ token: 'abc.def=', 'expires-in': '1800' })
  })

  it('keeps any one-line value intact, `=` and `<<` included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), value => {
        // eslint-disable-next-line no-control-regex -- the characters files.ts refuses
        fc.pre(!/[\0-\x1f\x7f\x85\u2028\u2029]/.test(value))
        writeFileSync(join(dir, 'output'), '')
        setOutput('value', value, env)
        expect(parseFileCommands(read('output'))).toEqual({ value })
      }),
      seeded(200)
    )
  })

  it.each(['a\nb', 'a\rb', 'a\r\nb', '\n', 'a\0b', 'a\tb', 'a\x1fb', 'a\x7fb', 'a\x85b', 'a\u2028b', 'a\u2029b'])(
    'refuses a value with a line break or a control character (%j), and writes nothing',
    value => {
      expect(() => setOutput('token', value, env)).toThrow(
        'The value of token holds a line break or a control character: nothing was written.'
      )
      expect(read('output')).toBe('')
    }
  )

  it('takes a value with every other printable character, Unicode included', () => {
    setOutput('user', 'analyst+dq@example.com ~é€😀', env)

    expect(parseFileCommands(read('output'))).toEqual({ user: 'analyst+dq@example.com ~é€😀' })
  })

  it.each(['', '1TOKEN', 'A=B', 'A<<B', 'A B', 'A\nB'])('refuses the name %j, and writes nothing', name => {
    expect(() => setOutput(name, 'x', env)).toThrow(`"${name}" cannot be the name of an output or a variable.`)
    expect(read('output')).toBe('')
  })

  it('takes names as GitHub allows them: letters, digits, `_` and `-`, not first a digit', () => {
    for (const name of ['token', 'sealed-token', '_X', 'A_1-b']) setOutput(name, 'v', env)

    expect(Object.keys(parseFileCommands(read('output')))).toEqual(['token', 'sealed-token', '_X', 'A_1-b'])
  })
})

describe('PATH and the summary', () => {
  it('adds a directory to PATH as one line', () => {
    addPath('/runner/temp/token-mint-x', env)

    expect(read('path')).toBe(`/runner/temp/token-mint-x${EOL}`)
  })

  it('refuses a directory with a line break', () => {
    expect(() => addPath('/a\n/b', env)).toThrow(
      'The value of a PATH directory holds a line break or a control character: nothing was written.'
    )
    expect(read('path')).toBe('')
  })

  it('appends the summary lines, each ended, after what is there', () => {
    writeFileSync(join(dir, 'summary'), `earlier${EOL}`)

    appendSummary(['<h3>t</h3>', '<p>x</p>'], env)

    expect(read('summary')).toBe(`earlier${EOL}<h3>t</h3>${EOL}<p>x</p>${EOL}`)
  })
})

describe('a runner file that is not there', () => {
  it.each([
    ['not set', undefined],
    ['empty', ''],
    ['a file that does not exist', 'gone']
  ])('is refused when its variable is %s, and nothing is created', (_case, value) => {
    const path = value === 'gone' ? join(dir, 'gone') : value
    const without = { ...env, GITHUB_OUTPUT: path, GITHUB_STEP_SUMMARY: path }

    expect(hasRunnerFile('GITHUB_OUTPUT', without)).toBe(false)
    expect(() => setOutput('token', 'x', without)).toThrow(
      "The runner's GITHUB_OUTPUT file is missing: nothing was written to it."
    )
    expect(() => appendSummary(['<p>x</p>'], without)).toThrow(
      "The runner's GITHUB_STEP_SUMMARY file is missing: nothing was written to it."
    )
    expect(existsSync(join(dir, 'gone'))).toBe(false)
  })

  it('is found when it exists', () => {
    expect(hasRunnerFile('GITHUB_ENV', env)).toBe(true)
  })

  it('reads process.env by default', () => {
    const saved = process.env.GITHUB_OUTPUT
    process.env.GITHUB_OUTPUT = env.GITHUB_OUTPUT
    try {
      setOutput('token', 'x')
      expect(hasRunnerFile('GITHUB_OUTPUT')).toBe(true)
    } finally {
      if (saved === undefined) delete process.env.GITHUB_OUTPUT
      else process.env.GITHUB_OUTPUT = saved
    }
    expect(read('output')).toBe(`token=x${EOL}`)
  })
})

describe('checkWritable', () => {
  it('passes a runner file the step can append to, and leaves it as it was', () => {
    writeFileSync(join(dir, 'env'), `EARLIER=1${EOL}`)

    checkWritable('GITHUB_ENV', env)

    expect(read('env')).toBe(`EARLIER=1${EOL}`)
  })

  it('fails on a directory given as the file, which root cannot write either', () => {
    mkdirSync(join(dir, 'a-directory'))

    expect(() => checkWritable('GITHUB_ENV', { ...env, GITHUB_ENV: join(dir, 'a-directory') })).toThrow(
      "The runner's GITHUB_ENV file cannot be written (EISDIR), so nothing was published."
    )
  })

  it('fails at once on a FIFO that nothing reads, rather than wait for a reader', () => {
    execFileSync('mkfifo', [join(dir, 'fifo')])

    expect(() => checkWritable('GITHUB_OUTPUT', { ...env, GITHUB_OUTPUT: join(dir, 'fifo') })).toThrow(
      "The runner's GITHUB_OUTPUT file cannot be written (ENXIO), so nothing was published."
    )
  })

  it.each([
    ['not set', undefined],
    ['empty', ''],
    ['a file that does not exist', 'gone']
  ])('fails when its variable is %s, and creates nothing', (_case, value) => {
    const path = value === 'gone' ? join(dir, 'gone') : value

    expect(() => checkWritable('GITHUB_OUTPUT', { ...env, GITHUB_OUTPUT: path })).toThrow(
      "The runner's GITHUB_OUTPUT file is missing, so nothing was published."
    )
    expect(existsSync(join(dir, 'gone'))).toBe(false)
  })

  it('reads process.env by default', () => {
    const saved = process.env.GITHUB_ENV
    process.env.GITHUB_ENV = join(dir, 'gone')
    try {
      expect(() => checkWritable('GITHUB_ENV')).toThrow("The runner's GITHUB_ENV file is missing")
    } finally {
      if (saved === undefined) delete process.env.GITHUB_ENV
      else process.env.GITHUB_ENV = saved
    }
  })
})
