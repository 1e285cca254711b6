// node scripts/bundled-packages.mjs [ROOT]: the npm packages the bundles are built from, one name a line.
//
// The published package declares no dependency (ncc inlines everything into dist/), so `npm audit --omit=dev` would
// audit nothing. What the bundles hold is what src/ imports, and what those packages need in turn: this script
// finds the bare imports in src/ and follows them through package-lock.json the way Node resolves them, so that
// .ci/run can hold the advisories about exactly these packages against the build, and report the rest.
// Node built-ins only.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { builtinModules } from 'node:module'
import { pathToFileURL } from 'node:url'

/** The package a bare import names: `zod/mini` -> `zod`, `@actions/core/lib` -> `@actions/core`. */
export function packageOf(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** Every package that src/ imports by name, built-ins left out. */
export function importedPackages(root) {
  const names = new Set()
  const visit = dir => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (/\.[cm]?ts$/.test(entry.name)) {
        // An import or export statement at the start of a line, up to its `from '...'` (maybe lines later).
        for (const [, specifier] of readFileSync(path, 'utf8').matchAll(
          /^(?:import|export)\b[^;'"]*?from\s+'([^']+)'/gm
        )) {
          const name = packageOf(specifier)
          if (!name.startsWith('.') && !name.startsWith('node:') && !builtinModules.includes(name)) names.add(name)
        }
      }
    }
  }
  visit(join(root, 'src'))
  return names
}

/** The imported packages and everything they depend on, as package-lock.json resolves them, sorted. */
export function bundledPackages(root) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
  const entries = lock.packages
  const found = new Set()
  // Node's lookup: the requiring package's own node_modules, then each enclosing one, up to the root's.
  const locate = (from, name) => {
    for (let base = from; ; base = base.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '')) {
      const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`
      if (entries[candidate]) return candidate
      if (base === '') return undefined
    }
  }
  const follow = path => {
    if (found.has(path)) return
    found.add(path)
    const entry = entries[path]
    const target = entry.link ? entry.resolved : path
    for (const name of Object.keys({ ...entries[target]?.dependencies, ...entries[target]?.optionalDependencies })) {
      const dependency = locate(path, name)
      if (dependency) follow(dependency)
    }
  }
  for (const name of importedPackages(root)) {
    const path = locate('', name)
    if (!path) throw new Error(`src/ imports ${name}, which package-lock.json does not hold: run npm install.`)
    follow(path)
  }
  return [...new Set([...found].map(path => path.replace(/^.*node_modules\//, '')))].sort()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(bundledPackages(resolve(process.argv[2] ?? '.')).join('\n'))
}
