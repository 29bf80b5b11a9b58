import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../bot/shared/projectRoot';
import { compromiseCues } from './installed';

/**
 * `node dist/tools/taggerCues/cli.js`: writes bot/domain/safeguarding/taggerCues.generated.ts from
 * the installed compromise (after upgrading it, when tests/domain/safeguarding/taggerCues.spec.ts says so).
 */
const { source } = compromiseCues();
const file = join(projectRoot(), 'bot/domain/safeguarding/taggerCues.generated.ts');
writeFileSync(file, source);
process.stdout.write(`Wrote ${file}\n`);
