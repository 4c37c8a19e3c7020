/**
 * The one way to build a request path from a route-table entry: every `:name` segment is filled from
 * `params` and URL-encoded, and a missing parameter throws instead of sending `/activities/undefined`.
 * `apiPath(ENROLMENT_ROUTES.adminCompanySite, { id: 3, siteId: 9 })` → `/admin/companies/3/sites/9`.
 */
export type PathParamNames<T extends string> = T extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : T extends `${string}:${infer Name}`
    ? Name
    : never;

/** The arguments after the template: none for a fixed path, its named parameters otherwise. */
export type PathArgs<T extends string> = string extends T
  ? [params?: Record<string, string | number>]
  : [PathParamNames<T>] extends [never]
    ? []
    : [params: Record<PathParamNames<T>, string | number>];

const SEGMENT = /:([A-Za-z][A-Za-z0-9]*)/g;

export function apiPath<T extends string>(template: T, ...args: PathArgs<T>): string {
  const values: Record<string, string | number | undefined> = args[0] ?? {};
  return template.replace(SEGMENT, (_, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (value === undefined || value === null || String(value) === '')
      throw new Error(`apiPath: ${template} needs :${name}`);
    return encodeURIComponent(String(value));
  });
}
