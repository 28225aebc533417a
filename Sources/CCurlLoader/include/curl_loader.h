#ifndef SYNCDECK_CURL_LOADER_H
#define SYNCDECK_CURL_LOADER_H

// Returns 1 when libcurl could be loaded, 0 otherwise. The HTTP source asks before it makes a
// URLSession, since FoundationNetworking assumes that libcurl is there.
int syncdeck_curl_is_available(void);

#endif
