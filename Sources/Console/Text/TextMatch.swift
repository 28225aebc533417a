import Foundation

/// Matching of typed filter text against names, ignoring case and accents in every script.
public enum TextMatch {
    /// Whether `text` contains `filter`, compared without case and diacritics, so that `école`
    /// finds `ÉCOLE` and `ecole`. An empty filter matches everything.
    public static func matches(_ text: String, filter: String) -> Bool {
        let needle = fold(filter)
        guard !needle.isEmpty else { return true }
        return fold(text).contains(needle)
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
