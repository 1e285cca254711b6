import { describe, expect, it } from '@jest/globals'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { maskLine, readAsRunner, runnerLines } from '../__fixtures__/runner-commands.js'
import { maskOnStderr } from '../src/cli/keep-fresh.js'
import { escapeCommandData, MASK_WRITE_MAX_BYTES, maskCommands } from '../src/cli/mask-commands.js'

/** What maskOnStderr writes, as a file receives it. */
function written(token: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mask-commands-'))
  const fd = openSync(join(dir, 'stderr'), 'w')
  try {
    maskOnStderr(token, fd)
    return readFileSync(join(dir, 'stderr'), 'utf8')
  } finally {
    closeSync(fd)
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A token of `length` printable characters, `%` every `every` characters. */
function tokenOf(length: number, every = 0): string {
  const chars = 'AbCdEfGh0123456789-_.~+/='
  return Array.from({ length }, (_, i) => (every && i % every === 0 ? '%' : chars[i % chars.length])).join('')
}

describe('escapeCommandData', () => {
  it('escapes % first, then line breaks, as the runner unescapes them', () => {
    expect(escapeCommandData('a%25b%0Ac\r\n%')).toBe('a%2525b%250Ac%0D%0A%25')
  })
})

describe('the masks the command line writes', () => {
  it.each([
    ['holds %25', 'tok%25en%25value'],
    ['holds %0A and %0D', 'tok%0Aen%0Dvalue'],
    ['ends in %', 'token-value%'],
    ['holds %%2525', 'token%%2525value'],
    ['has nothing to escape', 'plain-token-value']
  ])('read back as the token after the runner unescapes them, when it %s', (_, token) => {
    const view = readAsRunner(runnerLines(written(token)))

    expect(view.masks).toEqual([token])
    expect(view.printed.filter(line => line !== '')).toEqual([])
  })

  it('write a short token on one line, after a line break of its own', () => {
    expect(written('plain-token-value')).toBe('\n::add-mask::plain-token-value\n')
  })

  it.each([
    ['a 6,000-character token', tokenOf(6000)],
    ['a 6,000-character token full of %', tokenOf(6000, 2)],
    ['the longest token accepted, 8 KiB', tokenOf(8192, 7)]
  ])('register %s in pieces, each line short enough for one pipe write, that hide it wherever it shows', (_, token) => {
    const text = written(token)
    const lines = text.split('\n').filter(line => line !== '')
    const view = readAsRunner(runnerLines(text))

    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(Buffer.byteLength(`\n${line}\n`)).toBeLessThanOrEqual(MASK_WRITE_MAX_BYTES)
    expect(view.masks.join('')).toBe(token)
    expect(maskLine(`curl -H "SODA_TOKEN: ${token}" done`, view.masks)).toBe('curl -H "SODA_TOKEN: ***" done')
    // Pieces of about equal length: none so short that it would hide unrelated text.
    expect(Math.min(...view.masks.map(mask => mask.length))).toBeGreaterThan(100)
  })

  it('keep a token that fits one write whole, at the limit', () => {
    const fits = tokenOf(MASK_WRITE_MAX_BYTES - '\n::add-mask::\n'.length)

    expect(maskCommands(fits)).toEqual([`::add-mask::${fits}`])
    expect(maskCommands(`${fits}x`)).toHaveLength(2)
  })
})
