// The command line, read by hand rather than with util.parseArgs: parseArgs quotes what it could not use in its
// messages ("Unexpected argument 'hunter2'"), and a stray argument is often a secret pasted in the wrong place. Here
// a problem is one line that names the flag, never a value it did not expect.

import { secretVariables } from './exec.js'
import { either } from './lists.js'
import { closestOption } from './suggest.js'

/** The options that carry an input of the action, under the input's name. */
export const INPUT_FLAGS = [
  'provider',
  'partner-id',
  'region',
  'base-url',
  'token-url',
  'client-id',
  'scope',
  'audience',
  'client-auth',
  'timeout',
  'max-attempts',
  'min-validity',
  'env-name'
] as const
export type InputFlag = (typeof INPUT_FLAGS)[number]
type ValueFlag = InputFlag | 'format' | 'refresh-every'
type Switch = 'verbose' | 'help' | 'version' | 'keep-fresh' | 'password-stdin'

const VALUE_FLAGS: readonly string[] = [...INPUT_FLAGS, 'format', 'refresh-every']
const SWITCHES: readonly string[] = ['verbose', 'help', 'version', 'keep-fresh', 'password-stdin']
/** The longest --refresh-every: a day, as for min-validity. */
const MAX_REFRESH_EVERY_SECONDS = 86_400
const FORMATS = ['text', 'env', 'json'] as const
export type Format = (typeof FORMATS)[number]

/** What the command line asks for, once it reads as valid usage. */
export type Invocation =
  | { readonly kind: 'help' | 'version' }
  | { readonly kind: 'keygen' }
  | {
      readonly kind: 'mint'
      readonly flags: Readonly<Partial<Record<InputFlag, string>>>
      readonly verbose: boolean
      readonly format: Format
      /** Read the password from stdin, not from the environment. */
      readonly passwordStdin?: true
    }
  | {
      readonly kind: 'exec'
      readonly flags: Readonly<Partial<Record<InputFlag, string>>>
      readonly verbose: boolean
      readonly passwordStdin?: true
      /** The command and its arguments: everything after `--`. */
      readonly command: readonly [string, ...string[]]
      /** Set with --keep-fresh: the token is kept current in a file while the command runs. */
      readonly keepFresh?: KeepFresh
    }

/** How `exec --keep-fresh` schedules its refreshes, besides the token's expiry. */
export interface KeepFresh {
  /** The longest wait between two mints (--refresh-every); required when the provider gives no expiry. */
  readonly refreshEverySeconds?: number
}

/** A usage problem, as one line; it quotes no value it did not expect. */
export interface UsageProblem {
  readonly problem: string
}

interface Options {
  values: Partial<Record<ValueFlag, string>>
  switches: Set<Switch>
}

/** The first argument of the PowerShell launcher (token-mint.ps1): the arguments went through a PowerShell script. */
export const FROM_POWERSHELL = '--from-powershell'

/**
 * PowerShell drops the first `--` of a call to a script before the script sees its arguments (about_Parsing: the
 * end-of-parameters token applies to PowerShell commands), so `token-mint exec ... -- cmd` reaches the launcher
 * without it. Puts it back where the command starts: at the first argument that is neither a flag nor a flag's value.
 * A `--` that is still there (quoted, `'--'`) is the user's, and stays the separator.
 */
export function restoreSeparator(argv: readonly string[]): string[] {
  if (argv[0] !== 'exec') return [...argv]
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') break
    if (!arg.startsWith('--') && arg !== '-h') return [...argv.slice(0, i), '--', ...argv.slice(i)]
    if (VALUE_FLAGS.includes(arg.slice(2))) i++
  }
  return [...argv]
}

/** Reads `token-mint [exec] [flags] [-- command...]` into an Invocation, or the first usage problem. */
export function readArgs(argv: readonly string[]): Invocation | UsageProblem {
  if (argv[0] === FROM_POWERSHELL) return readArgs(restoreSeparator(argv.slice(1)))
  // keygen reads nothing: its own branch, so that no flag of a mint can change what it prints.
  if (argv[0] === 'keygen') return argv.length === 1 ? { kind: 'keygen' } : usage('keygen takes no arguments')
  const exec = argv[0] === 'exec'
  const args = exec ? argv.slice(1) : argv
  const end = args.indexOf('--')
  const options = readOptions(end === -1 ? args : args.slice(0, end), exec)
  if ('problem' in options) return options
  if (options.switches.has('help')) return { kind: 'help' }
  if (options.switches.has('version')) return { kind: 'version' }

  const { format, 'refresh-every': refreshEvery, ...flags } = options.values
  const verbose = options.switches.has('verbose')
  const passwordStdin = options.switches.has('password-stdin') ? ({ passwordStdin: true } as const) : {}
  const [file, ...rest] = end === -1 ? [] : args.slice(end + 1)
  if (!exec) {
    if (file !== undefined) return usage('a command after -- needs exec, as the first argument')
    if (options.switches.has('keep-fresh')) return usage('--keep-fresh needs exec, as the first argument')
    if (refreshEvery !== undefined) return usage('--refresh-every needs exec --keep-fresh')
    if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
      return { problem: `--format must be one of: ${FORMATS.join(', ')} (got '${format.slice(0, 40)}').` }
    }
    return { kind: 'mint', flags, verbose, format: (format as Format | undefined) ?? 'text', ...passwordStdin }
  }
  if (format !== undefined) {
    return usage('--format does not apply to exec, which hands the token to the command in its environment')
  }
  if (file === undefined || file === '') return usage('exec needs a command after --')
  const command: [string, ...string[]] = [file, ...rest]
  if (!options.switches.has('keep-fresh')) {
    if (refreshEvery !== undefined) return usage('--refresh-every needs --keep-fresh')
    return { kind: 'exec', flags, verbose, ...passwordStdin, command }
  }
  const keepFresh = readKeepFresh(refreshEvery)
  return 'problem' in keepFresh ? keepFresh : { kind: 'exec', flags, verbose, ...passwordStdin, command, keepFresh }
}

function readKeepFresh(refreshEvery: string | undefined): KeepFresh | UsageProblem {
  if (refreshEvery === undefined) return {}
  const seconds = /^\d{1,5}$/.test(refreshEvery) ? Number(refreshEvery) : 0
  if (seconds < 1 || seconds > MAX_REFRESH_EVERY_SECONDS) {
    return {
      problem:
        `--refresh-every must be a whole number of seconds from 1 to ${MAX_REFRESH_EVERY_SECONDS} ` +
        `(got '${refreshEvery.slice(0, 40)}').`
    }
  }
  return { refreshEverySeconds: seconds }
}

function readOptions(args: readonly string[], exec: boolean): Options | UsageProblem {
  const found: Options = { values: {}, switches: new Set() }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '-h') {
      found.switches.add('help')
    } else if (arg.startsWith('--')) {
      const read = readLongOption(arg, args[i + 1], found)
      if (typeof read !== 'number') return read
      i += read
    } else if (arg.startsWith('-') && arg !== '-') {
      const shown = /^-[A-Za-z]$/.test(arg) ? `'${arg}'` : '(not shown, in case it is a secret)'
      return unknownOption(shown, arg.slice(1).split('=')[0] as string)
    } else if (arg === 'exec') {
      return usage('exec must be the first argument')
    } else {
      // Never quoted: a stray argument is as likely a password pasted in the wrong place as a typo.
      const hint = exec ? '; the command goes after --' : ''
      return usage(`unexpected argument (not shown, in case it is a secret)${hint}`)
    }
  }
  return found
}

/** Reads one `--name`, `--name value` or `--name=value` into `found`; returns how many extra arguments it used. */
function readLongOption(arg: string, next: string | undefined, found: Options): number | UsageProblem {
  const equals = arg.indexOf('=')
  const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals)
  const inline = equals === -1 ? undefined : arg.slice(equals + 1)
  if (SWITCHES.includes(name)) {
    if (inline !== undefined) return usage(`--${name} takes no value`)
    found.switches.add(name as Switch)
    return 0
  }
  if (name === 'password') return { problem: passwordRefused() }
  if (!VALUE_FLAGS.includes(name)) {
    // The name only, and only when it looks like one: `--hunter2` does not, nor does anything after =.
    const shown = /^[a-z][a-z-]{0,29}$/.test(name) ? `'--${name}'` : '(not shown, in case it is a secret)'
    return unknownOption(shown, name)
  }
  if (inline !== undefined) {
    found.values[name as ValueFlag] = inline
    return 0
  }
  // `--timeout --verbose` forgot the value; a value may still start with one dash (a negative number, say).
  if (next === undefined || next.startsWith('--')) return usage(`--${name} needs a value`)
  found.values[name as ValueFlag] = next
  return 1
}

/**
 * Where a password goes instead of --password, which would put it in the process list and the shell's history:
 * each provider's password variable, from the registry, or --password-stdin.
 */
function passwordRefused(): string {
  return (
    `there is no --password option: a password on the command line shows in the process list and the shell's ` +
    `history. Set it in ${either(secretVariables())} (the provider’s), or pipe it in with --password-stdin. See --help.`
  )
}

/** An unknown option, with the known one it most likely meant; what was typed is only shown as `shown` says. */
function unknownOption(shown: string, name: string): UsageProblem {
  const meant = closestOption(name, [...VALUE_FLAGS, ...SWITCHES])
  return meant
    ? { problem: `unknown option ${shown}: did you mean --${meant}? See --help.` }
    : usage(`unknown option ${shown}`)
}

function usage(problem: string): UsageProblem {
  return { problem: `${problem}: see --help.` }
}
