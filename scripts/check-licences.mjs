#!/usr/bin/env node
// Checks that every package in the production dependency tree (package.json "dependencies" and
// everything they pull in) is under a licence that may be combined with this AGPL-3.0-or-later
// project. Reads node_modules (Node's resolution, so nested versions are found); optional
// platform-specific packages that npm did not install here are taken from package-lock.json.
//
//   node scripts/check-licences.mjs            check; exit 1 if a licence is missing or not allowed
//   node scripts/check-licences.mjs --list     also print one line per package (used for NOTICE)
//   node scripts/check-licences.mjs --json     print the package list as JSON
//
// Dev-only packages (devDependencies) are not shipped and are not checked.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

// SPDX ids that can be combined with (and conveyed under) AGPL-3.0-or-later.
// Deprecated short forms ("GPL-3.0", "LGPL-2.1+") are normalised by normaliseId() below.
const ALLOWED = new Set([
  'MIT',
  'MIT-0',
  'ISC',
  '0BSD',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'BSD-3-Clause-Clear',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'CC0-1.0',
  'Unlicense',
  'WTFPL',
  'Zlib',
  'Python-2.0',
  'PSF-2.0',
  'CC-BY-3.0',
  'CC-BY-4.0',
  'MPL-2.0',
  'Artistic-2.0',
  'LGPL-2.0-only',
  'LGPL-2.0-or-later',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'GPL-2.0-or-later',
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'AGPL-3.0-only',
  'AGPL-3.0-or-later',
]);
// Known not to be combinable with AGPL-3.0-or-later (named in the report; anything else that is
// not in ALLOWED fails too, as "not in the allow-list").
const DENIED = new Set([
  'GPL-2.0-only',
  'LGPL-2.0-only-with-exceptions',
  'SSPL-1.0',
  'BUSL-1.1',
  'UNLICENSED',
  'MPL-1.1',
  'CDDL-1.0',
  'CDDL-1.1',
  'EPL-1.0',
  'Apache-1.1',
  'BSD-4-Clause',
  'JSON',
  'CC-BY-NC-4.0',
  'CC-BY-NC-SA-4.0',
  'CC-BY-ND-4.0',
  'Commons-Clause',
  'Elastic-2.0',
]);
// Reviewed exceptions: 'name@version' -> why it is acceptable. Printed on every run, never silent.
const EXCEPTIONS = {};
// Packages whose declared licence is allowed but which embed code under other terms that need a
// human decision. Matched by name prefix; printed as "review:" on every run (does not fail).
const REVIEW = {
  '@libsql/':
    'prebuilt native binary (declared MIT) statically links the Rust crate ring 0.17.8, parts of ' +
    'which (from BoringSSL/OpenSSL) are under the OpenSSL and SSLeay licences; the FSF considers their ' +
    'advertising clauses GPL-incompatible. See NOTICE, part 1.',
};

function normaliseId(id) {
  const map = {
    'GPL-2.0': 'GPL-2.0-only',
    'GPL-2.0+': 'GPL-2.0-or-later',
    'GPL-3.0': 'GPL-3.0-only',
    'GPL-3.0+': 'GPL-3.0-or-later',
    'LGPL-2.0': 'LGPL-2.0-only',
    'LGPL-2.0+': 'LGPL-2.0-or-later',
    'LGPL-2.1': 'LGPL-2.1-only',
    'LGPL-2.1+': 'LGPL-2.1-or-later',
    'LGPL-3.0': 'LGPL-3.0-only',
    'LGPL-3.0+': 'LGPL-3.0-or-later',
    'AGPL-3.0': 'AGPL-3.0-only',
    'AGPL-3.0+': 'AGPL-3.0-or-later',
    'Apache 2.0': 'Apache-2.0',
    'Apache License 2.0': 'Apache-2.0',
    BSD: 'BSD-3-Clause',
    'Public Domain': 'Unlicense',
  };
  return map[id] ?? id;
}

// Minimal SPDX expression evaluator: ids, "+", AND, OR, WITH <exception>, parentheses.
// Returns true if the expression can be satisfied using allowed licences only.
function satisfiable(expr) {
  const tokens = expr.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let i = 0;
  const orExpr = () => {
    let v = andExpr();
    while (/^or$/i.test(tokens[i] ?? '')) {
      i++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  const andExpr = () => {
    let v = atom();
    while (/^and$/i.test(tokens[i] ?? '')) {
      i++;
      const r = atom();
      v = v && r;
    }
    return v;
  };
  const atom = () => {
    const t = tokens[i++];
    if (t === undefined) throw new Error('unexpected end');
    if (t === '(') {
      const v = orExpr();
      if (tokens[i++] !== ')') throw new Error('missing )');
      return v;
    }
    if (/^with$/i.test(tokens[i] ?? '')) i += 2; // exceptions only ever add permissions
    return ALLOWED.has(normaliseId(t));
  };
  const v = orExpr();
  if (i !== tokens.length) throw new Error(`cannot parse "${expr}"`);
  return v;
}

function licenceOf(pkg, dir) {
  const l = pkg.license ?? pkg.licenses;
  if (typeof l === 'string' && l.trim()) return { licence: l.trim(), from: 'package.json' };
  if (l && !Array.isArray(l) && typeof l === 'object' && l.type) return { licence: l.type, from: 'package.json' };
  if (Array.isArray(l) && l.length) {
    const ids = l.map((x) => (typeof x === 'string' ? x : x.type)).filter(Boolean);
    return { licence: ids.length > 1 ? `(${ids.join(' OR ')})` : ids[0], from: 'package.json' };
  }
  // No field: guess from the licence file, and say so.
  const text = dir ? licenceFileText(dir) : '';
  const guess = guessFromText(text);
  return { licence: guess ?? 'UNKNOWN', from: guess ? 'LICENSE file' : 'none' };
}

function licenceFileText(dir) {
  let files = [];
  try {
    files = readdirSync(dir).filter((f) => /^(licen[cs]e|copying)(\.|$|-)/i.test(f));
  } catch {}
  return files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

function guessFromText(text) {
  if (!text) return null;
  const t = text.replace(/\s+/g, ' ');
  if (/GNU AFFERO GENERAL PUBLIC LICENSE/i.test(t)) return 'AGPL-3.0-only';
  if (/GNU LESSER GENERAL PUBLIC LICENSE/i.test(t)) return 'LGPL';
  if (/GNU GENERAL PUBLIC LICENSE/i.test(t)) return 'GPL';
  if (/Server Side Public License/i.test(t)) return 'SSPL-1.0';
  if (/Apache License,? Version 2\.0/i.test(t)) return 'Apache-2.0';
  if (/Permission is hereby granted, free of charge/i.test(t)) return 'MIT';
  if (/Permission to use, copy, modify, and\/or distribute this software for any purpose with or without fee/i.test(t)) return 'ISC';
  if (/Redistribution and use in source and binary forms/i.test(t)) {
    return /Neither the name|names of its contributors/i.test(t) ? 'BSD-3-Clause' : 'BSD-2-Clause';
  }
  if (/Blue Oak Model License/i.test(t)) return 'BlueOak-1.0.0';
  if (/This is free and unencumbered software released into the public domain/i.test(t)) return 'Unlicense';
  return null;
}

function repoUrl(pkg) {
  let r = pkg.repository;
  if (!r) return '';
  const dirPart = typeof r === 'object' && r.directory ? `/tree/HEAD/${r.directory}` : '';
  r = typeof r === 'string' ? r : (r.url ?? '');
  if (/^(github:)?[\w.-]+\/[\w.-]+$/.test(r)) r = `https://github.com/${r.replace(/^github:/, '')}`;
  r = r
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/^ssh:\/\/git@/, 'https://')
    .replace(/^git@([^:]+):/, 'https://$1/')
    .replace(/\.git$/, '')
    .replace(/#.*$/, '');
  return r + dirPart;
}

// Node's resolution: look for node_modules/<name> from `fromDir` upwards to the repo root.
function resolvePkg(name, fromDir) {
  let d = fromDir;
  for (;;) {
    const candidate = join(d, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (d === root || dirname(d) === d) return null;
    d = dirname(d);
    // skip over "node_modules" and "@scope" path segments
    while (/(^|\/)node_modules$/.test(d) || /\/@[^/]+$/.test(d)) d = dirname(d);
  }
}

const lock = existsSync(join(root, 'package-lock.json')) ? JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) : { packages: {} };

const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const seenDirs = new Set();
const packages = new Map(); // name@version -> record
const problems = [];

function visit(name, fromDir, via, optional) {
  const dir = resolvePkg(name, fromDir);
  if (!dir) {
    // Not installed: fine for optional (other-platform) packages; take what the lockfile says.
    const lockKey = Object.keys(lock.packages ?? {}).find((k) => k.endsWith(`node_modules/${name}`) && !lock.packages[k].dev);
    const entry = lockKey ? lock.packages[lockKey] : null;
    if (!optional && !entry) problems.push(`${name}: required by ${via} but not installed`);
    if (entry) record(name, entry.version, entry.license ?? 'UNKNOWN', 'package-lock.json', '', via, false);
    return;
  }
  if (seenDirs.has(dir)) return;
  seenDirs.add(dir);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const { licence, from } = licenceOf(pkg, dir);
  record(pkg.name ?? name, pkg.version, licence, from, repoUrl(pkg), via, true, dir);
  const here = `${pkg.name}@${pkg.version}`;
  for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, here, false);
  for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, here, true);
  for (const [dep, meta] of Object.entries(pkg.peerDependencies ?? {})) {
    // Peers are provided by someone else in the tree; include them only if required and installed.
    if (pkg.peerDependenciesMeta?.[dep]?.optional) continue;
    if (resolvePkg(dep, dir)) visit(dep, dir, here, true);
    else problems.push(`${dep}: peer dependency of ${here} (${meta}) not installed`);
  }
}

function record(name, version, licence, from, repository, via, installed, dir) {
  const key = `${name}@${version}`;
  if (packages.has(key)) return;
  packages.set(key, { name, version, licence, from, repository, via, installed, path: dir ? relative(root, dir) : '' });
}

for (const dep of Object.keys(rootPkg.dependencies ?? {})) visit(dep, root, rootPkg.name, false);
for (const dep of Object.keys(rootPkg.optionalDependencies ?? {})) visit(dep, root, rootPkg.name, true);

// Packages not installed here have no package.json to read: borrow the repository URL of an
// installed package of the same scope (e.g. the other @esbuild/* platform binaries).
for (const p of packages.values()) {
  if (p.repository) continue;
  const sib = [...packages.values()].find((q) => q.repository && q.installed && q.name.split('/')[0] === p.name.split('/')[0] && q.name.startsWith('@'));
  if (sib) p.repository = sib.repository;
}

const list = [...packages.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version, undefined, { numeric: true }));
const bad = [];
const accepted = [];
const warnings = [];
for (const p of list) {
  let ok;
  try {
    ok = satisfiable(p.licence);
  } catch (e) {
    ok = false;
    p.parseError = e.message;
  }
  const key = `${p.name}@${p.version}`;
  if (!ok) {
    if (EXCEPTIONS[key]) accepted.push(`${key} (${p.licence}): ${EXCEPTIONS[key]}`);
    else {
      const why = p.parseError
        ? `unparseable licence "${p.licence}"`
        : p.licence === 'UNKNOWN'
          ? 'no licence found'
          : DENIED.has(normaliseId(p.licence))
            ? `"${p.licence}" is incompatible with AGPL-3.0-or-later`
            : `"${p.licence}" is not in the allow-list`;
      bad.push(`${key}: ${why} (${p.path || 'not installed'}, via ${p.via})`);
    }
  }
  // Cross-check the declared licence against the licence file, where both exist.
  if (p.installed && p.from === 'package.json') {
    const guessed = guessFromText(licenceFileText(join(root, p.path)));
    if (guessed && /GPL|SSPL/.test(guessed) && !/GPL|SSPL/.test(p.licence)) {
      warnings.push(`${key}: package.json says "${p.licence}" but its licence file looks like ${guessed}`);
    }
  }
  for (const [prefix, why] of Object.entries(REVIEW)) {
    if (p.name.startsWith(prefix) && p.installed) warnings.push(`review: ${key}: ${why}`);
  }
  if (p.from === 'LICENSE file') {
    warnings.push(`${key}: no licence field; "${p.licence}" taken from ${p.from}`);
  }
}

if (rootPkg.license !== 'AGPL-3.0-or-later') warnings.push(`package.json "license" is ${JSON.stringify(rootPkg.license)}, expected "AGPL-3.0-or-later"`);

if (args.has('--json')) {
  console.log(
    JSON.stringify(
      list.map(({ name, version, licence, repository, installed }) => ({ name, version, licence, repository, installed })),
      null,
      2,
    ),
  );
} else {
  if (args.has('--list')) {
    const w = Math.max(...list.map((p) => `${p.name}@${p.version}`.length));
    const lw = Math.max(...list.map((p) => p.licence.length));
    for (const p of list) {
      const note = p.installed ? '' : ' [optional, other platforms]';
      console.log(`${`${p.name}@${p.version}`.padEnd(w)}  ${p.licence.padEnd(lw)}  ${p.repository}${note}`.trimEnd());
    }
    console.log('');
  }
  const counts = {};
  for (const p of list) counts[p.licence] = (counts[p.licence] ?? 0) + 1;
  console.log(
    `Production dependency tree: ${list.length} packages (${list.filter((p) => p.installed).length} installed here, ${list.filter((p) => !p.installed).length} optional for other platforms).`,
  );
  console.log(
    `Licences: ${Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}`,
  );
  for (const w of warnings) console.log(w.startsWith('review: ') ? w : `warning: ${w}`);
  for (const a of accepted) console.log(`accepted exception: ${a}`);
  for (const p of problems) console.log(`problem: ${p}`);
  for (const b of bad) console.log(`NOT ALLOWED: ${b}`);
}

if (bad.length || problems.length) {
  console.error(
    `check-licences: ${bad.length} package(s) with a licence not compatible with AGPL-3.0-or-later or unknown; ${problems.length} other problem(s).`,
  );
  process.exit(1);
}
if (!args.has('--json')) {
  const reviews = warnings.filter((w) => w.startsWith('review: ')).length;
  console.log(
    `check-licences: the declared licences of all ${list.length} production packages are compatible with AGPL-3.0-or-later` +
      (reviews ? `; ${reviews} item(s) marked "review" above need a human decision.` : '.'),
  );
}
