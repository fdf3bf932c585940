// Runs the CLI in this process and reports its peak memory: `node bench/measure.mjs <args…>`.
process.argv = [process.argv[0], 'vneid-print', ...process.argv.slice(2)];
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\n@@peak ${JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })}\n`);
});
await import('../dist/cli/main.js');
