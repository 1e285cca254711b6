import type { InputFlag } from './args.js'
import { providerNamed } from './wording.js'

// --password-stdin: the password is read once from stdin, so that it is in no environment at all. With the
// variable, `exec` keeps it out of the command's environment, but token-mint stays alive as the command's parent,
// and its own initial environment is readable by any process of the same user (/proc/<pid>/environ on Linux): the
// command could read it from /proc/$PPID/environ. Read from stdin, there is nothing there to read.

/** What the password is read from: process.stdin, or a stream a test makes. */
export interface PasswordInput {
  readonly isTTY?: boolean
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown
  on(event: 'end', listener: () => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  destroy(): unknown
}

/** How much and how long: a password is short, and a pipe that never closes must not hold the CLI forever. */
export const STDIN_LIMITS = { maxBytes: 64 * 1024, timeoutMs: 30_000 }

type Env = Readonly<Record<string, string | undefined>>
type Flags = Readonly<Partial<Record<InputFlag, string>>>
export type PasswordRead = { readonly password: string } | { readonly problem: string }

/**
 * Reads the password from `input` for the provider the flags name. Refuses, as a usage problem and before reading, a
 * terminal (where the password would be typed in clear) and a password variable that is set too (it would stay in
 * the environment this flag keeps the password out of); then an empty, endless or unreadable stdin.
 */
export async function readPasswordStdin(
  input: PasswordInput,
  flags: Flags,
  env: Env,
  limits = STDIN_LIMITS
): Promise<PasswordRead> {
  if (input.isTTY) {
    return usage('--password-stdin reads a pipe or a file, and stdin is a terminal: pipe the password in')
  }
  const variable = Object.values(providerNamed(flags)?.inputs ?? {}).find(input => input.secret)?.env
  if (variable && (env[variable]?.trim() ?? '') !== '') {
    return usage(
      `--password-stdin and ${variable} both give the password: unset ${variable} (env -u ${variable} token-mint ...), so that no environment holds it`
    )
  }
  const read = await readAll(input, limits)
  if ('problem' in read) return read
  return read.password.trim() === '' ? usage('--password-stdin found stdin empty: pipe the password in') : read
}

function readAll(input: PasswordInput, { maxBytes, timeoutMs }: typeof STDIN_LIMITS): Promise<PasswordRead> {
  return new Promise(resolve => {
    const chunks: Buffer[] = []
    let size = 0
    const finish = (result: PasswordRead) => {
      clearTimeout(timer)
      // Whatever is left unread stays unread, and a stream let go of here lets the process exit.
      input.destroy()
      resolve(result)
    }
    const timer = setTimeout(
      () =>
        finish(
          usage(`--password-stdin read no end of input within ${timeoutMs / 1000} s: close stdin after the password`)
        ),
      timeoutMs
    )
    input.on('data', chunk => {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
      size += bytes.length
      if (size > maxBytes) finish(usage(`--password-stdin read more than ${maxBytes} bytes: pipe the password alone`))
      else chunks.push(bytes)
    })
    input.on('end', () => finish({ password: Buffer.concat(chunks).toString('utf8') }))
    input.on('error', error => {
      const code = (error as NodeJS.ErrnoException).code
      finish({ problem: `--password-stdin could not read stdin${code ? ` (${code})` : ''}.` })
    })
  })
}

function usage(problem: string): PasswordRead {
  return { problem: `${problem}: see --help.` }
}
