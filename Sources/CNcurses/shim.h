// SwiftPM drops the flags of the ncursesw pkg-config file, which would leave the wide-character
// API (get_wch, cchar_t, wint_t) hidden, so the header is included with those switches set here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <stdio.h>
#include <strings.h>

// Swift cannot import macros with arguments or C globals under its concurrency rules,
// so the few the terminal backend needs are wrapped here.

static inline int cn_key_f(int n) { return KEY_F(n); }
static inline int cn_key_resize(void) { return KEY_RESIZE; }
static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_standout(void) { return A_STANDOUT; }

static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

// Writes one character cell with its attributes and color pair at the cursor position.
static inline int cn_add_cell(WINDOW *window, int y, int x, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) return ERR;
    return mvwadd_wch(window, y, x, &cell);
}

// Reads the terminal size from the kernel, because ncurses only learns it on the next read.
static inline int cn_terminal_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

// Set-up helpers for the terminal backend.

static inline FILE *cn_stdout(void) { return stdout; }
static inline FILE *cn_stdin(void) { return stdin; }
static inline int cn_key_f0(void) { return KEY_F0; }

// Returns 1 when the locale that setlocale selected encodes text as UTF-8.
static inline int cn_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    return strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0;
}

// Returns 1 when the current terminal description can move the cursor, which a full-screen console needs.
static inline int cn_has_cursor_addressing(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

static inline attr_t cn_color_pair(int pair) { return COLOR_PAIR(pair); }

static inline WINDOW *cn_stdscr(void) { return stdscr; }

// Sets the size of a terminal, as a terminal emulator does for its pseudo-terminal; ioctl is
// variadic, so Swift cannot call it.
static inline int cn_set_terminal_size(int fd, int rows, int columns) {
    struct winsize size = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)columns };
    return ioctl(fd, TIOCSWINSZ, &size);
}

#ifdef __linux__
#include <fcntl.h>
// Opens a new pseudo-terminal for the console benchmark and returns its master side, with the
// number of its slave (/dev/pts/N) in *slave_number; -1 on failure. Glibc declares posix_openpt
// and its helpers only for _XOPEN_SOURCE, which Swift's module does not set, so this does what
// they do.
static inline int cn_open_pseudo_terminal(int *slave_number) {
    int master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
    if (master < 0) return -1;
    int unlock = 0;
    if (ioctl(master, TIOCSPTLCK, &unlock) != 0 || ioctl(master, TIOCGPTN, slave_number) != 0) {
        close(master);
        return -1;
    }
    return master;
}
#endif
