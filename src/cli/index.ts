#!/usr/bin/env node
import { refuseInspectorSignal } from '../no-inspector.js'
import { exitWhenFlushed } from '../exit.js'
import { runCli } from './run.js'

refuseInspectorSignal()

const code = await runCli(process.argv.slice(2), process.env, {
  out: text => process.stdout.write(text),
  err: text => process.stderr.write(text),
  // Only when --password-stdin asks: opening stdin would otherwise change it for an exec command, which inherits it.
  get stdin() {
    return process.stdin
  }
})
// Once the result is written, nothing (a lookup of the system resolver that cannot be cancelled) may hold the exit.
await exitWhenFlushed(code)
