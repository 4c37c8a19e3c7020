import { Column, type ColumnOptions } from 'typeorm';

/**
 * Portable column shapes (docs/adr/0001: the subset that behaves the same on MySQL and the embedded
 * database). Dates keep milliseconds and are always set in code, never by a database default.
 */
export function DateTimeColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'datetime', precision: 3, ...options });
}

export function JsonColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'simple-json', ...options });
}
