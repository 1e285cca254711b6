import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cannotStartMessage, commandEnv, runCommand, secretVariables } from '../src/cli/exec.js'
import { providers } from '../src/providers/index.js'
import type { Provider, ProviderInput } from '../src/providers/provider.js'

// How `exec` starts the command (src/cli/exec.ts), in-process, with real child processes: its environment, its exit
// code as a shell reports it, the signals passed on, and the words for a command that cannot be started.

describe('commandEnv', () => {
  it('keeps every set variable but those dropped and those given, which it sets', () => {
    const env = { PATH: '/bin', SODA_PASSWORD: 'p', SODA_TOKEN: 'stale', SODA_TOKEN_FILE: '/old', UNSET: undefined }

    expect(
      commandEnv(env, { SODA_TOKEN: 't', SODA_TOKEN_FILE: '/new/token' }, ['SODA_PASSWORD', 'NOT_SET'], false)
    ).toEqual({ PATH: '/bin', SODA_TOKEN: 't', SODA_TOKEN_FILE: '/new/token' })
  })

  it('on Windows, drops a variable in any case, dropped or given, and sets the given names as spelt', () => {
    const env = { Path: 'C:\\bin', soda_password: 'p', Soda_Token_File: 'C:\\old', Other: 'kept' }

    expect(commandEnv(env, { SODA_TOKEN_FILE: 'C:\\new' }, ['SODA_PASSWORD'], true)).toEqual({
      Path: 'C:\\bin',
      Other: 'kept',
      SODA_TOKEN_FILE: 'C:\\new'
    })
  })

  it('elsewhere, keeps names that differ in case, which are other variables there', () => {
    const env = { soda_password: 'p', Soda_Token: 'other' }

    expect(commandEnv(env, { SODA_TOKEN: 't' }, ['SODA_PASSWORD'], false)).toEqual({
      soda_password: 'p',
      Soda_Token: 'other',
      SODA_TOKEN: 't'
    })
  })
})

describe('secretVariables', () => {
  const declaring = (inputs: Record<string, ProviderInput>) => ({ inputs }) as unknown as Provider

  it('lists the variable of every secret input of every provider in the registry, and nothing else', () => {
    const registry = {
      a: declaring({ username: { env: 'A_USER' }, password: { env: 'A_PASSWORD', secret: true } }),
      b: declaring({ 'client-secret': { env: 'B_CLIENT_SECRET', secret: true }, key: { secret: true } })
    }

    expect(secretVariables(registry)).toEqual(['A_PASSWORD', 'B_CLIENT_SECRET'])
  })

  it('reads the real registry by default, so that a new provider is covered with no change here', () => {
    const declared = Object.values(providers).flatMap(provider =>
      Object.values(provider.inputs).filter(input => input.secret && input.env)
    )

    expect(declared.length).toBeGreaterThanOrEqual(Object.keys(providers).length)
    expect(secretVariables()).toEqual(declared.map(input => input.env))
  })
})

describe('cannotStartMessage', () => {
  it('says a missing command is not found, with exit code 127', () => {
    expect(cannotStartMessage('psql', 'ENOENT', false)).toEqual({
      message: 'error: cannot run "psql": no such command or file (check PATH, or give its path).\n',
      exitCode: 127
    })
  })

  it('adds, on Windows, that a .cmd runs through cmd', () => {
    expect(cannotStartMessage('npm', 'ENOENT', true)).toEqual({
      message:
        'error: cannot run "npm": no such command or file (check PATH, or give its path). A .cmd or .bat command ' +
        '(npm, npx) runs through cmd: -- cmd /c npm test.\n',
      exitCode: 127
    })
  })

  it('explains an EINVAL on Windows as a .cmd started without a shell, with exit code 126', () => {
    expect(cannotStartMessage('npm.cmd', 'EINVAL', true)).toEqual({
      message:
        'error: cannot run "npm.cmd" without a shell: Node.js starts a .cmd or .bat only through cmd: -- cmd /c ....\n',
      exitCode: 126
    })
    expect(cannotStartMessage('x', 'EINVAL', false)).toEqual({
      message: 'error: cannot run "x": EINVAL.\n',
      exitCode: 126
    })
  })

  it('says a file that is not executable is refused, and names any other reason by its code', () => {
    expect(cannotStartMessage('./run.sh', 'EACCES', false)).toEqual({
      message: 'error: cannot run "./run.sh": permission denied (is it executable?).\n',
      exitCode: 126
    })
    expect(cannotStartMessage('x', 'ENOEXEC', true).message).toBe('error: cannot run "x": ENOEXEC.\n')
    expect(cannotStartMessage('x', undefined, false).message).toBe('error: cannot run "x": it could not be started.\n')
  })

  it('quotes the name cut to 80 characters, escaped, and never the arguments', () => {
    expect(cannotStartMessage('a'.repeat(80), 'ENOENT', false).message).toContain(`"${'a'.repeat(80)}"`)
    expect(cannotStartMessage('b'.repeat(81), 'ENOENT', false).message).toContain(`"${'b'.repeat(80)}…"`)
    expect(cannotStartMessage('x\ny', 'ENOENT', false).message).toContain('"x\\ny"')
  })
})

describe('runCommand', () => {
  let dir: string
  let errors: string[]
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'run-command-'))
    errors = []
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const err = (text: string) => void errors.push(text)
  const env = { PATH: process.env.PATH ?? '', GIVEN: 'given' }
  const node = (script: string, ...args: string[]): [string, ...string[]] => [process.execPath, '-e', script, ...args]

  it('resolves to the command’s exit code, with the environment given and the arguments as typed', async () => {
    const code = await runCommand(
      node("process.exit(process.env.GIVEN === 'given' && process.argv[1] === '$HOME *' ? 7 : 8)", '$HOME *'),
      env,
      err
    )

    expect(code).toBe(7)
    expect(errors).toEqual([])
  })

  const posix = process.platform === 'win32' ? it.skip : it

  posix('resolves to 128 + N when signal N ends the command', async () => {
    expect(await runCommand(node("process.kill(process.pid, 'SIGKILL')"), env, err)).toBe(137)
    expect(await runCommand(node("process.kill(process.pid, 'SIGTERM')"), env, err)).toBe(143)
  })

  posix.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    'passes %s on to the command while it runs, and stops listening once it has ended',
    async signal => {
      const ready = join(dir, 'ready')
      const listening = process.listenerCount(signal)
      const script = `
        process.on('${signal}', () => process.exit(42))
        require('fs').writeFileSync(process.argv[1], '')
        setTimeout(() => process.exit(99), 8000)
      `
      const running = runCommand(node(script, ready), env, err)
      await until(() => existsSync(ready))
      expect(process.listenerCount(signal)).toBe(listening + 1)

      process.emit(signal, signal)

      expect(await running).toBe(42)
      expect(process.listenerCount(signal)).toBe(listening)
    }
  )

  it('reports a command that does not exist, with exit code 127', async () => {
    const missing = join(dir, 'no-such-command')

    expect(await runCommand([missing, 'hunter2'], env, err)).toBe(127)
    expect(errors).toEqual([cannotStartMessage(missing, 'ENOENT').message])
  })

  posix('reports a file that is not executable, with exit code 126', async () => {
    const script = join(dir, 'script.sh')
    writeFileSync(script, '#!/bin/sh\nexit 0\n')
    chmodSync(script, 0o600)

    expect(await runCommand([script], env, err)).toBe(126)
    expect(errors).toEqual([`error: cannot run ${JSON.stringify(script)}: permission denied (is it executable?).\n`])
  })

  it('reports a command Node refuses before starting it, with exit code 126', async () => {
    expect(await runCommand(['x\0y'], env, err)).toBe(126)
    expect(errors).toEqual(['error: cannot run "x\\u0000y": ERR_INVALID_ARG_VALUE.\n'])
  })
})

/** Resolves once `done()` holds, checking every 20 ms; rejects after 10 s. */
async function until(done: () => boolean): Promise<void> {
  for (const start = Date.now(); !done();) {
    if (Date.now() - start > 10_000) throw new Error('timed out waiting for the command to start')
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}
