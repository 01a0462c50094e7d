/**
 * How the embedded Temporal dev server keeps its SQLite file. The CLI's default is a rollback journal
 * (several fsyncs and a journal file created and deleted per transition); a write-ahead log commits
 * with one fsync, and `synchronous=full` keeps every committed transition — a started case, a timer —
 * on disk before the server answers, so a crash of the machine loses nothing acknowledged.
 */
export const DEV_SERVER_SQLITE_FLAGS = ['--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=full'];
