import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createTokenDir, removeTokenDir, removeTokenFiles, writeTokenFiles } from '../src/cli/token-file.js'

// The token files of exec --keep-fresh (src/cli/token-file.ts), on the real file system.

describe('the token files', () => {
  let temp: string
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'token-file-'))
  })
  afterEach(() => rmSync(temp, { recursive: true, force: true }))

  it('live in a fresh 0700 directory under RUNNER_TEMP, else the system’s temporary directory', () => {
    const files = createTokenDir({ RUNNER_TEMP: temp })
    const elsewhere = createTokenDir({ RUNNER_TEMP: '' })

    try {
      expect(dirname(files.dir)).toBe(temp)
      expect(files.dir).toMatch(/[/\\]token-mint-[^/\\]{6}$/)
      expect(statSync(files.dir).mode & 0o777).toBe(0o700)
      expect(readdirSync(files.dir)).toEqual([])
      expect(dirname(elsewhere.dir)).toBe(tmpdir())
    } finally {
      removeTokenDir(elsewhere)
    }
  })

  it('are replaced by new files, never rewritten in place, and leave nothing else behind', () => {
    const files = createTokenDir({ RUNNER_TEMP: temp })
    writeTokenFiles(files, 'first-token', 'SODA_TOKEN')
    const before = [statSync(files.token).ino, statSync(files.header).ino]

    writeTokenFiles(files, 'second-token', 'SODA_TOKEN')

    expect(statSync(files.token).ino).not.toBe(before[0])
    expect(statSync(files.header).ino).not.toBe(before[1])
    expect(readFileSync(files.token, 'utf8')).toBe('second-token\n')
    expect(readFileSync(files.header, 'utf8')).toBe('SODA_TOKEN: second-token\n')
    expect(statSync(files.token).mode & 0o777).toBe(0o600)
    expect(readdirSync(files.dir).sort()).toEqual(['header', 'token'])
  })

  it('try a rename again while another process holds the file, as Windows refuses it then', () => {
    const files = createTokenDir({ RUNNER_TEMP: temp })
    let refusals = 2
    const busyRename = (from: string, to: string) => {
      if (refusals-- > 0) throw Object.assign(new Error('busy'), { code: 'EPERM' })
      renameSync(from, to)
    }

    writeTokenFiles(files, 'first-token', 'Authorization', busyRename)

    expect(readFileSync(files.token, 'utf8')).toBe('first-token\n')
    expect(readFileSync(files.header, 'utf8')).toBe('Authorization: first-token\n')
    expect(refusals).toBeLessThan(0)
  })

  it.each(['EBUSY', 'EACCES'])('try again on %s too', code => {
    const files = createTokenDir({ RUNNER_TEMP: temp })
    let refusals = 1
    const busyRename = (from: string, to: string) => {
      if (refusals-- > 0) throw Object.assign(new Error('busy'), { code })
      renameSync(from, to)
    }

    writeTokenFiles(files, 'first-token', 'SODA_TOKEN', busyRename)

    expect(readFileSync(files.token, 'utf8')).toBe('first-token\n')
  })

  it('give up after twenty refusals, or at once on any other error, and leave no new file behind', () => {
    const files = createTokenDir({ RUNNER_TEMP: temp })
    let calls = 0
    const alwaysBusy = () => {
      calls++
      throw Object.assign(new Error('busy'), { code: 'EBUSY' })
    }
    const broken = () => {
      calls++
      throw Object.assign(new Error('broken'), { code: 'EIO' })
    }

    expect(() => writeTokenFiles(files, 'first-token', 'SODA_TOKEN', alwaysBusy)).toThrow('busy')
    expect(calls).toBe(20)
    calls = 0
    expect(() => writeTokenFiles(files, 'first-token', 'SODA_TOKEN', broken)).toThrow('broken')
    expect(calls).toBe(1)
    expect(readdirSync(files.dir)).toEqual([])
  })

  it('are removed at expiry, leaving the directory, and with it when the command ends', () => {
    const files = createTokenDir({ RUNNER_TEMP: temp })
    writeTokenFiles(files, 'first-token', 'SODA_TOKEN')

    removeTokenFiles(files)
    expect(readdirSync(files.dir)).toEqual([])
    removeTokenFiles(files)
    removeTokenDir(files)
    removeTokenDir(files)

    expect(existsSync(files.dir)).toBe(false)
  })
})
