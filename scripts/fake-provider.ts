// npm run fake-provider [-- --port 8765 --partner-id 12345 --username demo@example.com --password demo-password]
//
// Serves both providers' documented token endpoints on 127.0.0.1 until stopped, for trying the action or the CLI
// without real credentials (the repository's end-to-end workflow uses it through base-url).
import { parseArgs } from 'node:util'
import { startFakeProvider } from '../__fixtures__/fake-provider.js'

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '8765' },
    'partner-id': { type: 'string', default: '12345' },
    username: { type: 'string', default: 'demo@example.com' },
    password: { type: 'string', default: 'demo-password' }
  }
})

const fake = await startFakeProvider({
  port: Number(args.port),
  credentials: { partnerId: args['partner-id'], username: args.username, password: args.password }
})
console.log(`Fake provider on ${fake.origin}`)
console.log(`  sirdata  base-url ${fake.roots.sirdata}  partner-id ${fake.credentials.partnerId}`)
console.log(`  soda     base-url ${fake.roots.soda}`)
console.log(`  username ${fake.credentials.username}, password ${fake.credentials.password}`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void fake.close().then(() => process.exit(0)))
}
