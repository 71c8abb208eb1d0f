import Testing
import ToolPolicy

/// `CivilDate(parsing:)` is the one reader of `YYYY-MM-DD` (the rules' date literals, `--date`,
/// the API's `date`): it takes the days that exist, in years 0001 to 9999, written with digits.
@Suite struct CivilDateTests {
    @Test(arguments: ["2026-09-01", "2024-02-29", "0001-01-01", "9999-12-31"])
    func readsADayThatExists(_ text: String) throws {
        let date = try #require(CivilDate(parsing: text))
        #expect(date.description == text)
    }

    @Test(arguments: [
        "0000-01-01",    // no year 0 in a calendar a school uses; Python's date format checker refuses it
        "2025-02-29",    // not a leap year
        "2026-04-31",
        "2026-13-01",
        "+202-01-01",    // Int("+202") would read it
        "2026-+1-01",
        "2026-01-+1",
        "2026-1-01",
        "２０２６-01-01", // fullwidth digits
        "",
    ])
    func refusesAnythingElse(_ text: String) {
        #expect(CivilDate(parsing: text) == nil, "\(text)")
    }
}
