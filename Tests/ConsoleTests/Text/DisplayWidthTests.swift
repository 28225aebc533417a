import Testing
@testable import Console

@Suite struct DisplayWidthTests {
    @Test func ascii_isOneColumnEach() {
        #expect(DisplayWidth.of("SyncDeck") == 8)
    }

    @Test func cjk_isTwoColumns() {
        #expect(DisplayWidth.of("日本") == 4)
    }

    @Test func emoji_isTwoColumns() {
        #expect(DisplayWidth.of("🚀") == 2)
    }

    @Test func emojiWithSkinTone_isOneWideCharacter() {
        #expect(DisplayWidth.of("👍🏽") == 2)
    }

    @Test func combiningMark_joinsItsBase() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func accentedLatin_isOneColumn() {
        #expect(DisplayWidth.of("École") == 5)
    }

    @Test func warningSignWithTextPresentation_isOneColumn() {
        #expect(DisplayWidth.of("⚠︎") == 1)
    }
}

@Suite struct TruncationTests {
    @Test func shortText_isKept() {
        #expect(TextLayout.truncate("orders", toWidth: 10) == "orders")
    }

    @Test func longText_endsWithEllipsis() {
        #expect(TextLayout.truncate("Orders to CRM", toWidth: 8) == "Orders …")
    }

    @Test func asciiTerminal_endsWithTilde() {
        #expect(TextLayout.truncate("Orders to CRM", toWidth: 8, unicode: false) == "Orders ~")
    }

    @Test func cjk_isNeverSplit() {
        #expect(TextLayout.truncate("日本語テキスト", toWidth: 6) == "日本…")
    }

    @Test func cjk_fitsTheWidth() {
        #expect(DisplayWidth.of(TextLayout.truncate("日本語テキスト", toWidth: 6)) <= 6)
    }

    @Test func emoji_isNeverSplit() {
        #expect(TextLayout.truncate("🚀🚀🚀", toWidth: 4) == "🚀…")
    }

    @Test func combiningMark_staysWithItsBase() {
        #expect(TextLayout.truncate("e\u{301}e\u{301}e\u{301}e\u{301}", toWidth: 3) == "e\u{301}e\u{301}…")
    }

    @Test func widthOne_isOnlyTheEllipsis() {
        #expect(TextLayout.truncate("orders", toWidth: 1) == "…")
    }

    @Test func pad_fillsTheWidth() {
        #expect(TextLayout.pad("日本", toWidth: 6) == "日本  ")
    }

    @Test func wrap_breaksAtSpaces() {
        #expect(TextLayout.wrap("one two three", toWidth: 7) == ["one two", "three"])
    }

    @Test func wrap_cutsALongWord() {
        #expect(TextLayout.wrap("abcdefgh", toWidth: 3) == ["abc", "def", "gh"])
    }
}

@Suite struct TerminalTextTests {
    @Test func escape_showsEscape() {
        #expect(TerminalText.escape("\u{1B}[31mred") == "\\e[31mred")
    }

    @Test func escape_showsBell() {
        #expect(TerminalText.escape("ding\u{07}") == "ding\\u{7}")
    }

    @Test func escape_showsNewline() {
        #expect(TerminalText.escape("line 1\nline 2") == "line 1\\nline 2")
    }

    @Test func escape_showsCarriageReturnAndNewlineTogether() {
        #expect(TerminalText.escape("a\r\nb") == "a\\r\\nb")
    }

    @Test func escape_showsC1Control() {
        #expect(TerminalText.escape("\u{9B}2J") == "\\u{9B}2J")
    }

    @Test func escape_showsDelete() {
        #expect(TerminalText.escape("x\u{7F}") == "x\\u{7F}")
    }

    @Test func escape_keepsPrintableUnicode() {
        #expect(TerminalText.escape("ÉCOLE 日本 🚀") == "ÉCOLE 日本 🚀")
    }
}

@Suite struct TextMatchTests {
    @Test func match_ignoresCaseBeyondASCII() {
        #expect(TextMatch.matches("ÉCOLE Lyon", filter: "école"))
    }

    @Test func match_ignoresAccents() {
        #expect(TextMatch.matches("ÉCOLE Lyon", filter: "ecole"))
    }

    @Test func match_rejectsOtherText() {
        #expect(!TextMatch.matches("Acme Retail", filter: "école"))
    }
}
