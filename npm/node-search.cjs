// helpdesk-ai/search for Node.js, CommonJS: KnowledgeBase on the full module's SearchEngine.
'use strict';
const { KnowledgeBase, HelpdeskError, VERDICTS } = require('./node.cjs');

module.exports = { KnowledgeBase, HelpdeskError, VERDICTS };
