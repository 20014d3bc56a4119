/** Components read the database through live queries; re-exported so only app/db imports Dexie. */
export { useLiveQuery } from 'dexie-react-hooks';
