// `npm run demo`: the app with a ready session in which simulated participants join, are grouped and write
// answers over about two minutes, so a newcomer sees the whole flow alone in one browser.
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../server/app.js';
import { openSqliteStore } from '../server/store/sqlite-store.js';
import { TestClient, createSession, facilitatorClient } from '../tests/support/clients.js';

const PEOPLE = [
  ['Anna', 'Ashoka', 'Belgium'],
  ['Bram', 'Sociale Firma', 'Netherlands'],
  ['Chloé', 'ENSIE', 'France'],
  ['Dorte', 'Socialt Entreprenørskab', 'Denmark'],
  ['Emil', 'RREUSE', 'Denmark'],
  ['Fleur', 'Ashoka', 'Belgium'],
  ['Giulia', 'Legacoop', 'Italy'],
  ['Hans', 'BAG', 'Germany'],
  ['Iris', 'Sociale Firma', 'Netherlands'],
  ['Jonas', 'ENSIE', 'Lithuania'],
  ['Katarzyna', 'FISE', 'Poland'],
  ['Luís', 'CASES', 'Portugal'],
];
/** Ideas per prompt (why / how / what), written so that several groups raise the same themes in their own words. */
const IDEAS = [
  [
    'Speak with one voice towards policy makers',
    'Be visible: people do not know what a social enterprise is',
    'Support members when they struggle',
    'Lobby for our shared interests',
    'Recognition by the authorities',
    'Share know-how and expertise between members',
    'Defend common interests, alone we are too small',
    'Learn from each other’s methods',
  ],
  [
    'Coaching and practical support for members',
    'Help members find funding and loans',
    'Spread good practices between countries',
    'Informal meetings to connect members',
    'Link members to banks and investors',
    'Study visits to see good examples',
    'Network events where people meet',
    'Advice on legal and HR questions',
  ],
  [
    'Raise awareness of the challenges of the sector',
    'Give members a seat where decisions are made',
    'Empower members and make them more visible',
    'Campaigns to explain what we do',
    'Influence policy decisions early',
    'Build solutions for vulnerable people',
    'Strengthen members’ confidence',
    'Inform the public about the sector',
  ],
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  if (!existsSync('client/dist/index.html')) execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'plive-demo-'));
  const app = createApp({ store: await openSqliteStore({ dataDir }), config: { ALLOWED_ORIGINS: [], TRUST_PROXY: false, LOG_LEVEL: 'error' } });
  const url = await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
  const s = await createSession(url, { template: 'core-drives', language: 'en' });
  console.log(`\nDemo running at ${url}\n`);
  console.log(`  Facilitator console: ${s.facilitatorUrl}`);
  console.log(`  Projector:           ${s.facilitatorUrl.replace('/facilitate/', '/projector/')}`);
  console.log(`  Join as yourself:    ${s.participantUrl}\n`);
  console.log('Twelve simulated participants join now, then groups are formed and a 2-minute round starts. Ctrl-C to stop.\n');
  const fac = await facilitatorClient(url, s);
  const people: TestClient[] = [];
  for (const [name, organisation, country] of PEOPLE) {
    const c = await new TestClient(url).connected();
    await c.join(s.joinCode, { name, organisation, country });
    people.push(c);
    await sleep(700);
  }
  await fac.ok('groups.form', { mode: 'mixed', sizing: { by: 'size', size: 3 } });
  await fac.ok('round.start', { durationSeconds: 120 });
  await fac.ok('broadcast.send', { message: 'Welcome! Start with “Why a network?”' });
  const prompts = fac.view!.prompts.map((p) => p.id);
  // About one answer every two seconds for the two minutes: each person writes on every prompt in turn, never
  // repeating what someone in their group already wrote there.
  const written = new Set<string>();
  for (let k = 0; k < 60; k++) {
    const prompt = Math.floor(k / 20) % prompts.length;
    const who = people[k % people.length];
    const group = fac.view!.participants[who.participantId!]?.groupId;
    const ideas = IDEAS[prompt];
    let i = (k * 5) % ideas.length;
    for (let tries = 0; tries < ideas.length && written.has(`${group}:${prompt}:${i}`); tries++) i = (i + 1) % ideas.length;
    written.add(`${group}:${prompt}:${i}`);
    await who.command('answer.add', { promptId: prompts[prompt], text: ideas[i] }).catch(() => undefined);
    await sleep(1900);
  }
  await fac.ok('round.end').catch(() => undefined);
  await fac.command('synthesis.publish', { published: true });
  console.log('The round is over: the synthesis is published. The app keeps running until Ctrl-C.');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
