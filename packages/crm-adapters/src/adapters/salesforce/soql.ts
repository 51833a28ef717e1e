/** A SOQL string literal: quotes and backslashes escaped, so input cannot change the query. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
