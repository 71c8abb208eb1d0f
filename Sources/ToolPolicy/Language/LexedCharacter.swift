/// One character (`Character`) of a rules file as the ``Lexer`` reads it: where its UTF-8
/// bytes end, and its first scalar.
///
/// `Character`'s own properties (`isLetter`, `isNumber`, `isWhitespace`, `isNewline`) are
/// those of its first scalar, so these are the same answers without building a `Character`;
/// ASCII is answered by arithmetic, any other scalar by its Unicode properties.
struct LexedCharacter {
    /// The UTF-8 offset just past the character.
    var end: Int
    /// Its first Unicode scalar (`\r` for a CR LF pair).
    var first: Unicode.Scalar
    /// Whether the character is that scalar alone (not CR LF, not a letter with a combining mark).
    var isSingleScalar: Bool

    /// The scalar, when the character is one ASCII scalar.
    var ascii: Unicode.Scalar? { isSingleScalar && first.isASCII ? first : nil }

    /// Whether the character is exactly `scalar`, an ASCII scalar (none has another
    /// canonically equivalent spelling among the ones the lexer compares with).
    func `is`(_ scalar: Unicode.Scalar) -> Bool { isSingleScalar && first == scalar }

    /// `Character.isLetter`: the first scalar is alphabetic.
    var isLetter: Bool {
        guard first.isASCII else { return first.properties.isAlphabetic }
        return ("a" ... "z").contains(first) || ("A" ... "Z").contains(first)
    }

    /// `Character.isNumber`: the first scalar has a numeric type.
    var isNumber: Bool {
        guard first.isASCII else { return first.properties.numericType != nil }
        return ("0" ... "9").contains(first)
    }

    /// `Character.isASCII && Character.isNumber`: one ASCII digit.
    var isASCIIDigit: Bool { isSingleScalar && ("0" ... "9").contains(first) }

    /// `Character.isWhitespace`: the first scalar is white space.
    var isWhitespace: Bool {
        guard first.isASCII else { return first.properties.isWhitespace }
        return first == " " || (0x09 ... 0x0D).contains(first.value)
    }

    /// `Character.isNewline`: LF, VT, FF, CR (and CR LF), NEL, LS or PS.
    var isNewline: Bool {
        switch first.value {
        case 0x0A ... 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
