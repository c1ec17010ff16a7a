/** Child process for read-only.test.ts: runs the probe on `<dataDir> <learnerId>` and prints its report as JSON. */
import { probeReadOnly } from './read-only-probe';

const [dataDir, learnerId] = process.argv.slice(2);
if (!dataDir || !learnerId) throw new Error('usage: read-only-child <dataDir> <learnerId>');
process.stdout.write(JSON.stringify(await probeReadOnly(dataDir, learnerId)));
