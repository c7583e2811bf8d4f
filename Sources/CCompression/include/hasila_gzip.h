#ifndef HASILA_GZIP_H
#define HASILA_GZIP_H
/*
 * A small C facade over zlib's gzip file reader: read a .gz file in chunks, in constant memory.
 * Only <stdint.h> types cross this header.
 */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Opens a gzip file for reading; returns NULL when it cannot be opened. */
void *hasila_gzip_open(const char *path);

/** Reads up to capacity decompressed bytes; returns the count, 0 at the end, -1 on a damaged or truncated stream. */
int64_t hasila_gzip_read(void *file, uint8_t *buffer, int64_t capacity);

/** The last error's message (valid until the next call on the file). */
const char *hasila_gzip_error(void *file);

void hasila_gzip_close(void *file);

#ifdef __cplusplus
}
#endif
#endif
