import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { INPUT_NAMES } from '../src/settings/settings.js'

// How GitHub's emulator is wired, as the typescript-action template does it; local-action.process.test.ts runs it.
const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')
const pkg = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>
  devDependencies: Record<string, string>
  overrides?: Record<string, string>
}

describe('npm run local-action', () => {
  it('runs the installed emulator (never fetched) on the action’s run() with .env', () => {
    expect(pkg.scripts['local-action']).toBe('local-action . src/action/main.ts .env')
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['@github/local-action', 'tsx']))
    expect(read('src/action/main.ts')).toMatch(/^export async function run\(/m)
  })

  it('keeps the real undici, which the emulator’s dependencies use', () => {
    expect(pkg.overrides ?? {}).not.toHaveProperty('undici')
  })

  it('has a .env.example of INPUT_ lines only, each an input the action declares, spelt as the emulator reads it', () => {
    const lines = read('.env.example')
      .split('\n')
      .filter(line => line !== '' && !line.startsWith('#'))

    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) {
      const name = /^INPUT_([a-z-]+)=/.exec(line)?.[1]
      expect({ line, input: INPUT_NAMES.includes(name as never) }).toEqual({ line, input: true })
    }
    expect(read('.gitignore').split('\n')).toContain('.env')
  })
})
