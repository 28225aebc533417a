import CCurlLoader
import Testing

/// libcurl is installed with the Swift toolchain here, so the loader finds it.
@Test func curlLoaderFindsLibcurl() {
    #expect(syncdeck_curl_is_available() == 1)
}
