// CPU time Material's search worker takes to build the lunr index from a built site's index, under Node: the
// part of search's first answer that the index's shape decides, measured steadily on a shared machine (CPU time
// of one process, not wall time; scripts/search_speed.py times the whole thing in chromium, noisily).
// Each build runs in a fresh process, as a phone opening search builds it once, cold.
// Usage: node scripts/search_index_cpu.js SITE [RUNS]   (prints the median and every run, per language)
"use strict";
const fs = require("fs"), path = require("path"), vm = require("vm"), { execFileSync } = require("child_process");

function buildOnce(site, lang) {
  const workers = path.join(site, "assets", "javascripts", "workers");
  const worker = fs.readdirSync(workers).find(name => /^search\..*\.min\.js$/.test(name));
  const index = JSON.parse(fs.readFileSync(path.join(site, lang === "es" ? "" : lang, "search", "search_index.json"), "utf8"));
  let handler;
  const scope = { console: { ...console, warn() {} }, performance, setTimeout, Promise };
  scope.self = scope;
  scope.addEventListener = (type, fn) => { handler = fn; };
  scope.postMessage = () => {};
  scope.importScripts = (...urls) => urls.forEach(url => vm.runInContext(fs.readFileSync(path.join(workers, url), "utf8"), scope));
  vm.createContext(scope);
  vm.runInContext(fs.readFileSync(path.join(workers, worker), "utf8"), scope);
  const start = process.cpuUsage();
  return handler({ data: { type: 0, data: { ...index, options: { suggest: false } } } }).then(() => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  });
}

const [site, runs = "5", child] = process.argv.slice(2);
if (child) {
  buildOnce(site, child).then(ms => process.stdout.write(String(ms)));
} else {
  for (const lang of ["es", "en"]) {
    const times = [];
    for (let i = 0; i < +runs; i++)
      times.push(+execFileSync(process.execPath, [__filename, site, runs, lang], { encoding: "utf8" }));
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`${lang}: ${sorted[sorted.length >> 1].toFixed(0)} ms CPU (median of ${runs}; ${times.map(t => t.toFixed(0)).join(" ")})`);
  }
}
