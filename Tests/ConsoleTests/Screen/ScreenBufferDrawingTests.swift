import SyncModel
import Testing
@testable import Console

@Suite struct ScreenBufferDrawingTests {
    @Test func put_writesTextWithItsRole() {
        var buffer = ScreenBuffer(size: Size(columns: 10, rows: 1))
        buffer.put("sync", column: 2, row: 0, role: .title)
        #expect(buffer.roles(of: "sync", row: 0) == [.title, .title, .title, .title])
    }

    @Test func put_wideCharacterTakesAContinuationCell() {
        var buffer = ScreenBuffer(size: Size(columns: 4, rows: 1))
        buffer.put("日", column: 0, row: 0, role: .body)
        #expect(buffer[1, 0].isContinuation)
    }

    @Test func put_wideCharacterAtTheRightEdgeBecomesASpace() {
        var buffer = ScreenBuffer(size: Size(columns: 3, rows: 1))
        buffer.put("ab日", column: 0, row: 0, role: .body)
        #expect(buffer.line(0) == "ab ")
    }

    @Test func put_stopsAtMaxWidth() {
        var buffer = ScreenBuffer(size: Size(columns: 10, rows: 1))
        buffer.put("orders", column: 0, row: 0, role: .body, maxWidth: 3)
        #expect(buffer.text == "ord")
    }

    @Test func put_escapesControlCharacters() {
        var buffer = ScreenBuffer(size: Size(columns: 20, rows: 1))
        buffer.put("a\u{1B}[2Jb", column: 0, row: 0, role: .body)
        #expect(buffer.text == "a\\e[2Jb")
    }

    @Test func put_clipsOutsideTheBuffer() {
        var buffer = ScreenBuffer(size: Size(columns: 4, rows: 1))
        buffer.put("orders", column: -2, row: 3, role: .body)
        #expect(buffer.text == "")
    }

    @Test func put_overwritingHalfAWideCharacterClearsTheOtherHalf() {
        var buffer = ScreenBuffer(size: Size(columns: 4, rows: 1))
        buffer.put("日", column: 0, row: 0, role: .body)
        buffer.put("x", column: 1, row: 0, role: .body)
        #expect(buffer.line(0) == " x  ")
    }

    @Test func box_drawsUnicodeLines() {
        var buffer = ScreenBuffer(size: Size(columns: 4, rows: 3))
        buffer.box(buffer.bounds, role: .border, unicode: true)
        #expect(buffer.text == "┌──┐\n│  │\n└──┘")
    }

    @Test func box_drawsASCIILines() {
        var buffer = ScreenBuffer(size: Size(columns: 4, rows: 3))
        buffer.box(buffer.bounds, role: .border, unicode: false)
        #expect(buffer.text == "+--+\n|  |\n+--+")
    }

    @Test func box_showsItsTitle() {
        var buffer = ScreenBuffer(size: Size(columns: 20, rows: 3))
        buffer.box(buffer.bounds, role: .border, unicode: false, title: "Clients")
        #expect(buffer.line(0).contains(" Clients "))
    }

    @Test func box_isClippedToTheBuffer() {
        var buffer = ScreenBuffer(size: Size(columns: 3, rows: 2))
        buffer.box(Rect(column: 1, row: 0, columns: 5, rows: 5), role: .border, unicode: false)
        #expect(buffer.text == " +-\n |")
    }
}

@Suite struct TooSmallViewTests {
    @Test func draw_namesBothSizes() {
        var buffer = ScreenBuffer(size: Size(columns: 40, rows: 6))
        TooSmallView.draw(&buffer, needs: Size(columns: 80, rows: 24))
        #expect(buffer.text.contains("needs 80x24, has 40x6"))
    }

    @Test func draw_fitsATinyTerminal() {
        var buffer = ScreenBuffer(size: Size(columns: 20, rows: 6))
        TooSmallView.draw(&buffer, needs: Size(columns: 80, rows: 24))
        #expect(buffer.text.contains("Terminal too small"))
    }
}

@Suite struct DateFieldTests {
    @Test func typing_replacesThePrefilledDate() {
        var field = DateField(Day("2026-01-21"))
        for character in "2026-01-05" { field.type(character) }
        #expect(field.text == "2026-01-05")
    }

    @Test func typing_rejectsLetters() {
        var field = DateField(nil)
        let accepted = field.type("x")
        #expect(!accepted)
    }

    @Test func backspace_removesTheLastCharacter() {
        var field = DateField(Day("2026-01-21"))
        field.deleteBackward()
        #expect(field.text == "2026-01-2")
    }

    @Test func impossibleDate_isRejectedWithTheReason() {
        var field = DateField(nil)
        for character in "2023-02-29" { field.type(character) }
        guard case .failure(let rejection) = field.day else {
            Issue.record("2023-02-29 was accepted")
            return
        }
        #expect(rejection.message.contains("February 2023 has 28 days"))
    }
}
