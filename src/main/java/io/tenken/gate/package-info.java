/**
 * After evaluation, before rendering: waivers (a FAIL covered by an approved, unexpired waiver
 * becomes WAIVED) and the comparison with a baseline report. Both take a {@code Report} and
 * return a new one, so every format and every command ({@code evaluate}, {@code scan},
 * {@code verify}) shows the same thing.
 */
package io.tenken.gate;
