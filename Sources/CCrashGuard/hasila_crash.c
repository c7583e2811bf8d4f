#include "hasila_crash.h"
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static const int signals[] = {SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT};
#define SIGNAL_COUNT (sizeof(signals) / sizeof(signals[0]))
static struct sigaction previous[SIGNAL_COUNT];
static volatile int log_fd = -1;
static volatile int64_t in_flight_first = 0, in_flight_last = 0;
static volatile sig_atomic_t handling = 0;

/* Writes a non-negative number in decimal; async-signal-safe. */
static char *put_number(char *out, int64_t value) {
    char digits[24];
    int count = 0;
    if (value < 0) value = 0;
    do { digits[count++] = (char)('0' + value % 10); value /= 10; } while (value > 0);
    while (count > 0) *out++ = digits[--count];
    return out;
}

static void put(int fd, const char *text, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, text, length);
        if (written <= 0) return;
        text += written;
        length -= (size_t)written;
    }
}

static void handler(int sig, siginfo_t *info, void *context) {
    if (!handling) {
        handling = 1;
        char line[80];
        char *end = line;
        memcpy(end, "crashed ", 8); end += 8;
        end = put_number(end, in_flight_first);
        *end++ = ' ';
        end = put_number(end, in_flight_last);
        *end++ = '\n';
        if (log_fd >= 0) put(log_fd, line, (size_t)(end - line));
        char message[200];
        char *m = message;
        const char *head = "hasila: crashed while documents ";
        memcpy(m, head, strlen(head)); m += strlen(head);
        m = put_number(m, in_flight_first);
        *m++ = '-';
        m = put_number(m, in_flight_last);
        const char *tail = " of this run were in flight; run the same command with --resume to go on\n";
        memcpy(m, tail, strlen(tail)); m += strlen(tail);
        put(2, message, (size_t)(m - message));
    }
    /* Hand the signal on: to the handler installed before (Swift's backtracer), or the default action. */
    for (size_t i = 0; i < SIGNAL_COUNT; i++) {
        if (signals[i] != sig) continue;
        sigaction(sig, &previous[i], NULL);
        if (previous[i].sa_flags & SA_SIGINFO) {
            if (previous[i].sa_sigaction) { previous[i].sa_sigaction(sig, info, context); return; }
        } else if (previous[i].sa_handler != SIG_DFL && previous[i].sa_handler != SIG_IGN) {
            previous[i].sa_handler(sig);
            return;
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

int hasila_crash_guard_install(const char *log_path) {
    int fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) return -1;
    log_fd = fd;
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = handler;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < SIGNAL_COUNT; i++) sigaction(signals[i], &action, &previous[i]);
    return 0;
}

void hasila_crash_guard_set_in_flight(int64_t first, int64_t last) {
    in_flight_first = first;
    in_flight_last = last;
}

void hasila_crash_guard_remove(void) {
    for (size_t i = 0; i < SIGNAL_COUNT; i++) sigaction(signals[i], &previous[i], NULL);
    if (log_fd >= 0) close(log_fd);
    log_fd = -1;
}
