// `npm run dev`: the service on embedded storage (Azurite under DATA_DIR, .data/ by default) in
// local mode, and the Microsoft 365 Agents Playground as the Teams client, with a mock team.
import { spawn, execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const port = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
execFileSync(process.execPath, [join(root, 'scripts/ensure-build.mjs')], { stdio: 'inherit' });

const children = [];
const start = (name, args, env, stdout = 'inherit') => {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'inherit'] });
  child.on('exit', (code) => {
    children.splice(children.indexOf(child), 1);
    if (!stopping) {
      process.stderr.write(`${name} exited (${code}); stopping.\n`);
      stop(code ?? 1);
    } else if (children.length === 0) process.exit(exitCode);
  });
  children.push(child);
  return child;
};

// Stopping waits for the service to drain and its Azurite to save, so that the data folder is
// free when the prompt returns (a `npm run demo` straight after must not find it still in use).
let stopping = false;
let exitCode = 0;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  if (children.length === 0) process.exit(code);
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 20_000).unref();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

// DATA_DIR passes through from the environment, as for `npm start` and `npm run demo`.
process.stderr.write(`Data folder: ${process.env.DATA_DIR?.trim() || '.data'} (DATA_DIR)\n`);
start('Practice Audit', [join(root, 'dist/bot/index.js')], { PORT: port, HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' });

// The Playground waits for the bot on first load, so start it once the service answers.
const healthz = `http://127.0.0.1:${port}/healthz`;
for (let attempt = 0; ; attempt += 1) {
  try {
    if ((await fetch(healthz)).ok) break;
  } catch {
    // not up yet
  }
  if (attempt > 100) {
    process.stderr.write('The service did not start; see its output above.\n');
    stop(1);
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
if (!stopping) {
  const playground = start('Agents Playground', [
    join(root, 'node_modules/@microsoft/m365agentsplayground/cli.js'), 'start',
    '-e', `http://127.0.0.1:${port}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', playgroundPort,
  ], { TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none' }, 'pipe');
  // The Playground takes another port, silently, when PLAYGROUND_PORT is busy: name the one it took.
  let banner = false;
  playground.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const listening = /Listening on (\d+)/.exec(String(chunk));
    if (banner || !listening) return;
    banner = true;
    const moved = listening[1] === playgroundPort ? '' : ` (port ${playgroundPort} was busy: set PLAYGROUND_PORT to choose)`;
    process.stderr.write(`\nOpen http://localhost:${listening[1]} for the Agents Playground${moved} (mock team in .m365agentsplayground.yml).\n` +
      'In the channel "Practice audit", type @ and pick Practice Audit from the list (typed as plain text it is\n' +
      'not a mention, and the bot never sees the post), then write start and post it, and press Open the round\n' +
      'on the card that asks when the round closes. Ctrl+C stops both.\n\n');
  });
}
