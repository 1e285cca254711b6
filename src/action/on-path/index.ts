import { refuseInspectorSignal } from '../../no-inspector.js'
import { bundledCli, runOnPathAction } from './action.js'

refuseInspectorSignal()

// The entry of cli/action.yml, bundled to dist/on-path/index.js: the CLI is at dist/cli/index.js.
runOnPathAction(bundledCli(import.meta.url, 1))
