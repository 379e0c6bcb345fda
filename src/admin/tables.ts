/** Row types of the dashboard's tables (users, sessions, exports). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AdminTables {}
