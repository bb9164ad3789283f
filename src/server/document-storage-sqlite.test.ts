// @vitest-environment node
/** The document storage suite on the embedded default: rows in SQLite, bytes in files beside it. */
import { sqliteStore } from "./db/sqlite/database";
import { Documents } from "./documents/documents";
import { documentStorageSuite } from "./documents/document-storage-suite";
import { tempDatabase } from "./test-support";

documentStorageSuite("SQLite and files beside it", async () => {
  const temp = tempDatabase("hemgenix-doc-suite-");
  const store = sqliteStore(temp.file);
  const documents = Documents.besideDatabase(temp.file);
  await documents.start();
  return {
    store,
    documents,
    close: async () => {
      await documents.close();
      await store.close();
      temp.remove();
    },
  };
});
