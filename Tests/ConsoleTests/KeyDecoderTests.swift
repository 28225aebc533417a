@testable import Console
import Testing

struct KeyDecoderTests {
    // MARK: - Fixtures

    /// Decodes `inputs` as one read, the way the terminal does.
    private func decode(_ inputs: [RawInput]) -> [Key] {
        var decoder = KeyDecoder()
        return inputs.flatMap { decoder.decode($0) } + decoder.finishBatch()
    }

    private func decode(_ text: String) -> [Key] {
        decode(text.unicodeScalars.map { .character($0.value) })
    }

    private func decode(keyCode: Int32) -> [Key] {
        decode([.keyCode(keyCode)])
    }

    // MARK: - Keys ncurses decodes

    @Test(arguments: [
        (KeyCode.up, Key.up), (KeyCode.down, .down), (KeyCode.left, .left), (KeyCode.right, .right),
        (KeyCode.pageUp, .pageUp), (KeyCode.pageDown, .pageDown), (KeyCode.home, .home), (KeyCode.end, .end),
        (KeyCode.enter, .enter), (KeyCode.backTab, .backTab), (KeyCode.backspace, .backspace),
        (KeyCode.delete, .delete),
    ])
    func keyCode_decodes(code: Int32, key: Key) {
        #expect(decode(keyCode: code) == [key])
    }

    @Test func functionKeys_decode() {
        #expect(decode(keyCode: KeyCode.function(1)) == [.function(1)])
        #expect(decode(keyCode: KeyCode.function(12)) == [.function(12)])
    }

    @Test func unknownKeyCode_dropped() {
        #expect(decode(keyCode: KeyCode.mouse) == [])
    }

    @Test func resizeKeyCode_leftToTerminal() {
        #expect(decode(keyCode: KeyCode.resize) == [])
    }

    // MARK: - Characters

    @Test func enter_fromReturnOrNewline() {
        #expect(decode("\r") == [.enter])
        #expect(decode("\n") == [.enter])
    }

    @Test func tab_decodes() {
        #expect(decode("\t") == [.tab])
    }

    @Test func backspace_fromDeleteOrControlH() {
        #expect(decode("\u{7F}") == [.backspace])
        #expect(decode("\u{08}") == [.backspace])
    }

    @Test func controlLetters_decode() {
        #expect(decode("\u{01}") == [.control("a")])
        #expect(decode("\u{0C}") == [.control("l")])
        #expect(decode("\u{1A}") == [.control("z")])
    }

    @Test func printable_decodes() {
        #expect(decode("q") == [.character("q")])
        #expect(decode("/") == [.character("/")])
        #expect(decode(" ") == [.character(" ")])
    }

    @Test func nonASCII_decodes() {
        #expect(decode("é字") == [.character("é"), .character("字")])
    }

    @Test func controlsWithoutKey_dropped() {
        #expect(decode("\u{00}\u{1C}\u{1F}\u{85}") == [])
    }

    // MARK: - Escape

    @Test func escapeAlone_isEscapeKey() {
        #expect(decode("\u{1B}") == [.escape])
    }

    @Test func escapeWaits_untilBatchEnds() {
        var decoder = KeyDecoder()

        #expect(decoder.decode(.character(0x1B)) == [])
        #expect(decoder.finishBatch() == [.escape])
    }

    @Test func escapeThenLetter_keepsBoth() {
        #expect(decode("\u{1B}q") == [.escape, .character("q")])
    }

    @Test func escapeTwice_isTwoEscapes() {
        #expect(decode("\u{1B}\u{1B}") == [.escape, .escape])
    }

    @Test func escapeThenKeyCode_keepsBoth() {
        #expect(decode([.character(0x1B), .keyCode(KeyCode.up)]) == [.escape, .up])
    }

    // MARK: - Sequences ncurses did not decode

    @Test func cursorPositionReport_dropped() {
        #expect(decode("\u{1B}[12;40Rj") == [.character("j")])
    }

    @Test func deviceAttributesReply_dropped() {
        #expect(decode("\u{1B}[?64;1;2;6c") == [])
    }

    @Test func focusEvents_dropped() {
        #expect(decode("\u{1B}[I\u{1B}[O") == [])
    }

    @Test func unknownFunctionKey_dropped() {
        #expect(decode("\u{1B}[99~k") == [.character("k")])
    }

    @Test func singleShift_dropped() {
        #expect(decode("\u{1B}OPk") == [.character("k")])
    }

    @Test func oscEndedByBell_dropped() {
        #expect(decode("\u{1B}]11;rgb:0000/0000/0000\u{07}k") == [.character("k")])
    }

    @Test func oscEndedByStringTerminator_dropped() {
        #expect(decode("\u{1B}]10;rgb:ffff/ffff/ffff\u{1B}\\k") == [.character("k")])
    }

    @Test func deviceControlString_dropped() {
        #expect(decode("\u{1B}P1$r0m\u{1B}\\") == [])
    }

    @Test func eightBitControlSequence_dropped() {
        #expect(decode("\u{9B}12;40Rj") == [.character("j")])
    }

    @Test func unfinishedSequence_droppedAtBatchEnd() {
        var decoder = KeyDecoder()
        _ = "\u{1B}[12;".unicodeScalars.map { decoder.decode(.character($0.value)) }
        _ = decoder.finishBatch()

        #expect(decoder.decode(.character(0x6A)) == [.character("j")])
    }

    @Test func overlongSequence_givesUp() {
        let keys = decode("\u{1B}[" + String(repeating: "1", count: KeyDecoder.maximumSequenceLength + 10) + "x")

        #expect(keys.last == .character("x"))
    }

    @Test func controlCharacterInSequence_endsIt() {
        #expect(decode("\u{1B}[12\r") == [.enter])
    }
}
