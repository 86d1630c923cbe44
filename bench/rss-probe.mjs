// Preloaded into the measured `talentrisk` process by bench/run.js (`node --import`): on exit it
// writes the process's own peak resident set size (getrusage RUSAGE_SELF, in KiB; the git child
// processes are not included) and its own CPU time, as JSON, to the file named by
// TALENTRISK_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.TALENTRISK_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, userSeconds: usage.userCPUTime / 1e6, systemSeconds: usage.systemCPUTime / 1e6 }));
  });
}
