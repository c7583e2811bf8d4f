#ifndef HASILA_PREFETCH_H
#define HASILA_PREFETCH_H
/*
 * A hint to the processor to start loading a cache line that the code will read soon.
 *
 * Swift has no prefetch intrinsic, and the tokenizer's lexicon look-ups are bound by cache
 * misses: each known word reads a hash slot and then its form's record, both in tables of
 * megabytes. The tokenizer scans a text's words first and then looks them up, asking for the
 * lines of the words a few places ahead while it confirms the current one (Tokenizer.tokenize).
 * It lives in this target because it is the C facade the library already imports; it uses no ICU.
 * A hint only: it never faults, and reads nothing a program could observe.
 */

/** Asks for the cache line holding address, to be read soon (kept in every cache level). */
static inline void hasila_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
