#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro that Swift cannot import; it tells SQLite to copy bound text.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return (sqlite3_destructor_type)-1;
}

// sqlite3_config is variadic, which Swift cannot call. Memory statistics take a global mutex on
// every allocation of every connection, and nothing here reads them.
static inline int csqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
