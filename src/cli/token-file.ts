import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, mkdtempSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// The files `exec --keep-fresh` keeps the current token in. They live in a directory of their own that only this
// user can list (mkdtemp makes it 0700), under RUNNER_TEMP when the runner sets it, since the runner empties it
// after the job even if this process is killed before it can clean up.

/** Where the command finds the current token: the bare token, and the header line that carries it. */
export interface TokenFiles {
  readonly dir: string
  readonly token: string
  readonly header: string
}

/** Makes a fresh 0700 directory for the token files; nothing is written in it yet. */
export function createTokenDir(env: Readonly<Record<string, string | undefined>>): TokenFiles {
  const parent = env.RUNNER_TEMP || tmpdir()
  const dir = mkdtempSync(join(parent, 'token-mint-'))
  return { dir, token: join(dir, 'token'), header: join(dir, 'header') }
}

/** The header that carries the token: its name, and the scheme written before the token when there is one. */
export interface TokenHeader {
  readonly name: string
  readonly scheme?: string
}

/**
 * Puts the token in both files, each replaced atomically: a reader sees the old content or the new, never an empty
 * or partial file. The header line is `<name>: [<scheme> ]<token>`, as `curl -H @file` reads it.
 */
export function writeTokenFiles(
  files: TokenFiles,
  token: string,
  header: string | TokenHeader,
  rename: Rename = renameSync
): void {
  const { name, scheme } = typeof header === 'string' ? { name: header, scheme: undefined } : header
  replaceFile(files.token, `${token}\n`, rename)
  replaceFile(files.header, `${name}: ${scheme ? `${scheme} ` : ''}${token}\n`, rename)
}

type Rename = (from: string, to: string) => void

/** Removes both files, so that a reader fails with "no such file" rather than with an expired token. */
export function removeTokenFiles(files: TokenFiles): void {
  rmSync(files.token, { force: true })
  rmSync(files.header, { force: true })
}

/** Removes the directory and whatever is in it; never throws, since it runs on the way out. */
export function removeTokenDir(files: TokenFiles): void {
  try {
    rmSync(files.dir, { recursive: true, force: true })
  } catch {
    // Nothing to report to: the command has ended. RUNNER_TEMP is emptied after the job anyway.
  }
}

/**
 * Writes a new file beside `path` (0600, created here, so nobody else can have opened it), flushes it to disk, then
 * renames it over `path`. On Windows a rename fails while another process has the target open without delete
 * sharing: it is tried again for a moment rather than left half done.
 */
function replaceFile(path: string, content: string, rename: Rename): void {
  const next = `${path}.${randomBytes(6).toString('hex')}.new`
  const fd = openSync(next, 'wx', 0o600)
  try {
    writeSync(fd, content)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    renameRetrying(next, path, rename)
  } catch (error) {
    rmSync(next, { force: true })
    throw error
  }
}

const RENAME_TRIES = 20
const BUSY = new Set(['EPERM', 'EACCES', 'EBUSY'])

function renameRetrying(from: string, to: string, rename: Rename): void {
  for (let tries = 1; ; tries++) {
    try {
      return rename(from, to)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (!BUSY.has(code) || tries >= RENAME_TRIES) throw error
      // A few milliseconds for the reader to close the file; this runs between refreshes, never in a hot path.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25)
    }
  }
}
