// Wording of the coverage status-bar item. Kept apart from the item itself so that the exact
// text, which users learn to read at a glance, is pinned by unit tests.
import type { Coverage } from './serverApi';

export interface StatusText {
  text: string;
  tooltip: string;
}

/** Returns undefined for a file that is not a design doc: the item is then hidden, not emptied. */
export function coverageStatus(coverage: Coverage): StatusText | undefined {
  if (!coverage.designDoc) {
    return undefined;
  }
  const { covered, total, coreCovered, coreTotal, missing } = coverage;
  const lines = [
    `Design doc coverage: ${covered} of ${total} ${plural(total, 'concern')}, ${coreCovered} of ${coreTotal} core.`,
    missing.length === 0 ? 'Nothing missing.' : `Missing: ${missing.join(', ')}.`,
    'Click for the scorecard.',
  ];
  return {
    text: `Design ${covered}/${total} · core ${coreCovered}/${coreTotal}`,
    tooltip: lines.join('\n'),
  };
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
