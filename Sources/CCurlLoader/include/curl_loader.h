#ifndef SYNCDECK_CURL_LOADER_H
#define SYNCDECK_CURL_LOADER_H

// Returns 1 when libcurl could be loaded, 0 otherwise. The HTTP source checks it before it makes
// a URLSession, because FoundationNetworking expects libcurl to be present.
int syncdeck_curl_is_available(void);

#endif
