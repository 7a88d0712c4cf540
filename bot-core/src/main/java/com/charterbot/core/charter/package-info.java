/**
 * The charter as the communications team writes it: Markdown section files, vocabulary,
 * calibration and watch-list, read and checked into one immutable {@link com.charterbot.core.charter.Charter}.
 *
 * <p>Inbound port: {@link com.charterbot.core.charter.ReloadCharter} (the {@code reload} command).
 * Services: {@link com.charterbot.core.charter.CharterLoader} with its parsers. Values: the
 * charter, its {@link com.charterbot.core.charter.Section}s, {@link com.charterbot.core.charter.QuizQuestion}s,
 * {@link com.charterbot.core.charter.CharterProblem}s and {@link com.charterbot.core.charter.LoadResult}.
 * {@code docs/charter-format.md} is the authors' guide.
 */
package com.charterbot.core.charter;
