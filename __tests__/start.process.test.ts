import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

// What a newcomer runs first: npm start, against the embedded fake, no network and no credentials.
describe('npm start', () => {
  const start = (...args: string[]) =>
    promisify(execFile)('npm', ['start', '--silent', '--', ...args], {
      // TOKEN_MINT_DIST: the bundle of the current sources, which the global set-up built.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TOKEN_MINT_DIST: process.env.TOKEN_MINT_DIST ?? ''
      }
    })

  it('mints a masked token for each provider, hands one over sealed, and runs the CLI, plain and with exec', async () => {
    const { stdout } = await start()

    expect(stdout).toContain('Minted a Sirdata token: partner id 12345')
    expect(stdout).toContain('Minted a Soda Cloud token: region eu')
    expect(stdout).toContain('Unsealed a Soda Cloud token')
    expect(stdout).toMatch(/token-mint exec --provider soda --base-url … -- .*\n {4}the command sees SODA_TOKEN /)
    expect(stdout.match(/^ {4}token: \*\*\*$/gm)).toHaveLength(4)
    expect(stdout).toContain('SIRDATA_TOKEN=***')
    // The fake's tokens look like sirdata-<24 chars> and soda-<24 chars>: none may show.
    expect(stdout).not.toMatch(/\b(sirdata|soda)-[A-Za-z0-9_-]{24}\b/)
    expect(stdout).not.toMatch(/pw-[A-Za-z0-9_-]{12}/)
  }, 60_000)

  it('passes arguments through to the runs', async () => {
    const { stdout } = await start('--provider', 'soda', '--region', 'us')

    expect(stdout).toContain('Minted a Soda Cloud token: region us')
    expect(stdout).not.toContain('Minted a Sirdata token')
    // The command line too, plain and with exec.
    expect(stdout).toMatch(
      /▶ Command line: SODA_USERNAME=… SODA_PASSWORD=… token-mint --provider soda --region us --base-url …\n {4}Minted a Soda Cloud token: region us, /
    )
    expect(stdout).toMatch(
      /▶ Command line: .* token-mint exec --provider soda --region us --base-url … -- .*\n {4}the command sees SODA_TOKEN \(\d+ characters\); no password: true\n {4}\(exit code 0\)/
    )
  }, 60_000)
})
