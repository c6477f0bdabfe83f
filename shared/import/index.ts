/** SOC Desk's versioned alert import format: schemas, normalisation, CSV mapping and readers. */
export * from './format';
export * from './normalize';
export { parseImportInstant } from './instant';
export * from './csv-parse';
export * from './csv-map';
export * from './json-lines';
