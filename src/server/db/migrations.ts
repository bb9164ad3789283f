/**
 * Versioned schema migrations, applied in order at start-up inside one transaction each. Never
 * edit a released migration: add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "practices, users, sessions",
    sql: `
      CREATE TABLE practices (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      );
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('staff', 'reviewer', 'admin')),
        practice_id INTEGER REFERENCES practices (id),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (role <> 'staff' OR practice_id IS NOT NULL)
      );
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);
    `,
  },
  {
    version: 2,
    name: "drafts, requests, versions, decisions, audit",
    sql: `
      CREATE TABLE drafts (
        user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        content TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        practice_id INTEGER NOT NULL REFERENCES practices (id),
        submitted_by INTEGER NOT NULL REFERENCES users (id),
        idempotency_key TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('submitted', 'in_review', 'more_info_requested', 'approved', 'denied')),
        expedited INTEGER NOT NULL CHECK (expedited IN (0, 1)),
        member_id TEXT,
        member_name TEXT,
        outcome TEXT NOT NULL,
        received_at TEXT NOT NULL,
        due_at TEXT NOT NULL,
        current_version INTEGER NOT NULL,
        row_version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (submitted_by, idempotency_key)
      );
      CREATE INDEX requests_practice ON requests (practice_id, received_at);
      CREATE INDEX requests_status_received ON requests (status, received_at);
      CREATE INDEX requests_status_due ON requests (status, due_at);
      CREATE INDEX requests_received ON requests (received_at);
      CREATE INDEX requests_due ON requests (due_at);
      CREATE INDEX requests_member ON requests (member_id);
      CREATE TABLE request_versions (
        request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        document TEXT NOT NULL,
        evaluation TEXT NOT NULL,
        submitted_by INTEGER NOT NULL REFERENCES users (id),
        submitted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, version)
      );
      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('approve', 'deny', 'request_info')),
        criteria TEXT NOT NULL DEFAULT '[]',
        message TEXT NOT NULL DEFAULT '',
        decided_by INTEGER NOT NULL REFERENCES users (id),
        decided_at TEXT NOT NULL,
        authorized_from TEXT,
        authorized_through TEXT
      );
      CREATE INDEX decisions_request ON decisions (request_id);
      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY,
        request_id INTEGER REFERENCES requests (id) ON DELETE CASCADE,
        user_id INTEGER REFERENCES users (id),
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
      );
      CREATE INDEX audit_request ON audit_events (request_id, id);
    `,
  },
  {
    version: 3,
    name: "accounts can be deactivated",
    // Accounts are never deleted: their requests, decisions and audit events keep pointing at them.
    sql: `ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));`,
  },
  {
    version: 4,
    name: "queue indexes for keyset pages and counts under filters",
    // The queue walks pages by (sort key, id) and counts matches per filter. In SQLite every index
    // ends with the rowid (id), so (…, received_at) orders as (…, received_at, id). These cover
    // staff (their practice) filtered by status or outcome, and the outcome filter alone or with a status.
    sql: `
      CREATE INDEX requests_practice_status_received ON requests (practice_id, status, received_at);
      CREATE INDEX requests_practice_outcome_received ON requests (practice_id, outcome, received_at);
      CREATE INDEX requests_outcome_received ON requests (outcome, received_at);
      CREATE INDEX requests_status_outcome_received ON requests (status, outcome, received_at);
    `,
  },
  {
    version: 5,
    name: "audit events about an account",
    // An account's history (added, changed, signed in) is read by the account, newest first.
    sql: `
      ALTER TABLE audit_events ADD COLUMN account_id INTEGER REFERENCES users (id);
      CREATE INDEX audit_account ON audit_events (account_id, id);
    `,
  },
  {
    version: 6,
    name: "account row versions",
    // Two admins changing one account at once: the second change is refused, never merged.
    sql: `ALTER TABLE users ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;`,
  },
  {
    version: 7,
    name: "audit events about a practice",
    // A practice's history (added, renamed) is read by the practice, newest first. Events recorded
    // before this named the practice only in their detail ("practice 3"): they are linked too.
    sql: `
      ALTER TABLE audit_events ADD COLUMN practice_id INTEGER REFERENCES practices (id);
      CREATE INDEX audit_practice ON audit_events (practice_id, id);
      UPDATE audit_events SET practice_id = CAST(substr(detail, 10) AS INTEGER)
        WHERE request_id IS NULL AND account_id IS NULL AND action IN ('practice added', 'practice renamed')
        AND detail GLOB 'practice [1-9]*' AND CAST(substr(detail, 10) AS INTEGER) IN (SELECT id FROM practices);
    `,
  },
  {
    version: 8,
    name: "drafts know what they are: a stamp per save, and the request an amendment is for",
    // The stamp lets a browser tell its own save from a different draft (another computer's); the
    // amended request's reference lets an amendment end its draft, and never be offered as a new request.
    sql: `
      ALTER TABLE drafts ADD COLUMN stamp TEXT NOT NULL DEFAULT '';
      ALTER TABLE drafts ADD COLUMN amends_reference TEXT;
      ALTER TABLE drafts ADD COLUMN amends_row_version INTEGER;
      CREATE INDEX requests_practice_member_status ON requests (practice_id, member_id, status);
    `,
  },
  {
    version: 9,
    name: "member checks through an index: a member's open request, and approvals across practices",
    // The submit's open-request check and the approval's "given once" check compare member IDs
    // without case or spaces (UPPER(TRIM(member_id))); without an index on that expression each
    // read every request of the practice (or all of them), 50,000 rows at the benchmark's size.
    // ANALYZE lets the planner prefer them over the practice's received-date index.
    sql: `
      CREATE INDEX requests_practice_member_norm ON requests (practice_id, UPPER(TRIM(member_id)));
      CREATE INDEX requests_member_norm ON requests (UPPER(TRIM(member_id)));
      ANALYZE;
    `,
  },
  {
    version: 10,
    name: "supporting documents: drafts' and requests', the documents each version carried, bytes to remove",
    // A document is in one staff member's draft (draft_user_id) or filed with a request (request_id),
    // never both. Rows point at their bytes by storage_key; deleting a row queues its bytes in
    // document_trash in the same transaction, so bytes go only once no row needs them. A filed
    // document is never deleted or changed; when a draft ends (filed, discarded) or its owner moves
    // to another practice or is deactivated, the documents still in it end with it.
    sql: `
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        public_id TEXT NOT NULL UNIQUE,
        storage_key TEXT NOT NULL UNIQUE,
        rendition_key TEXT UNIQUE,
        practice_id INTEGER NOT NULL REFERENCES practices (id),
        uploaded_by INTEGER NOT NULL REFERENCES users (id),
        draft_user_id INTEGER REFERENCES users (id),
        amends_reference TEXT,
        request_id INTEGER REFERENCES requests (id),
        first_version INTEGER,
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg', 'image/tiff')),
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL,
        pages INTEGER NOT NULL CHECK (pages > 0),
        items TEXT NOT NULL,
        uploaded_at TEXT NOT NULL,
        CHECK ((draft_user_id IS NULL) <> (request_id IS NULL))
      );
      CREATE INDEX documents_draft ON documents (draft_user_id, id) WHERE draft_user_id IS NOT NULL;
      CREATE INDEX documents_request ON documents (request_id, id) WHERE request_id IS NOT NULL;
      CREATE TABLE request_version_documents (
        request_id INTEGER NOT NULL,
        version INTEGER NOT NULL,
        document_id INTEGER NOT NULL REFERENCES documents (id),
        PRIMARY KEY (request_id, version, document_id),
        FOREIGN KEY (request_id, version) REFERENCES request_versions (request_id, version)
      );
      CREATE TABLE document_trash (storage_key TEXT PRIMARY KEY);
      CREATE TRIGGER documents_filed_kept BEFORE DELETE ON documents WHEN OLD.request_id IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a filed document is kept'); END;
      CREATE TRIGGER documents_filed_unchanged BEFORE UPDATE ON documents WHEN OLD.request_id IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a filed document is not changed'); END;
      CREATE TRIGGER documents_bytes_to_trash AFTER DELETE ON documents
      BEGIN
        INSERT OR IGNORE INTO document_trash (storage_key) VALUES (OLD.storage_key);
        INSERT OR IGNORE INTO document_trash (storage_key) SELECT OLD.rendition_key WHERE OLD.rendition_key IS NOT NULL;
      END;
      CREATE TRIGGER drafts_end_with_documents AFTER DELETE ON drafts
      BEGIN DELETE FROM documents WHERE draft_user_id = OLD.user_id; END;
      CREATE TRIGGER draft_documents_follow_the_practice AFTER UPDATE OF practice_id, active ON users
      WHEN NEW.practice_id IS NOT OLD.practice_id OR NEW.active = 0
      BEGIN DELETE FROM documents WHERE draft_user_id = NEW.id; END;
    `,
  },
  {
    version: 11,
    name: "the documents a version was filed without; a draft ends only its own documents",
    // missing_documents: JSON [{ id, title }] of the required checklist items the submitter confirmed
    // submitting without (NULL: not stated). A draft row ending (filed, discarded) ended every draft
    // document of its owner, an amendment's and a new request's alike; it now ends only those of
    // the draft that ended (same amends_reference).
    sql: `
      ALTER TABLE request_versions ADD COLUMN missing_documents TEXT;
      DROP TRIGGER drafts_end_with_documents;
      CREATE TRIGGER drafts_end_with_documents AFTER DELETE ON drafts
      BEGIN DELETE FROM documents WHERE draft_user_id = OLD.user_id AND amends_reference IS OLD.amends_reference; END;
    `,
  },
  {
    // 11 is taken by another change made at the same time.
    version: 12,
    name: "a request for more information names the documents to add",
    // The checklist items as the reviewer ticked them, with their titles at the decision: JSON
    // [{ "id", "title" }], so the practice reads what was asked even if the answers change.
    sql: `ALTER TABLE decisions ADD COLUMN documents_requested TEXT NOT NULL DEFAULT '[]';`,
  },
  {
    version: 13,
    name: "the answers a version took from the patient's record",
    // provenance: JSON [{ path, display, source: { reference, date?, display } }] of the answers
    // filled from the patient's record and not edited before filing (#12); NULL: none.
    sql: `ALTER TABLE request_versions ADD COLUMN provenance TEXT;`,
  },
  {
    version: 14,
    name: "the record import's local codes, set by administrators for the installation",
    // The codes a lab's results carry where no standard code exists (AAV5 antibodies, #12): one row
    // per code, unique by kind, system and code (case-sensitive, as in FHIR). Their changes are
    // audit events marked with the setting they changed (no request, account or practice).
    sql: `
      CREATE TABLE record_import_local_codes (
        id INTEGER PRIMARY KEY,
        identifies TEXT NOT NULL CHECK (identifies IN ('aav5Antibody')),
        system TEXT NOT NULL,
        code TEXT NOT NULL,
        display TEXT NOT NULL DEFAULT '',
        added_by INTEGER NOT NULL REFERENCES users (id),
        added_at TEXT NOT NULL,
        UNIQUE (identifies, system, code)
      );
      ALTER TABLE audit_events ADD COLUMN setting TEXT;
      CREATE INDEX audit_setting ON audit_events (setting, id) WHERE setting IS NOT NULL;
    `,
  },
];
