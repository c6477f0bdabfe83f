/**
 * The rules engine (issue #3): the service terms of the five seeds as pure functions. No I/O and
 * no clock — the caller passes "today". Each rule cites its seed file and article; the choices
 * made where the terms are silent are in docs/rules.md.
 */
export * from './dates';
export * from './holidays';
export * from './calendar';
export * from './contracts';
export * from './cancellation';
export * from './sla';
export * from './eligibility';
