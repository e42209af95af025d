package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void countsReadAsEnglish() {
        assertEquals("1 API call", Progress.apiCalls(1));
        assertEquals("2 API calls", Progress.apiCalls(2));
        assertEquals("0 API calls", Progress.apiCalls(0));
    }

    @Test
    void aLineNeverReachesTheLastColumn() {
        String line = "bedrock [######]4/4  cloudfront [######]1/1  cloudtrail [###...]2/4  cognito-idp [......]0/4  logs [......]0/4";
        String fitted = Progress.fit(line, 80);
        assertEquals(79, fitted.length());
        assertTrue(fitted.endsWith("…"));
        assertEquals("short", Progress.fit("short", 80));
    }

    @Test
    void widthFromColumnsElseEighty() {
        assertEquals(120, Progress.terminalWidth("120"));
        assertEquals(80, Progress.terminalWidth(null));
        assertEquals(80, Progress.terminalWidth("wide"));
        assertEquals(80, Progress.terminalWidth("5"));
    }
}
