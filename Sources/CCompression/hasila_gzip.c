#include "hasila_gzip.h"
#include <zlib.h>

void *hasila_gzip_open(const char *path) {
    gzFile file = gzopen(path, "rb");
    if (file) gzbuffer(file, 1 << 17);
    return file;
}

int64_t hasila_gzip_read(void *file, uint8_t *buffer, int64_t capacity) {
    if (capacity > 0x40000000) capacity = 0x40000000;
    int count = gzread((gzFile)file, buffer, (unsigned)capacity);
    if (count < 0) return -1;
    if (count == 0) {
        /* Z_BUF_ERROR at the end is a stream cut short (a truncated download or copy): an error,
           or the lost tail would pass for the end of a short document. */
        int code = 0;
        gzerror((gzFile)file, &code);
        if (code != Z_OK) return -1;
    }
    return count;
}

const char *hasila_gzip_error(void *file) {
    int code = 0;
    return gzerror((gzFile)file, &code);
}

void hasila_gzip_close(void *file) { gzclose((gzFile)file); }
