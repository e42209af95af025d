package io.tenken.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * JSON string escapes for files other tools ingest and may show in a web page (OCSF, ASFF):
 * besides what JSON requires, {@code < > & '} and the line separators U+2028/U+2029 are written
 * as {@code \\uXXXX}, so account-controlled text cannot close a script element or a string
 * literal where the JSON is embedded. The parsed value is unchanged.
 */
final class JsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    static final JsonEscapes INSTANCE = new JsonEscapes();
    private final int[] table;

    private JsonEscapes() {
        table = standardAsciiEscapesForJSON();
        for (char c : new char[] {'<', '>', '&', '\''}) {
            table[c] = ESCAPE_STANDARD;
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return table;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch == 0x2028 || ch == 0x2029) {
            return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
        }
        return null;
    }
}
