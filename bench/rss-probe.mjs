// Preloaded into the measured `talentrisk` process by bench/run.js (`node --import`): on exit it
// writes the process's own peak resident set size (getrusage RUSAGE_SELF, in KiB; the git child
// processes are not included) to the file named by TALENTRISK_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.TALENTRISK_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
