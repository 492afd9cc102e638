import Testing

/// The diff printed when a help snapshot differs.
@Suite("CLI: line diff of failure messages")
struct LineDiffTests {
    @Test func changedLineWithContext() {
        let expected = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].joined(separator: "\n")
        let actual = ["a", "b", "c", "D", "e", "f", "g", "h", "i", "j", "k"].joined(separator: "\n")
        #expect(LineDiff.render(expected: expected, actual: actual) == """
              b
              c
            - d
            + D
              e
              f
            …
              i
              j
            + k
            """)
    }

    @Test func equalTextsGiveNothing() {
        #expect(LineDiff.render(expected: "x\ny\n", actual: "x\ny\n").isEmpty)
    }
}
