// npm run bundle: builds the action (dist/index.js), the CLI (dist/cli/index.js) and the cli action, which only puts
// the CLI on PATH (dist/on-path/index.js), with ncc, then lets terser
// drop the code nothing can reach. The process tests' global set-up calls it with a temporary folder, so that they
// test the current sources; CI then checks that the committed dist/ is what this builds.
//
// Why terser: webpack (inside ncc) sees that nothing uses, say, HttpClient or getIDToken, and drops the imports
// only they needed, but keeps their code. The bundle then holds references to names nothing defines (ProxyAgent,
// HttpClient, tunnel...): harmless while unreachable, a ReferenceError the day something calls them. Removing the
// unreachable code (no mangling, output kept readable) leaves no such reference, and a third of the size;
// __tests__/bundle.test.ts checks that no unbound name is left.
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { minify } from 'terser'

const root = fileURLToPath(new URL('..', import.meta.url))
const ncc = fileURLToPath(new URL('../node_modules/@vercel/ncc/dist/ncc/cli.js', import.meta.url))

const DEAD_CODE_ONLY = {
  module: true,
  compress: {
    defaults: false,
    toplevel: true,
    unused: true,
    dead_code: true,
    side_effects: true,
    // Loading a bundled module or a Node built-in whose exports nothing reads does nothing a run needs, but costs
    // start-up time: @actions/core's own imports (http, https, tunnel, child_process, fs.promises...) are such.
    pure_funcs: ['__nccwpck_require__'],
    pure_getters: true,
    evaluate: true,
    conditionals: true,
    booleans: true,
    passes: 2
  },
  mangle: false,
  format: { beautify: true, comments: /@license|@preserve|^!/ }
}

// How ncc loads a Node built-in; marked pure, so that terser drops the loads whose result nothing reads.
const BUILT_IN_REQUIRE = /__WEBPACK_EXTERNAL_createRequire\(import\.meta\.url\)\("[a-z_:/]+"\)/g
// @actions/core builds its job summary object at import, and the module that defines it reads fs.promises (which
// loads readline and more) at import too. The action writes its own summary (src/action/runner-files.ts), so nothing reads
// that object: marked pure, it goes, and so does the fs.promises load.
const CORE_SUMMARY = /\bnew Summary\(\)/g

// undici: @actions/http-client imports it for HttpClient.getAgentDispatcher(), which neither @actions/core nor this
// action calls (requests go through node:https and our own CONNECT tunnel). Bundled, it was 900 KB and a third of the
// start-up. Left external, webpack writes one `import * as ... from "undici"` and terser drops the code that read
// it, so withoutUnusedImport can take the import away: the bundle runs with no node_modules beside it. The real
// undici stays installed for the dev dependencies that need it (@github/local-action).
const EXTERNAL = ['--external', 'undici']

/**
 * The bundle without its static import of `name`, which must be one line that nothing reads any more: if some code
 * still read it, the build fails here rather than the action at run time.
 */
export function withoutUnusedImport(code, name) {
  const line = new RegExp(`^import \\* as (__WEBPACK_EXTERNAL_MODULE_${name}__) from "${name}";\n`, 'm')
  const found = line.exec(code)
  if (!found) return code
  const rest = code.replace(line, '')
  if (rest.includes(found[1])) throw new Error(`the bundle still reads ${name}: it cannot be left out`)
  return rest
}

/**
 * A version 4 UUID from 16 bytes of /dev/urandom, read with node:fs, which every run has loaded already; node:crypto
 * only where there is no /dev/urandom (Windows). Source text, put into the bundle by cryptoOnFirstUse.
 */
const RANDOM_UUID = `() => {
  const fs = process.getBuiltinModule("node:fs");
  const bytes = Buffer.alloc(16);
  try {
    const fd = fs.openSync("/dev/urandom", "r");
    try { if (fs.readSync(fd, bytes, 0, 16, null) !== 16) throw new Error("short read"); } finally { fs.closeSync(fd); }
  } catch {
    return process.getBuiltinModule("node:crypto").randomUUID();
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
}`

/**
 * The bundle without node:crypto where a bundled library imports it only for `randomUUID`: @actions/core's file
 * commands do, for their heredoc delimiter, and loading node:crypto is about a sixth of a successful run's start-up
 * (docs/performance.md). The stand-in draws the same kind of UUID from the kernel's random source. Any other use of
 * that import fails the build, since the stand-in has nothing else.
 */
export function cryptoOnFirstUse(code) {
  const line =
    /^( *)const (\w+) = (?:\/\*#__PURE__\*\/ )?__WEBPACK_EXTERNAL_createRequire\(import\.meta\.url\)\("crypto"\);$/m
  const found = line.exec(code)
  if (!found) return code
  const [, indent, name] = found
  const uses = code.match(new RegExp(`\\b${name}\\b(\\.\\w+)?`, 'g')) ?? []
  const other = uses.filter(use => use !== name && use !== `${name}.randomUUID`)
  if (other.length > 0 || uses.length < 2) throw new Error(`cryptoOnFirstUse: ${name} is read as ${other.join(', ')}`)
  return code.replace(line, `${indent}const ${name} = { randomUUID: ${RANDOM_UUID.replaceAll('\n', `\n${indent}`)} };`)
}

/**
 * Puts each module of the bundle in parentheses: V8 then compiles a module's function when it first reads it,
 * instead of pre-parsing it at load and parsing it again when the bundle calls it, which it does for every module a
 * run needs. About 5% fewer instructions at start-up (docs/performance.md). Terser's output puts each module on
 * lines of its own, four spaces in, in `__webpack_modules__`: `id: (args) => {` ... `},`.
 */
export function compiledAtOnce(code) {
  const lines = code.split('\n')
  const start = lines.indexOf('var __webpack_modules__ = {')
  if (start < 0) throw new Error('compiledAtOnce: no __webpack_modules__ in the bundle')
  let open = false
  for (let i = start + 1; i < lines.length && lines[i] !== '};'; i++) {
    const line = lines[i]
    const head = /^ {4}(\d+): (.+ => \{)(\},?)?$/.exec(line)
    if (head && !open) {
      lines[i] = head[3] ? `    ${head[1]}: (${head[2]}})${head[3].slice(1)}` : `    ${head[1]}: (${head[2]}`
      open = !head[3]
    } else if (open && /^ {4}\},?$/.test(line)) {
      lines[i] = line.replace('}', '})')
      open = false
    } else if (!open) throw new Error(`compiledAtOnce: unexpected line ${i + 1} in __webpack_modules__: ${line}`)
  }
  return lines.join('\n')
}

/** Builds the three entry points into `out` (relative to the repository root, or absolute). */
export async function bundle(out = 'dist') {
  const build = async (entry, to) => {
    await promisify(execFile)(
      process.execPath,
      [ncc, 'build', entry, '--out', to, '--target', 'es2022', '--license', 'licenses.txt', '--quiet', ...EXTERNAL],
      { cwd: root }
    )
    const file = resolve(root, to, 'index.js')
    const built = (await readFile(file, 'utf8'))
      .replace(BUILT_IN_REQUIRE, '/*#__PURE__*/ $&')
      .replace(CORE_SUMMARY, '/*#__PURE__*/ $&')
    const { code } = await minify(built, DEAD_CODE_ONLY)
    await writeFile(file, `${compiledAtOnce(cryptoOnFirstUse(withoutUnusedImport(code, 'undici')))}\n`)
  }
  await Promise.all([
    build('src/index.ts', out),
    build('src/cli/index.ts', join(out, 'cli')),
    build('src/action/on-path/index.ts', join(out, 'on-path'))
  ])
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle(process.argv[2])
