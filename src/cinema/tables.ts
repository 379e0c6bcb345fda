/** Row types of the cinema domain's tables (filled in by the domain's migration). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CinemaTables {}
