import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type BigIntStats
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// The files `exec --keep-fresh` keeps the current token in. They live in a directory of their own that only this
// user can list (mkdtemp makes it 0700), under RUNNER_TEMP when the runner sets it, since the runner empties it
// after the job even if this process is killed before it can clean up.
//
// The command finds the files by path, and this process writes them by path at every refresh. Where another user
// can rename entries of a directory on that path, they could move this directory aside and plant their own under
// its name: the command would read their token and header, and removing "the directory" at the end would remove
// theirs and leave this one, with a live token. So the parent is refused when others can write into it without the
// sticky bit, and the directory is held by identity: before and after every write, and before removal, the entry
// at the path must still be the directory made here (same device and inode, owner and mode).

/** Where the command finds the current token: the bare token, and the header line that carries it. */
export interface TokenFiles {
  readonly dir: string
  readonly token: string
  readonly header: string
  /** The directory as it was made: what the path must still lead to. */
  readonly made: DirIdentity
  /** The variable that chose the parent directory, for messages. */
  readonly parentVariable: string
}

interface DirIdentity {
  readonly dev: bigint
  readonly ino: bigint
  readonly uid: bigint
  readonly mode: bigint
}

/** The token directory cannot be made safely, or is no longer the one made here. Its message is one sentence. */
export class TokenDirError extends Error {}

const STICKY = 0o1000
const WRITABLE_BY_OTHERS = 0o022

/**
 * Makes a fresh 0700 directory for the token files; nothing is written in it yet. Refuses a parent that other
 * users can write into without the sticky bit (on Windows, where mode bits say nothing, its own permissions apply).
 */
export function createTokenDir(
  env: Readonly<Record<string, string | undefined>>,
  windows = process.platform === 'win32'
): TokenFiles {
  const parentVariable = env.RUNNER_TEMP ? 'RUNNER_TEMP' : 'the temporary directory (TMPDIR)'
  const parent = env.RUNNER_TEMP || tmpdir()
  if (!windows) refuseSharedParent(parent, parentVariable)
  const dir = mkdtempSync(join(parent, 'token-mint-'))
  const made = identityOf(lstatSync(dir, { bigint: true }))
  return { dir, token: join(dir, 'token'), header: join(dir, 'header'), made, parentVariable }
}

function refuseSharedParent(parent: string, variable: string): void {
  const mode = statSync(parent).mode
  if ((mode & WRITABLE_BY_OTHERS) !== 0 && (mode & STICKY) === 0) {
    throw new TokenDirError(
      `--keep-fresh will not keep a token in ${variable}: other users can write into it and it has no sticky bit, ` +
        `so one of them could swap the token directory for their own. Remove their write access (chmod go-w) or ` +
        `set the sticky bit (chmod +t), or point ${variable === 'RUNNER_TEMP' ? variable : 'TMPDIR'} elsewhere.`
    )
  }
}

function identityOf(stats: BigIntStats): DirIdentity {
  return { dev: stats.dev, ino: stats.ino, uid: stats.uid, mode: stats.mode }
}

/** Whether the path still leads to the directory made here, and not to a directory, link or file put in its place. */
export function stillHeld(files: TokenFiles): boolean {
  let now: BigIntStats
  try {
    now = lstatSync(files.dir, { bigint: true })
  } catch {
    return false
  }
  const made = files.made
  return (
    now.isDirectory() && now.dev === made.dev && now.ino === made.ino && now.uid === made.uid && now.mode === made.mode
  )
}

function assertHeld(files: TokenFiles): void {
  if (!stillHeld(files)) throw replaced(files)
}

function replaced(files: TokenFiles): TokenDirError {
  return new TokenDirError(
    `the token directory is no longer the one token-mint made: someone moved or replaced it (can other users ` +
      `write into ${files.parentVariable} or a directory above it?).`
  )
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
  replaceFile(files, files.token, `${token}\n`, rename)
  replaceFile(files, files.header, `${name}: ${scheme ? `${scheme} ` : ''}${token}\n`, rename)
}

type Rename = (from: string, to: string) => void

/**
 * Removes both files, so that a reader fails with "no such file" rather than with an expired token. Files in a
 * directory that replaced this one are not ours to remove.
 */
export function removeTokenFiles(files: TokenFiles): void {
  if (!stillHeld(files)) return
  rmSync(files.token, { force: true })
  rmSync(files.header, { force: true })
}

/**
 * Removes the directory and whatever is in it, when the path still leads to it: returns false, and removes
 * nothing, when someone moved or replaced it. Never throws, since it runs on the way out.
 */
export function removeTokenDir(files: TokenFiles): boolean {
  if (!stillHeld(files)) return false
  try {
    rmSync(files.dir, { recursive: true, force: true })
  } catch {
    // Nothing to report to: the command has ended. RUNNER_TEMP is emptied after the job anyway.
  }
  return true
}

/**
 * Writes a new file beside `path` (0600, created here, so nobody else can have opened it), flushes it to disk, then
 * renames it over `path`, checking before and after that the directory is still the one made here and that `path`
 * is now the file written. On Windows a rename fails while another process has the target open without delete
 * sharing: it is tried again for a moment rather than left half done.
 */
function replaceFile(files: TokenFiles, path: string, content: string, rename: Rename): void {
  assertHeld(files)
  const next = `${path}.${randomBytes(6).toString('hex')}.new`
  const fd = openSync(next, 'wx', 0o600)
  let written: BigIntStats
  try {
    writeSync(fd, content)
    fsyncSync(fd)
    written = fstatSync(fd, { bigint: true })
  } finally {
    closeSync(fd)
  }
  try {
    assertHeld(files)
    renameRetrying(next, path, rename)
    assertHeld(files)
    const now = lstatSync(path, { bigint: true })
    if (now.ino !== written.ino || now.dev !== written.dev) throw replaced(files)
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
