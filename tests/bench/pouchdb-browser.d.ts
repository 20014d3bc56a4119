/** The little of pouchdb-browser the sync comparison uses (the package ships no types). */
declare module 'pouchdb-browser' {
  interface PouchDatabase {
    bulkDocs(docs: object[]): Promise<unknown[]>;
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<void>;
  }
  interface PouchStatic {
    new (name: string, opts?: object): PouchDatabase;
    replicate(
      source: PouchDatabase | string,
      target: PouchDatabase | string,
      opts?: object,
    ): Promise<{ docs_written: number; ok: boolean }>;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
