#ifndef HASILA_CRASH_H
#define HASILA_CRASH_H
/*
 * Crash containment for `hasila extract --output`: when the process dies on a trap or a fault
 * (SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT), a handler appends "crashed FIRST LAST" to a
 * log beside the output, naming the documents (by their ordinal in the run) that were in flight,
 * says on stderr how to go on, and hands the signal to the handler before it (Swift's backtracer)
 * or the default action. Only async-signal-safe calls run in the handler.
 */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Opens (appending) the crash log and installs the handlers; returns 0, or -1 when the log cannot be opened. */
int hasila_crash_guard_install(const char *log_path);

/** The documents in flight now: ordinals first...last (1-based, inclusive). */
void hasila_crash_guard_set_in_flight(int64_t first, int64_t last);

/** Removes the handlers and closes the log (a finished run). */
void hasila_crash_guard_remove(void);

#ifdef __cplusplus
}
#endif
#endif
