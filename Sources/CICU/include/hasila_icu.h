#ifndef HASILA_ICU_H
#define HASILA_ICU_H
/*
 * A small C facade over the system ICU (Debian's libicu-dev).
 *
 * Only <stdint.h> types cross this header, so no Swift module ever imports ICU's own
 * headers next to the copy that Foundation carries, and ICU's versioned symbol names
 * (u_charType_72 and the like) stay hidden behind plain function names.
 */
#include <stdint.h>
#include "hasila_prefetch.h"
#include "hasila_search.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Writes the ICU version ("72.1") into buffer; returns its length. */
int32_t hasila_icu_version(char *buffer, int32_t capacity);

/** Unicode general category of a code point, as ICU's UCharCategory value. */
int32_t hasila_icu_general_category(uint32_t code_point);

/** Decimal digit value (0-9) of a code point of category Nd, or -1. */
int32_t hasila_icu_decimal_digit(uint32_t code_point);

/** 1 when ICU calls the code point white space (including NBSP and the other spaces). */
int32_t hasila_icu_is_white_space(uint32_t code_point);

/**
 * NFKC of one code point, written as code points into output.
 * Returns the number of code points written, or -1 on error or when capacity is too small.
 */
int32_t hasila_icu_nfkc(uint32_t code_point, uint32_t *output, int32_t capacity);

/**
 * Converts a date of ICU's "islamic-umalqura" calendar (month 1-12) to the Gregorian calendar.
 * Returns 0 on success, -1 when ICU rejects the date.
 */
int32_t hasila_icu_hijri_to_gregorian(int32_t year, int32_t month, int32_t day,
                                      int32_t *g_year, int32_t *g_month, int32_t *g_day);

/**
 * Guesses the charset of a byte buffer with ICU's detector.
 * Writes the charset's name into name (NUL-terminated) and returns the confidence (0-100),
 * or -1 when ICU cannot tell.
 */
int32_t hasila_icu_detect_charset(const uint8_t *bytes, int32_t length,
                                  char *name, int32_t name_capacity);

/**
 * Converts bytes of the named charset to UTF-8 with ICU's converters.
 * Invalid sequences become U+FFFD; the byte offset of the first one is stored in
 * first_invalid (-1 when there is none). Returns the number of UTF-8 bytes written,
 * the required size (> capacity) when output is too small, or -1 for an unknown charset.
 */
int64_t hasila_icu_convert_to_utf8(const char *charset, const uint8_t *bytes, int64_t length,
                                   uint8_t *output, int64_t capacity, int64_t *first_invalid);

#ifdef __cplusplus
}
#endif
#endif
