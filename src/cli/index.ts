#!/usr/bin/env node
import { runCli } from './run.js'

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  out: text => process.stdout.write(text),
  err: text => process.stderr.write(text),
  // Only when --password-stdin asks: opening stdin would otherwise change it for an exec command, which inherits it.
  get stdin() {
    return process.stdin
  }
})
