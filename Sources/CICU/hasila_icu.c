#include "hasila_icu.h"

#include <string.h>
#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ucal.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/uversion.h>
#include <unicode/utf16.h>

int32_t hasila_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    int32_t length = (int32_t)strlen(text);
    if (capacity <= 0) return length;
    int32_t copied = length < capacity - 1 ? length : capacity - 1;
    memcpy(buffer, text, (size_t)copied);
    buffer[copied] = 0;
    return copied;
}

int32_t hasila_icu_general_category(uint32_t code_point) {
    return (int32_t)u_charType((UChar32)code_point);
}

int32_t hasila_icu_decimal_digit(uint32_t code_point) {
    if (u_charType((UChar32)code_point) != U_DECIMAL_DIGIT_NUMBER) return -1;
    return (int32_t)u_charDigitValue((UChar32)code_point);
}

int32_t hasila_icu_is_white_space(uint32_t code_point) {
    return u_isUWhiteSpace((UChar32)code_point) ? 1 : 0;
}

int32_t hasila_icu_nfkc(uint32_t code_point, uint32_t *output, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) return -1;
    UChar source[2];
    int32_t source_length = 0;
    U16_APPEND_UNSAFE(source, source_length, (UChar32)code_point);
    UChar result[64];
    int32_t result_length = unorm2_normalize(nfkc, source, source_length, result, 64, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    int32_t index = 0;
    while (index < result_length) {
        UChar32 c;
        U16_NEXT(result, index, result_length, c);
        if (count >= capacity) return -1;
        output[count++] = (uint32_t)c;
    }
    return count;
}

int32_t hasila_icu_hijri_to_gregorian(int32_t year, int32_t month, int32_t day,
                                      int32_t *g_year, int32_t *g_month, int32_t *g_day) {
    UErrorCode status = U_ZERO_ERROR;
    UChar zone[] = {'U', 'T', 'C', 0};
    UCalendar *hijri = ucal_open(zone, -1, "en@calendar=islamic-umalqura", UCAL_DEFAULT, &status);
    if (U_FAILURE(status)) return -1;
    ucal_setAttribute(hijri, UCAL_LENIENT, 0);
    ucal_clear(hijri);
    ucal_setDate(hijri, year, month - 1, day, &status);
    UDate moment = ucal_getMillis(hijri, &status);
    ucal_close(hijri);
    if (U_FAILURE(status)) return -1;
    UCalendar *gregorian = ucal_open(zone, -1, "en@calendar=gregorian", UCAL_GREGORIAN, &status);
    if (U_FAILURE(status)) return -1;
    ucal_setMillis(gregorian, moment, &status);
    *g_year = ucal_get(gregorian, UCAL_YEAR, &status);
    *g_month = ucal_get(gregorian, UCAL_MONTH, &status) + 1;
    *g_day = ucal_get(gregorian, UCAL_DATE, &status);
    ucal_close(gregorian);
    return U_FAILURE(status) ? -1 : 0;
}

int32_t hasila_icu_detect_charset(const uint8_t *bytes, int32_t length,
                                  char *name, int32_t name_capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(detector, (const char *)bytes, length, &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    if (U_FAILURE(status) || match == NULL) { ucsdet_close(detector); return -1; }
    const char *found = ucsdet_getName(match, &status);
    int32_t confidence = ucsdet_getConfidence(match, &status);
    if (U_FAILURE(status) || found == NULL) { ucsdet_close(detector); return -1; }
    strncpy(name, found, (size_t)(name_capacity - 1));
    name[name_capacity - 1] = 0;
    ucsdet_close(detector);
    return confidence;
}

/* Records the first invalid byte offset while substituting U+FFFD. */
typedef struct { int64_t first_invalid; const char *base; } InvalidTracker;

static void track_invalid(const void *context, UConverterToUnicodeArgs *args,
                          const char *code_units, int32_t length,
                          UConverterCallbackReason reason, UErrorCode *error) {
    InvalidTracker *tracker = (InvalidTracker *)context;
    if (reason <= UCNV_IRREGULAR && tracker->first_invalid < 0) {
        tracker->first_invalid = (int64_t)(args->source - tracker->base) - length;
        if (tracker->first_invalid < 0) tracker->first_invalid = 0;
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, code_units, length, reason, error);
}

int64_t hasila_icu_convert_to_utf8(const char *charset, const uint8_t *bytes, int64_t length,
                                   uint8_t *output, int64_t capacity, int64_t *first_invalid) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *source = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return -1;
    UConverter *target = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) { ucnv_close(source); return -1; }
    InvalidTracker tracker = { -1, (const char *)bytes };
    ucnv_setToUCallBack(source, track_invalid, &tracker, NULL, NULL, &status);
    /* A first pass measures; ICU's pivoting conversion handles any length in chunks. */
    char *out = (char *)output;
    const char *in = (const char *)bytes;
    int64_t written = 0;
    UChar pivot[4096];
    UChar *pivot_source = pivot, *pivot_target = pivot;
    char scratch[8192];
    int reset = 1;
    for (;;) {
        char *chunk_start = written < capacity ? out + written : scratch;
        char *chunk_limit = written < capacity ? out + capacity : scratch + sizeof scratch;
        char *cursor = chunk_start;
        status = U_ZERO_ERROR;
        ucnv_convertEx(target, source, &cursor, chunk_limit, &in, (const char *)bytes + length,
                       pivot, &pivot_source, &pivot_target, pivot + 4096, reset, 1, &status);
        reset = 0;
        written += (int64_t)(cursor - chunk_start);
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        break;
    }
    ucnv_close(source);
    ucnv_close(target);
    if (U_FAILURE(status)) return -1;
    *first_invalid = tracker.first_invalid;
    return written;
}
