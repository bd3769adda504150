import { sql as initialSchema } from './0001-initial-schema';
import { sql as scoreCache } from './0002-score-cache';
import { sql as notePagingAndSearchIndexes } from './0003-note-paging-and-search-indexes';
import { sql as rescoreMarks } from './0004-rescore-marks';
import { sql as syncScopeColumns } from './0005-sync-scope-columns';
import { sql as deferredNoteIndexing } from './0006-deferred-note-indexing';
import { sql as scoreHistory } from './0007-score-history';
import { sql as csmSentimentAndTouchpointContact } from './0008-csm-sentiment-and-touchpoint-contact';
import { sql as touchpointCompletionIndex } from './0009-touchpoint-completion-index';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Ordered, append-only. A new migration gets the next number and is added at the end. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-initial-schema', sql: initialSchema },
  { version: 2, name: '0002-score-cache', sql: scoreCache },
  { version: 3, name: '0003-note-paging-and-search-indexes', sql: notePagingAndSearchIndexes },
  { version: 4, name: '0004-rescore-marks', sql: rescoreMarks },
  { version: 5, name: '0005-sync-scope-columns', sql: syncScopeColumns },
  { version: 6, name: '0006-deferred-note-indexing', sql: deferredNoteIndexing },
  { version: 7, name: '0007-score-history', sql: scoreHistory },
  { version: 8, name: '0008-csm-sentiment-and-touchpoint-contact', sql: csmSentimentAndTouchpointContact },
  { version: 9, name: '0009-touchpoint-completion-index', sql: touchpointCompletionIndex },
];
