import { run } from './main.js'

await run()
// The step is over: nothing left behind (a socket a library kept open) may keep the job waiting.
setTimeout(() => process.exit(), 1000).unref()
