// Runs a command in a world whose only DNS server never answers: started by a process test as
// `unshare -n -m node silent-dns-namespace.mjs CONFIG -- command args...`, so it is the first process of a new
// network namespace (only a loopback, no route out) and a new mount namespace, where it bind-mounts its own
// /etc/resolv.conf (and /etc/hosts) over the machine's. The system resolver (getaddrinfo in libuv's worker threads)
// and c-ares then both send their queries to a UDP socket on 127.0.0.1:53 that reads them and never replies.
// CONFIG is JSON: { "report": file for { queries, elapsedMs, code }, "hosts": the /etc/hosts to use (optional) }.
// The command writes to this process's stdout and stderr directly; this process exits with the command's code.
import { execFileSync, spawn } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const [configText, separator, command, ...args] = process.argv.slice(2)
if (separator !== '--' || !command) throw new Error('usage: silent-dns-namespace.mjs CONFIG -- command args...')
const config = JSON.parse(configText)

execFileSync('ip', ['link', 'set', 'lo', 'up'])
const dir = mkdtempSync(join(tmpdir(), 'silent-dns-'))
// One try of 5 s, not glibc's default two: a lookup that holds the exit holds it 5 s, and a failing test fails sooner.
const files = { '/etc/resolv.conf': 'nameserver 127.0.0.1\noptions timeout:5 attempts:1\n' }
if (config.hosts !== undefined) files['/etc/hosts'] = config.hosts
for (const [target, text] of Object.entries(files)) {
  const copy = join(dir, target.split('/').pop())
  writeFileSync(copy, text)
  execFileSync('mount', ['--bind', copy, target])
}

let queries = 0
const silent = createSocket('udp4')
silent.on('message', () => queries++)
await new Promise(resolve => silent.bind(53, '127.0.0.1', resolve))

const startedAt = Date.now()
const child = spawn(command, args, { stdio: 'inherit' })
const code = await new Promise(resolve => child.on('exit', (exitCode, signal) => resolve(exitCode ?? signal)))
writeFileSync(config.report, JSON.stringify({ queries, elapsedMs: Date.now() - startedAt, code }))
silent.close()
process.exit(typeof code === 'number' ? code : 1)
