import CSQLite
import Foundation

/// The `syncdeck_fold(text)` SQL function: text without case or diacritics, in every script.
///
/// SQLite's own `LIKE` and `lower()` fold ASCII only, so a search for `école` would miss
/// `ÉCOLE`. Queries compare `syncdeck_fold(column)` with a needle folded by `TextFolding.fold`.
extension SQLiteConnection {
    static let foldFunctionName = "syncdeck_fold"

    /// Registers `syncdeck_fold` on this connection.
    func registerFoldFunction() throws {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS
        let result = sqlite3_create_function_v2(handle, Self.foldFunctionName, 1, flags, nil, { context, count, values in
            guard count == 1, let value = values?[0], sqlite3_value_type(value) != SQLITE_NULL,
                  let bytes = sqlite3_value_text(value) else {
                sqlite3_result_null(context)
                return
            }
            let folded = TextFolding.fold(String(cString: bytes))
            sqlite3_result_text(context, folded, -1, csqlite_transient())
        }, nil, nil, nil)
        guard result == SQLITE_OK else { throw error(result, "register the \(Self.foldFunctionName) function") }
    }
}

/// Folding of text for searches: lower case, no diacritics, narrow forms.
public enum TextFolding {
    /// `text` folded; ASCII text takes a fast path, since most ids and names are ASCII.
    public static func fold(_ text: String) -> String {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
