import { shuffle } from './random.js';

export interface GroupingPerson {
  id: string;
  organisation?: string | null;
  country?: string | null;
}
export type GroupingMode = 'random' | 'mixed' | 'new-faces';
export type GroupSizing = { by: 'count'; count: number } | { by: 'size'; size: number };
export interface GroupingInput {
  people: GroupingPerson[];
  mode: GroupingMode;
  sizing: GroupSizing;
  /** Earlier splits, as lists of person ids per group; 'new-faces' avoids repeating their pairs. */
  history?: string[][][];
  random: () => number;
}

/**
 * How mixing is scored (lower is better), per pair of people in the same group:
 * - same organisation: 10 — meeting other organisations is the point of peer learning, and colleagues
 *   already know each other's answers;
 * - same country or region: 3 — transnational exchange matters, but many rooms are mostly one country,
 *   so it must never outweigh splitting an organisation;
 * - already shared a group in an earlier round ('new faces' only): 5 — between the two: a repeat pair is a
 *   missed chance to meet someone new, but less so than two colleagues together.
 * Unknown organisation or country never counts as equal to anything.
 */
export const WEIGHTS = { organisation: 10, country: 3, repeat: 5 } as const;

export function groupCountFor(people: number, sizing: GroupSizing): number {
  if (people <= 0) return 0;
  const wanted = sizing.by === 'count' ? sizing.count : Math.round(people / Math.max(1, sizing.size));
  return Math.min(people, Math.max(1, wanted));
}

export function smallestGroup(groups: { id: string; memberIds: string[] }[]): string | null {
  let best: { id: string; memberIds: string[] } | null = null;
  for (const g of groups) if (!best || g.memberIds.length < best.memberIds.length) best = g;
  return best?.id ?? null;
}

export function assignGroups(input: GroupingInput): string[][] {
  const { people, random } = input;
  const count = groupCountFor(people.length, input.sizing);
  if (count === 0) return [];
  const capacities = sizesFor(people.length, count);
  if (input.mode === 'random') return dealRoundRobin(shuffle(people, random), count).map((g) => g.map((p) => p.id));
  const cost = pairCost(input.mode === 'new-faces' ? repeatPairs(input.history ?? []) : new Set());
  const groups = greedy(people, capacities, cost, random);
  improveBySwaps(groups, cost, random);
  return groups.map((g) => g.map((p) => p.id));
}

export function mixingScore(groups: string[][], people: GroupingPerson[], history: string[][][] = []) {
  const byId = new Map(people.map((p) => [p.id, p]));
  const repeats = repeatPairs(history);
  let sameOrganisationPairs = 0;
  let sameCountryPairs = 0;
  let repeatPairCount = 0;
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        const a = byId.get(g[i]);
        const b = byId.get(g[j]);
        if (!a || !b) continue;
        if (same(a.organisation, b.organisation)) sameOrganisationPairs++;
        if (same(a.country, b.country)) sameCountryPairs++;
        if (repeats.has(pairKey(a.id, b.id))) repeatPairCount++;
      }
    }
  }
  const penalty = sameOrganisationPairs * WEIGHTS.organisation + sameCountryPairs * WEIGHTS.country + repeatPairCount * WEIGHTS.repeat;
  return { sameOrganisationPairs, sameCountryPairs, repeatPairs: repeatPairCount, penalty };
}

/** Sizes that differ by at most one: the first `n % count` groups get the extra person. */
function sizesFor(n: number, count: number): number[] {
  const base = Math.floor(n / count);
  return Array.from({ length: count }, (_, i) => base + (i < n % count ? 1 : 0));
}

function dealRoundRobin<T>(items: T[], count: number): T[][] {
  const groups: T[][] = Array.from({ length: count }, () => []);
  items.forEach((item, i) => groups[i % count].push(item));
  return groups;
}

const norm = (v: string | null | undefined) => (v ?? '').trim().toLowerCase();
const same = (a: string | null | undefined, b: string | null | undefined) => norm(a) !== '' && norm(a) === norm(b);
const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

function repeatPairs(history: string[][][]): Set<string> {
  const pairs = new Set<string>();
  for (const split of history) {
    for (const g of split) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) pairs.add(pairKey(g[i], g[j]));
  }
  return pairs;
}

type Cost = (a: GroupingPerson, b: GroupingPerson) => number;

function pairCost(repeats: Set<string>): Cost {
  return (a, b) =>
    (same(a.organisation, b.organisation) ? WEIGHTS.organisation : 0) +
    (same(a.country, b.country) ? WEIGHTS.country : 0) +
    (repeats.size && repeats.has(pairKey(a.id, b.id)) ? WEIGHTS.repeat : 0);
}

const costWith = (p: GroupingPerson, group: GroupingPerson[], cost: Cost, except?: GroupingPerson) =>
  group.reduce((sum, q) => (q === except || q === p ? sum : sum + cost(p, q)), 0);

/**
 * People of the largest organisations first (they are the hardest to spread), each into the group with room
 * where they add the least penalty; ties go to the emptier group, then at random.
 */
function greedy(people: GroupingPerson[], capacities: number[], cost: Cost, random: () => number): GroupingPerson[][] {
  const orgSize = new Map<string, number>();
  for (const p of people) if (norm(p.organisation)) orgSize.set(norm(p.organisation), (orgSize.get(norm(p.organisation)) ?? 0) + 1);
  const order = shuffle(people, random).sort((a, b) => (orgSize.get(norm(b.organisation)) ?? 0) - (orgSize.get(norm(a.organisation)) ?? 0));
  const groups: GroupingPerson[][] = capacities.map(() => []);
  for (const p of order) {
    let best = -1;
    let bestCost = Infinity;
    let bestTie = Infinity;
    for (let g = 0; g < groups.length; g++) {
      if (groups[g].length >= capacities[g]) continue;
      const c = costWith(p, groups[g], cost);
      const tie = groups[g].length + random() * 0.5;
      if (c < bestCost || (c === bestCost && tie < bestTie)) {
        best = g;
        bestCost = c;
        bestTie = tie;
      }
    }
    groups[best].push(p);
  }
  return groups;
}

/**
 * Local search: swap two people of different groups whenever that lowers the total penalty. Sizes never
 * change. Each person tries a bounded sample of partners per pass, so 1,000 people stay fast.
 */
function improveBySwaps(groups: GroupingPerson[][], cost: Cost, random: () => number): void {
  const where = new Map<GroupingPerson, number>();
  groups.forEach((g, i) => g.forEach((p) => where.set(p, i)));
  const everyone = groups.flat();
  const samples = Math.min(everyone.length, 40);
  for (let pass = 0; pass < 8; pass++) {
    let improved = false;
    for (const p of everyone) {
      for (let k = 0; k < samples; k++) {
        const q = everyone.length <= samples ? everyone[k] : everyone[Math.floor(random() * everyone.length)];
        const gp = where.get(p)!;
        const gq = where.get(q)!;
        if (gp === gq) continue;
        const before = costWith(p, groups[gp], cost) + costWith(q, groups[gq], cost);
        const after = costWith(p, groups[gq], cost, q) + costWith(q, groups[gp], cost, p);
        if (after < before) {
          groups[gp][groups[gp].indexOf(p)] = q;
          groups[gq][groups[gq].indexOf(q)] = p;
          where.set(p, gq);
          where.set(q, gp);
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
}
