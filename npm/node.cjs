// helpdesk-ai for Node.js (≥ 18), CommonJS: the wasm is loaded when this module is required.
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { Engine: Raw } = require('./wasm/helpdesk_ai.cjs');
const core = require('./core.cjs');

core._configure({
  Raw,
  load: async () => Raw,
  loadSync: () => Raw,
  defaultArticles: () => JSON.parse(readFileSync(path.join(__dirname, 'articles.json'), 'utf8')),
});

module.exports = {
  Engine: core.Engine,
  HelpdeskError: core.HelpdeskError,
  VERDICTS: core.VERDICTS,
  LABELS: core.LABELS,
  init: core.init,
  initSync: core.initSync,
  isReady: core.isReady,
};
