// pnpm --filter @netx/reliability run doc: rewrites the fault-matrix section of
// RELIABILITY.md from src/matrix.ts and known-failures.json (test/doc.test.ts
// fails while the file is not current).
import { renderMatrix, updateDoc } from './doc.js';
import { knownFailures } from './known-failures.js';

updateDoc('matrix', renderMatrix(knownFailures()));
console.log('RELIABILITY.md: fault matrix section written.');
