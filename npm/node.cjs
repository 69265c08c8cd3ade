// helpdesk-ai for Node.js (≥ 18), CommonJS: the full wasm is loaded when this module is required.
// KnowledgeBase runs on the full module's SearchEngine here: no second wasm in Node.
'use strict';
const { Engine, SearchEngine } = require('./wasm/helpdesk_ai.cjs');
const core = require('./core.cjs');

const classes = { Engine, SearchEngine };
core._configure({ full: { classes, load: async () => classes, loadSync: () => classes } });

module.exports = {
  KnowledgeBase: core.KnowledgeBase,
  Engine: core.Engine,
  HelpdeskError: core.HelpdeskError,
  VERDICTS: core.VERDICTS,
  LABELS: core.LABELS,
  init: core.init,
  initSync: core.initSync,
  isReady: core.isReady,
};
