#ifndef HASILA_SEARCH_H
#define HASILA_SEARCH_H
#include <stdint.h>
/*
 * The first of a run of ascending positions that is at or after a value: a binary search that
 * picks each half with a conditional move instead of a branch.
 *
 * The linking stage asks this of a section's cues and names (their first tokens) some fifty times
 * a figure; which half holds the answer is a coin toss, so an ordinary search's branch was
 * mispredicted about every other step. Swift cannot ask for the conditional move: the compiler
 * turns one in a loop back into a branch. __builtin_unpredictable tells it not to.
 * It lives in this target because it is the C facade the library already imports; it uses no ICU.
 */

/** The index of the first of positions[start..<count] that is >= value (count when none is). */
static inline long hasila_first_at_or_after(const int32_t *positions, long count, long start, int32_t value) {
    if (start >= count) return count;
    const int32_t *base = positions + start;
    long length = count - start;
    while (length > 1) {
        long half = length / 2;
        base = __builtin_unpredictable(base[half - 1] < value) ? base + half : base;
        length -= half;
    }
    return (long)(base - positions) + (*base < value);
}

#endif
