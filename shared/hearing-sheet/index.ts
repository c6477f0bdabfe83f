/**
 * The hearing sheet (ヒアリングシート, 002 別紙3 1(2)): its template schema, what a sheet shows and
 * needs, prefills, the caller check and the knowledge-base suggestions. Pure: no I/O, no clock.
 */
export * from './schema';
export * from './logic';
export * from './parse';
export * from './prefill';
export * from './caller';
export * from './suggest';
export * from './shipped';
export * from './exchange';
export * from './render';
export * from './json-lines';
export * from './reception';
