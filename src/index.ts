import { refuseInspectorSignal } from './no-inspector.js'
import { exitWhenFlushed } from './exit.js'
import { run } from './action/main.js'

refuseInspectorSignal()

await run()
// The step is over: nothing left behind (a socket a library kept open, a lookup of the system resolver) may keep
// the job waiting. The exit code is the one run() set.
await exitWhenFlushed()
