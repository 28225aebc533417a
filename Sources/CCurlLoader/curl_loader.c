// Lazy libcurl for a statically linked SyncDeck.
//
// FoundationNetworking, which URLSession is built on, calls libcurl. Linked dynamically, it
// names libcurl.so.4 as a dependency, so every SyncDeck process loads libcurl and its TLS,
// Kerberos and LDAP libraries at start, whether a sync uses HTTP or not: about 6 MiB resident
// in the import benchmark. A static build (`swift build --static-swift-stdlib`) resolves
// FoundationNetworking's libcurl calls to the functions below instead. Each loads libcurl.so.4
// with dlopen on first use and forwards to it. A dynamic build does not use them, because
// libFoundationNetworking.so calls its own libcurl directly.
//
// The declarations use plain C types in place of libcurl's: its handles are opaque pointers,
// its enumerations are ints, and curl_socket_t is an int on Linux.

#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>

#include "curl_loader.h"

static void *library;
static pthread_once_t library_once = PTHREAD_ONCE_INIT;

static void load_library(void) {
    library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_GLOBAL);
}

static void *resolve(const char *name) {
    pthread_once(&library_once, load_library);
    return library ? dlsym(library, name) : NULL;
}

int syncdeck_curl_is_available(void) {
    return resolve("curl_easy_init") != NULL;
}

// CURLE_FAILED_INIT and CURLM_INTERNAL_ERROR, returned when libcurl is missing.
enum { failed_init = 2, multi_internal_error = 4 };

// libcurl's option numbers encode the type of their argument in steps of 10000: long,
// object pointer, function pointer, curl_off_t, blob pointer (curl/curl.h, CURLOPTTYPE_*).
// The multi interface uses the same steps (CURLMOPTTYPE_*).
enum { pointer_options = 10000, function_options = 20000, offset_options = 30000, blob_options = 40000 };

// Looked up on each call, which costs little next to a network transfer and needs no lock.
#define RESOLVED(type, name) \
    __typeof__(type) function = (__typeof__(type))resolve(name);

// Forwards an option whose argument type depends on its number; `call` receives one argument.
#define FORWARD_OPTION(handle, option, arguments, call) \
    do { \
        if ((option) >= blob_options || ((option) >= pointer_options && (option) < function_options)) { \
            void *value = va_arg(arguments, void *); result = call(handle, option, value); \
        } else if ((option) >= offset_options) { \
            long long value = va_arg(arguments, long long); result = call(handle, option, value); \
        } else if ((option) >= function_options) { \
            void (*value)(void) = va_arg(arguments, void (*)(void)); result = call(handle, option, value); \
        } else { \
            long value = va_arg(arguments, long); result = call(handle, option, value); \
        } \
    } while (0)

void *curl_easy_init(void) {
    RESOLVED(void *(*)(void), "curl_easy_init")
    return function ? function() : NULL;
}

void curl_easy_cleanup(void *handle) {
    RESOLVED(void (*)(void *), "curl_easy_cleanup")
    if (function) function(handle);
}

int curl_easy_setopt(void *handle, int option, ...) {
    RESOLVED(int (*)(void *, int, ...), "curl_easy_setopt")
    if (!function) return failed_init;
    int result;
    va_list arguments;
    va_start(arguments, option);
    FORWARD_OPTION(handle, option, arguments, function);
    va_end(arguments);
    return result;
}

int curl_easy_getinfo(void *handle, int info, ...) {
    RESOLVED(int (*)(void *, int, ...), "curl_easy_getinfo")
    if (!function) return failed_init;
    // Every CURLINFO takes a pointer to where the value goes.
    va_list arguments;
    va_start(arguments, info);
    void *target = va_arg(arguments, void *);
    va_end(arguments);
    return function(handle, info, target);
}

int curl_easy_pause(void *handle, int bitmask) {
    RESOLVED(int (*)(void *, int), "curl_easy_pause")
    return function ? function(handle, bitmask) : failed_init;
}

const char *curl_easy_strerror(int code) {
    RESOLVED(const char *(*)(int), "curl_easy_strerror")
    return function ? function(code) : "libcurl is not installed";
}

void curl_free(void *pointer) {
    RESOLVED(void (*)(void *), "curl_free")
    if (function) function(pointer);
}

int curl_global_init(long flags) {
    RESOLVED(int (*)(long), "curl_global_init")
    return function ? function(flags) : failed_init;
}

void *curl_multi_init(void) {
    RESOLVED(void *(*)(void), "curl_multi_init")
    return function ? function() : NULL;
}

int curl_multi_cleanup(void *multi) {
    RESOLVED(int (*)(void *), "curl_multi_cleanup")
    return function ? function(multi) : multi_internal_error;
}

int curl_multi_add_handle(void *multi, void *handle) {
    RESOLVED(int (*)(void *, void *), "curl_multi_add_handle")
    return function ? function(multi, handle) : multi_internal_error;
}

int curl_multi_remove_handle(void *multi, void *handle) {
    RESOLVED(int (*)(void *, void *), "curl_multi_remove_handle")
    return function ? function(multi, handle) : multi_internal_error;
}

int curl_multi_assign(void *multi, int socket, void *pointer) {
    RESOLVED(int (*)(void *, int, void *), "curl_multi_assign")
    return function ? function(multi, socket, pointer) : multi_internal_error;
}

void *curl_multi_info_read(void *multi, int *queued) {
    RESOLVED(void *(*)(void *, int *), "curl_multi_info_read")
    return function ? function(multi, queued) : NULL;
}

int curl_multi_setopt(void *multi, int option, ...) {
    RESOLVED(int (*)(void *, int, ...), "curl_multi_setopt")
    if (!function) return multi_internal_error;
    int result;
    va_list arguments;
    va_start(arguments, option);
    FORWARD_OPTION(multi, option, arguments, function);
    va_end(arguments);
    return result;
}

int curl_multi_socket_action(void *multi, int socket, int events, int *running) {
    RESOLVED(int (*)(void *, int, int, int *), "curl_multi_socket_action")
    return function ? function(multi, socket, events, running) : multi_internal_error;
}

void *curl_slist_append(void *list, const char *text) {
    RESOLVED(void *(*)(void *, const char *), "curl_slist_append")
    return function ? function(list, text) : NULL;
}

void curl_slist_free_all(void *list) {
    RESOLVED(void (*)(void *), "curl_slist_free_all")
    if (function) function(list);
}

void *curl_url(void) {
    RESOLVED(void *(*)(void), "curl_url")
    return function ? function() : NULL;
}

int curl_url_get(const void *url, int part, char **text, unsigned int flags) {
    RESOLVED(int (*)(const void *, int, char **, unsigned int), "curl_url_get")
    // CURLUE_OUT_OF_MEMORY; the caller gets no text.
    return function ? function(url, part, text, flags) : 7;
}

int curl_url_set(void *url, int part, const char *text, unsigned int flags) {
    RESOLVED(int (*)(void *, int, const char *, unsigned int), "curl_url_set")
    return function ? function(url, part, text, flags) : 7;
}

char *curl_version(void) {
    RESOLVED(char *(*)(void), "curl_version")
    return function ? function() : (char *)"libcurl not installed";
}

void *curl_version_info(int version) {
    RESOLVED(void *(*)(int), "curl_version_info")
    return function ? function(version) : NULL;
}
