import { readFileSync } from 'node:fs';

/**
 * Where a CPU profile's time went: `node dist/bench/profileSummary.js FILE.cpuprofile`
 * (as written by `npm run bench -- --cpu-prof`). Prints time by the package (or part of
 * bot/) that caused it, i.e. the nearest such frame up the stack, so Node's own http and
 * socket work is charged to its caller; then self time by area, and the top functions.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  const own = url.match(/dist\/((?:bot|bench)\/[^/]+(?:\/[^/.]+)?)/);
  if (own) return own[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return url;
}

/** A package or a part of bot/ (bench/ included), as opposed to Node itself or V8. */
const isOwned = (area: string) => !area.startsWith('node:') && !area.startsWith('(');

function summarise(path: string, top: number): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const causeOf = (id: number): string => {
    const own = byId.get(id)!.callFrame;
    if (own.functionName === '(garbage collector)' || own.functionName === '(program)') return own.functionName;
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const { url, functionName } = byId.get(at)!.callFrame;
      const area = areaOf(url, functionName);
      if (isOwned(area)) return area;
    }
    return '(node core, no package on the stack)';
  };
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((a, [, us]) => a + us, 0);

  const causes = new Map<string, number>();
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    const cause = causeOf(id);
    causes.set(cause, (causes.get(cause) ?? 0) + us);
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const name = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const busy = total - idle;
  const pct = (us: number) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `  ${pct(us)}  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  return [
    `${path}: ${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy (percentages are of busy time)`,
    'Time by the package or part of bot/ that caused it (nearest on the stack):',
    ...list(causes),
    'Self time by area:',
    ...list(areas),
    'Top functions by self time:',
    ...list(functions),
  ].join('\n');
}

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  process.stderr.write('usage: node dist/bench/profileSummary.js FILE.cpuprofile [--top=25]\n');
  process.exit(2);
}
const top = Number(process.argv.find((a) => a.startsWith('--top='))?.split('=')[1] ?? 25);
for (const file of files) process.stdout.write(`${summarise(file, top)}\n\n`);
