import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  createTokenDir,
  removeTokenDir,
  removeTokenFiles,
  stillHeld,
  TokenDirError,
  writeTokenFiles
} from '../src/cli/token-file.js'

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

  const posix = process.platform === 'win32' ? it.skip : it

  posix.each([0o777, 0o775, 0o757])('refuse a parent that others can write into (%o) without the sticky bit', mode => {
    chmodSync(temp, mode)

    expect(() => createTokenDir({ RUNNER_TEMP: temp }, false)).toThrow(
      new TokenDirError(
        '--keep-fresh will not keep a token in RUNNER_TEMP: other users can write into it and it has no sticky ' +
          'bit, so one of them could swap the token directory for their own. Remove their write access (chmod ' +
          'go-w) or set the sticky bit (chmod +t), or point RUNNER_TEMP elsewhere.'
      )
    )
    expect(readdirSync(temp)).toEqual([])
  })

  posix('take a shared parent with the sticky bit, a parent only this user can write into, and any on Windows', () => {
    const sticky = mkdtempSync(join(temp, 'sticky-'))
    chmodSync(sticky, 0o1777)
    const shared = mkdtempSync(join(temp, 'shared-'))
    chmodSync(shared, 0o777)
    chmodSync(temp, 0o755)

    for (const [parent, windows] of [
      [sticky, false],
      [temp, false],
      [shared, true]
    ] as const) {
      const files = createTokenDir({ RUNNER_TEMP: parent }, windows)
      expect(stillHeld(files)).toBe(true)
      expect(removeTokenDir(files)).toBe(true)
    }
  })

  it('notice a directory put in place of theirs, writing nothing into it and removing nothing of it', () => {
    const files = createTokenDir({ RUNNER_TEMP: temp })
    writeTokenFiles(files, 'first-token', 'SODA_TOKEN')
    const moved = join(temp, 'moved')
    renameSync(files.dir, moved)
    mkdirSync(files.dir, { mode: 0o700 })
    writeFileSync(files.token, 'planted\n')

    expect(stillHeld(files)).toBe(false)
    expect(() => writeTokenFiles(files, 'second-token', 'SODA_TOKEN')).toThrow(
      new TokenDirError(
        'the token directory is no longer the one token-mint made: someone moved or replaced it (can other users ' +
          'write into RUNNER_TEMP or a directory above it?).'
      )
    )
    removeTokenFiles(files)
    expect(removeTokenDir(files)).toBe(false)

    expect(readdirSync(files.dir)).toEqual(['token'])
    expect(readFileSync(files.token, 'utf8')).toBe('planted\n')
    expect(readFileSync(join(moved, 'token'), 'utf8')).toBe('first-token\n')
  })

  posix('notice a link to their directory, or their directory with another mode, in its place', () => {
    const files = createTokenDir({ RUNNER_TEMP: temp })
    const moved = join(temp, 'moved')
    renameSync(files.dir, moved)
    symlinkSync(moved, files.dir)

    expect(stillHeld(files)).toBe(false)
    rmSync(files.dir)
    renameSync(moved, files.dir)
    expect(stillHeld(files)).toBe(true)
    chmodSync(files.dir, 0o755)
    expect(stillHeld(files)).toBe(false)
    expect(() => writeTokenFiles(files, 'first-token', 'SODA_TOKEN')).toThrow(TokenDirError)
    expect(readdirSync(files.dir)).toEqual([])
  })

  it('notice a directory swapped while a file was being written, and take the new file back', () => {
    const files = createTokenDir({ RUNNER_TEMP: temp })
    const swapThenRename = (from: string, to: string) => {
      renameSync(files.dir, join(temp, 'moved'))
      mkdirSync(files.dir, { mode: 0o700 })
      renameSync(from.replace(files.dir, join(temp, 'moved')), to.replace(files.dir, join(temp, 'moved')))
    }

    expect(() => writeTokenFiles(files, 'first-token', 'SODA_TOKEN', swapThenRename)).toThrow(TokenDirError)
    expect(readdirSync(files.dir)).toEqual([])
  })
})
