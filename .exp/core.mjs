import * as core from '@actions/core'
if (globalThis.nope) core.info('x')
